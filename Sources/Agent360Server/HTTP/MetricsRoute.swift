import CompressNIO
import Exposition
import Hummingbird

/// `GET /metrics`: every source merged, in the format the scraper prefers.
///
/// Prometheus asks for OpenMetrics first; curl and older scrapers get text
/// 0.0.4. Bodies are gzipped only when the client says it accepts gzip.
struct MetricsRoute: Sendable {
    /// Each source is asked on every scrape; sources must be cheap.
    let sources: [@Sendable () -> [MetricFamily]]

    func add<Context: RequestContext>(to router: Router<Context>) {
        router.get("/metrics") { request, _ in try render(request) }
    }

    func render(_ request: Request) throws -> Response {
        let format = ContentNegotiation.negotiate(accept: request.headers[.accept])
        var families: [MetricFamily] = []
        for source in sources { families += source() }
        var body = ByteBuffer(bytes: ExpositionWriter.write(families, format: format))
        var headers: HTTPFields = [.contentType: format.contentType]
        if ContentNegotiation.acceptsGzip(acceptEncoding: request.headers[.acceptEncoding]) {
            body = try body.compress(with: .gzip())
            headers[.contentEncoding] = "gzip"
        }
        headers[.vary] = "Accept, Accept-Encoding"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: body))
    }
}
