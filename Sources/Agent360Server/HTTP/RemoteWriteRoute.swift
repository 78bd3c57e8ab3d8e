import HTTPTypes
import Hummingbird
import RemoteWrite
import TSDB

/// `POST /api/v1/write`: Prometheus remote write 1.0 into the store.
///
/// The HTTP layer only enforces the body size (413 before reading past the
/// limit); media types, snappy, protobuf and the per-series rules are the
/// receiver's, so the same code answers in tests without a server.
struct RemoteWriteRoute: Sendable {
    let receiver: RemoteWriteReceiver
    let store: MemoryStore
    let metrics: RemoteWriteMetrics
    let maxBodyBytes: Int

    func add<Context: RequestContext>(to router: Router<Context>) {
        router.post("/api/v1/write") { request, context in try await receive(request, context) }
        for method in [HTTPRequest.Method.get, .put, .delete, .patch, .head] {
            router.on("/api/v1/write", method: method) { _, _ in
                Response(status: .methodNotAllowed, headers: [.allow: "POST"],
                         body: .init(byteBuffer: ByteBuffer(string: "remote write accepts POST only\n")))
            }
        }
    }

    func receive<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let start = ContinuousClock.now
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > maxBodyBytes {
            return finish(RemoteWriteOutcome(status: 413, message: "request body of \(declared) bytes exceeds the limit of \(maxBodyBytes) bytes"), start)
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: maxBodyBytes)
        } catch {
            return finish(RemoteWriteOutcome(status: 413, message: "request body exceeds the limit of \(maxBodyBytes) bytes"), start)
        }
        let now = WallClock.nowMilliseconds()
        var outcome = body.withUnsafeReadableBytes { bytes in
            receiver.receive(body: bytes, contentType: request.headers[.contentType],
                             contentEncoding: request.headers[.contentEncoding], sink: store, now: now)
        }
        if let position = outcome.syncPosition, let error = await store.waitSynced(upTo: position) {
            outcome = RemoteWriteOutcome(status: 503, message: "samples not stored: \(error)", protocolVersion: .v1)
        }
        return finish(outcome, start)
    }

    private func finish(_ outcome: RemoteWriteOutcome, _ start: ContinuousClock.Instant) -> Response {
        metrics.record(outcome, duration: ContinuousClock.now - start)
        var headers = HTTPFields()
        for (name, value) in outcome.writtenHeaders {
            if let field = HTTPField.Name(name) { headers[field] = value }
        }
        guard outcome.status != 204 else { return Response(status: .noContent, headers: headers) }
        headers[.contentType] = "text/plain; charset=utf-8"
        return Response(status: .init(code: outcome.status), headers: headers,
                        body: .init(byteBuffer: ByteBuffer(string: outcome.message + "\n")))
    }
}
