import Foundation
import KubeMetricsAPI
import Logging
import ServiceLifecycle

@testable import KubeAPIServer

/// A `SecureAPIServer` running in-process on an ephemeral port.
struct RunningServer: Sendable {
    let port: Int
    let identity: ServingIdentity
    var baseURL: String { "https://127.0.0.1:\(port)" }
}

/// Starts the server, runs `body`, and shuts the server down however
/// `body` ends.
func withSecureServer<T: Sendable>(
    _ config: SecureAPIConfig,
    service: KubeMetricsService? = nil,
    readiness: @escaping @Sendable () -> Bool = { true },
    inCluster: InClusterEnvironment? = nil,
    _ body: @Sendable (RunningServer) async throws -> T
) async throws -> T {
    var config = config
    config.listen = ListenAddress(host: "127.0.0.1", port: 0)
    var logger = Logger(label: "test.secure-api")
    logger.logLevel = ProcessInfo.processInfo.environment["TEST_LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0) } ?? .warning
    let (ports, portContinuation) = AsyncStream<Int>.makeStream()
    let server = try SecureAPIServer(
        config: config, service: try service ?? StandInEvaluator.service(), readiness: readiness, logger: logger,
        inCluster: inCluster, onServerRunning: { port in portContinuation.yield(port) })
    let application = try server.makeApplication()
    return try await withRunningService(application, ports: ports, portContinuation: portContinuation, logger: logger) { port in
        try await body(RunningServer(port: port, identity: server.identity))
    }
}

/// Runs `service` in a service group until `body` is done; `ports`
/// delivers the bound port (from `onServerRunning`).
func withRunningService<T: Sendable>(
    _ service: some Service, ports: AsyncStream<Int>, portContinuation: AsyncStream<Int>.Continuation, logger: Logger,
    _ body: @Sendable (Int) async throws -> T
) async throws -> T {
    let group = ServiceGroup(configuration: .init(services: [service], gracefulShutdownSignals: [], logger: logger))
    return try await withThrowingTaskGroup(of: Void.self) { tasks in
        tasks.addTask {
            defer { portContinuation.finish() }
            try await group.run()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            try await tasks.waitForAll()
            throw TestFailure("the server stopped before listening")
        }
        do {
            let result = try await body(port)
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            return result
        } catch {
            await group.triggerGracefulShutdown()
            try? await tasks.waitForAll()
            throw error
        }
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
