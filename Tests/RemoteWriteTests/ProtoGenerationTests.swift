import Foundation
import Testing

/// The committed C code under Sources/CPrompb must be what protoc-c makes of proto/.
@Suite struct ProtoGenerationTests {
    @Test func protoGenerationIsUpToDate() throws {
        let script = Fixtures.repositoryRoot.appendingPathComponent("scripts/generate-protos.sh")
        let hasCompiler = ["/usr/bin/protoc-c", "/usr/local/bin/protoc-c"].contains { FileManager.default.isExecutableFile(atPath: $0) }
        try #require(FileManager.default.fileExists(atPath: script.path))
        guard hasCompiler else { return }  // the committed code is all a build needs
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script.path, "--check"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        process.waitUntilExit()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(text)")
    }
}
