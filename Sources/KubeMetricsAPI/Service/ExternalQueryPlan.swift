/// What answering an external metric request needs (configured or adapter rule).
struct ExternalQueryPlan: Sendable {
    var query: String
    var atPlaceholder: Bool
    var namespaced: Bool
    var namespaceLabel: String?
    var windowSeconds: Int64?
    var maxAgeSeconds: Int64?
    var origin: String
}

extension KubeMetricsService {
    /// Configured external metrics first, then the adapter rules' catalog.
    func externalPlan(metricName: String, at time: Int64) async -> ExternalQueryPlan? {
        if let config = configuration.externalMetric(named: metricName) {
            return ExternalQueryPlan(
                query: config.query, atPlaceholder: false, namespaced: config.namespaced, namespaceLabel: config.namespaceLabel,
                windowSeconds: config.windowSeconds, maxAgeSeconds: config.maxAgeSeconds, origin: "externalMetrics")
        }
        guard let adapter, let metric = await adapter.catalog(at: time).external[metricName] else { return nil }
        // The adapter renders external queries with an empty group-by.
        return ExternalQueryPlan(
            query: metric.rule.renderQuery(series: metric.seriesName, groupBy: []), atPlaceholder: true,
            namespaced: metric.rule.namespaced, namespaceLabel: metric.rule.resources.label(for: .namespaces),
            windowSeconds: nil, maxAgeSeconds: nil, origin: metric.rule.field)
    }
}
