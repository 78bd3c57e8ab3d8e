import Exposition
import Testing

@Suite("Content negotiation")
struct ContentNegotiationTests {
    static let prometheus242Accept =
        "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1"

    @Test(
        "Accept header picks the format",
        arguments: [
            (prometheus242Accept, ExpositionFormat.openMetrics),
            // Prometheus with OpenMetrics disabled for the job.
            ("text/plain;version=0.0.4;q=0.5,*/*;q=0.1", .prometheusText),
            // curl, browsers, no header at all.
            ("*/*", .prometheusText),
            ("", .prometheusText),
            ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", .prometheusText),
            // Only version 1.0.0 and 0.0.1 of OpenMetrics are known.
            ("application/openmetrics-text;version=2.0.0", .prometheusText),
            ("application/openmetrics-text", .openMetrics),
            ("application/openmetrics-text; version=\"1.0.0\"; charset=utf-8", .openMetrics),
            // Parameters and type are case-insensitive, whitespace is allowed.
            ("  Application/OpenMetrics-Text ; Version=1.0.0 ; Q=0.9 , text/plain;q=0.1", .openMetrics),
            // The scraper prefers text: OpenMetrics only when preferred.
            ("application/openmetrics-text;version=1.0.0;q=0.4,text/plain;version=0.0.4;q=0.5", .prometheusText),
            // Equal q: header order decides.
            ("text/plain;version=0.0.4,application/openmetrics-text;version=1.0.0", .prometheusText),
            // q=0 means "not acceptable".
            ("application/openmetrics-text;version=1.0.0;q=0,*/*;q=0.1", .prometheusText),
            // Protobuf is not offered; fall through to the next range.
            ("application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited;q=0.7,application/openmetrics-text;version=1.0.0;q=0.6,text/plain;q=0.5", .openMetrics),
            // Wildcards never select OpenMetrics.
            ("application/*", .prometheusText),
            // Garbage of several kinds.
            (";;;,,,", .prometheusText),
            ("application/openmetrics-text;q=banana", .prometheusText),
            ("application/openmetrics-text;q=1.5", .prometheusText),
            ("application/openmetrics-text;version", .prometheusText),
            ("\u{0}\u{7f}ü", .prometheusText),
        ]
    )
    func negotiatesFormat(accept: String, expected: ExpositionFormat) {
        #expect(ContentNegotiation.negotiate(accept: accept) == expected)
    }

    @Test("Missing Accept header gets text 0.0.4")
    func missingHeader() {
        #expect(ContentNegotiation.negotiate(accept: nil) == .prometheusText)
    }

    @Test("Content types are exact")
    func contentTypes() {
        #expect(ExpositionFormat.prometheusText.contentType == "text/plain; version=0.0.4; charset=utf-8")
        #expect(ExpositionFormat.openMetrics.contentType == "application/openmetrics-text; version=1.0.0; charset=utf-8")
    }

    @Test(
        "Accept-Encoding decides gzip",
        arguments: [
            ("gzip", true),
            // What Prometheus 2.42 sends.
            ("gzip, deflate", true),
            ("deflate, gzip;q=1.0, *;q=0.5", true),
            ("x-gzip", true),
            ("GZIP", true),
            ("gzip;q=0", false),
            ("gzip;q=0.000", false),
            ("*", true),
            ("*;q=0", false),
            ("gzip;q=0, *", false),
            ("*;q=0, gzip;q=0.1", true),
            ("identity", false),
            ("br, deflate", false),
            ("", false),
            ("gzip;q=oops", false),
        ]
    )
    func gzip(acceptEncoding: String, expected: Bool) {
        #expect(ContentNegotiation.acceptsGzip(acceptEncoding: acceptEncoding) == expected)
    }

    @Test("Missing Accept-Encoding means no gzip")
    func missingEncoding() {
        #expect(!ContentNegotiation.acceptsGzip(acceptEncoding: nil))
    }
}
