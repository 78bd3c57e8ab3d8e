import Hummingbird
import Logging
import ServiceLifecycle

/// Serves the demo fleet's `/metrics` and advances it every 100 ms.
///
/// `POST /control?rps=…&errorRatio=…` changes the traffic at run time, which
/// is how tests and benchmarks make request and error rates move.
public struct DemoWorkloadService: Service {
    public let workload: DemoWorkload
    let listen: (host: String, port: Int)
    let logger: Logger

    public init(options: DemoWorkloadOptions, host: String, port: Int, logger: Logger) {
        self.workload = DemoWorkload(options: options)
        self.listen = (host, port)
        self.logger = logger
    }

    public func run() async throws {
        let router = Router()
        let workload = self.workload
        router.get("/metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(bytes: workload.exposition())))
        }
        router.post("/control") { request, _ -> String in
            let rps = request.uri.queryParameters.get("rps", as: Double.self)
            let errors = request.uri.queryParameters.get("errorRatio", as: Double.self)
            workload.adjust(requestsPerSecond: rps, errorRatio: errors)
            let now = workload.options
            return "rps=\(now.requestsPerSecond) errorRatio=\(now.errorRatio)\n"
        }
        router.get("/healthz") { _, _ in "ok" }
        let app = Application(router: router,
                              configuration: .init(address: .hostname(listen.host, port: listen.port), serverName: "agent360-demo"),
                              logger: logger)
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { try await app.run() }
            group.addTask {
                let start = ContinuousClock.now
                var last = 0.0
                while !Task.isShuttingDownGracefully && !Task.isCancelled {
                    try? await Task.sleep(for: .milliseconds(100))
                    let now = (ContinuousClock.now - start).seconds
                    workload.tick(now: now, interval: now - last)
                    last = now
                }
            }
        }
    }
}

extension Duration {
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }
}
