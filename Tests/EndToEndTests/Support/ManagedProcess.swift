import Foundation
import Synchronization

/// A child process the test owns: output captured to a file, always stopped.
///
/// Tests must not leak processes into CI, so `stop()` escalates from SIGTERM
/// to SIGKILL and `deinit` kills whatever is still running.
final class ManagedProcess: Sendable {
    let name: String
    let logURL: URL
    private let process: Mutex<Process>

    init(name: String, executable: String, arguments: [String], environment: [String: String]? = nil,
         workingDirectory: URL? = nil) throws {
        self.name = name
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("agent360-e2e-logs", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        logURL = directory.appendingPathComponent("\(name)-\(UUID().uuidString.prefix(8)).log")
        _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
        let handle = try FileHandle(forWritingTo: logURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        if let workingDirectory { process.currentDirectoryURL = workingDirectory }
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        self.process = Mutex(process)
    }

    var pid: Int32 { process.withLock { $0.processIdentifier } }
    var isRunning: Bool { process.withLock { $0.isRunning } }

    /// Everything the process wrote so far (stdout and stderr interleaved).
    var output: String { (try? String(contentsOf: logURL, encoding: .utf8)) ?? "" }

    func signal(_ signal: Int32) {
        let pid = self.pid
        if isRunning { kill(pid, signal) }
    }

    /// Waits for exit up to `timeout`; returns the exit status or nil on timeout.
    func waitForExit(timeout: Duration) async -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if !isRunning { return process.withLock { $0.terminationStatus } }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return nil
    }

    /// SIGTERM, then SIGKILL after `grace`.
    @discardableResult
    func stop(grace: Duration = .seconds(5)) async -> Int32? {
        guard isRunning else { return process.withLock { $0.terminationStatus } }
        signal(SIGTERM)
        if let status = await waitForExit(timeout: grace) { return status }
        signal(SIGKILL)
        return await waitForExit(timeout: .seconds(5))
    }

    deinit {
        process.withLock { process in
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
    }
}

/// Runs `body` with a started process and stops the process however `body` ends.
func withProcess<T>(_ process: ManagedProcess, _ body: (ManagedProcess) async throws -> T) async throws -> T {
    do {
        let result = try await body(process)
        await process.stop()
        return result
    } catch {
        await process.stop()
        throw error
    }
}
