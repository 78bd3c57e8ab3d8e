import Foundation

/// The built `agent360 serve`, started on free ports for one test.
struct Agent360Process: Sendable {
    let process: ManagedProcess
    let port: Int
    /// The HTTPS listener of the Kubernetes metrics APIs.
    let securePort: Int
    /// `--storage.path` (WAL and checkpoints): a restart on it keeps the data.
    let storagePath: String
    /// Whether the plain listener serves TLS (a web configuration with `tls_server_config`).
    var tls = false
    var baseURL: String { "\(tls ? "https" : "http")://127.0.0.1:\(port)" }
    var secureURL: String { "https://127.0.0.1:\(securePort)" }

    /// Starts `agent360 serve` with `config` (YAML, or the embedded default
    /// when nil) and waits until `/readyz` answers 200. Each process gets a
    /// fresh storage directory unless `storagePath` names one (a restart),
    /// and the same ports when `ports` are given.
    static func start(
        config: String? = nil, extraArguments: [String] = [], name: String = "agent360",
        storagePath: String? = nil, ports: (plain: Int, secure: Int)? = nil, readyTimeout: Duration = .seconds(30),
        tls: Bool = false, waitUntilReady: Bool = true
    ) async throws -> Agent360Process {
        let port = try ports?.plain ?? freePort()
        let securePort = try ports?.secure ?? freePort()
        let storage = try storagePath ?? Paths.temporaryDirectory("\(name)-data").path
        var arguments = ["serve", "--listen", "127.0.0.1:\(port)", "--secure-listen", "127.0.0.1:\(securePort)",
                         "--storage.path", storage]
        if let config {
            let directory = try Paths.temporaryDirectory(name)
            let url = directory.appendingPathComponent("agent360.yaml")
            try config.write(to: url, atomically: true, encoding: .utf8)
            arguments += ["--config", url.path]
        }
        let process = try ManagedProcess(name: name, executable: Paths.agent360, arguments: arguments + extraArguments)
        let server = Agent360Process(process: process, port: port, securePort: securePort, storagePath: storage, tls: tls)
        guard waitUntilReady else { return server }
        do {
            try await HTTP.waitUntilOK("\(server.baseURL)/readyz", timeout: readyTimeout, process: process)
        } catch {
            await process.stop()
            throw error
        }
        return server
    }

    func stop() async -> Int32? { await process.stop() }
}

/// Runs a command to completion and returns its exit status and output.
func runCommand(_ executable: String, _ arguments: [String], input: String? = nil) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let outputPipe = Pipe()
    process.standardOutput = outputPipe
    process.standardError = outputPipe
    let inputPipe = Pipe()
    process.standardInput = inputPipe
    try process.run()
    if let input { inputPipe.fileHandleForWriting.write(Data(input.utf8)) }
    try inputPipe.fileHandleForWriting.close()
    let data = outputPipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// Starts agent360, runs `body`, and stops the process however `body` ends.
func withAgent360<T>(config: String? = nil, extraArguments: [String] = [],
                     _ body: (Agent360Process) async throws -> T) async throws -> T {
    let agent = try await Agent360Process.start(config: config, extraArguments: extraArguments)
    return try await withProcess(agent.process) { _ in try await body(agent) }
}
