/// The two exposition formats agent360 can answer a scrape with.
public enum ExpositionFormat: Sendable, Hashable, CaseIterable {
    /// Prometheus text format 0.0.4: the default, and the only format
    /// swift-prometheus emits.
    case prometheusText
    /// OpenMetrics 1.0.0: only when the scraper prefers it.
    case openMetrics

    /// The exact `Content-Type` header value to send with a body in this format.
    public var contentType: String {
        switch self {
        case .prometheusText: return "text/plain; version=0.0.4; charset=utf-8"
        case .openMetrics: return "application/openmetrics-text; version=1.0.0; charset=utf-8"
        }
    }
}
