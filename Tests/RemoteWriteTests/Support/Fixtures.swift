import Foundation

/// Bodies captured from a real Prometheus 2.42 (see Fixtures/README.md).
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .resolvingSymlinksInPath()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func body(_ number: Int) throws -> [UInt8] {
        let name = String(format: "prometheus-2.42-%06d.snappy", number)
        return Array(try Data(contentsOf: directory.appendingPathComponent(name)))
    }

    /// The repository root, for running scripts/generate-protos.sh.
    static let repositoryRoot = directory
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
}
