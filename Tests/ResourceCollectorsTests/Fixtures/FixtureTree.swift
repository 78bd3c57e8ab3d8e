import Foundation

/// A throw-away directory standing in for `/`, filled with copies of real
/// kernel files, so each layout can be tested on any machine.
struct FixtureTree {
    let root: String

    init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("resource-fixture-\(UUID().uuidString)").path
        for (path, contents) in files {
            try write(path, contents)
        }
    }

    func write(_ path: String, _ contents: String) throws {
        let url = URL(fileURLWithPath: root + path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url)
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(atPath: root + path)
    }

    func makeDirectory(_ path: String) throws {
        try FileManager.default.createDirectory(atPath: root + path, withIntermediateDirectories: true)
    }

    func destroy() {
        try? FileManager.default.removeItem(atPath: root)
    }
}

/// Runs `body` with a fixture tree that is deleted afterwards.
func withFixtureTree<T>(_ files: [String: String], _ body: (FixtureTree) throws -> T) throws -> T {
    let tree = try FixtureTree(files)
    defer { tree.destroy() }
    return try body(tree)
}
