import Hummingbird

/// `/healthz`, `/livez` and `/readyz`, named as Kubernetes components name them.
///
/// Liveness never depends on data (a restart would not help); readiness does.
enum HealthRoutes {
    static func add<Context: RequestContext>(to router: Router<Context>, readiness: Readiness) {
        router.get("/healthz") { _, _ in "ok" }
        router.get("/livez") { _, _ in "ok" }
        router.get("/readyz") { _, _ -> Response in
            if readiness.isReady {
                return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "ok")))
            }
            let missing = readiness.missing.map(\.rawValue).joined(separator: ", ")
            return Response(status: .serviceUnavailable,
                            body: .init(byteBuffer: ByteBuffer(string: "not ready: waiting for \(missing)")))
        }
    }
}
