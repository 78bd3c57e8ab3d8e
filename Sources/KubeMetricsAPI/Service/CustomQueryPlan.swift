/// What answering a custom metric request for one resource needs, whether
/// the metric is configured (`customMetrics`) or derived from an adapter
/// rule: the query, how request matchers reach it, and the labels that
/// name objects and namespaces.
struct CustomQueryPlan: Sendable {
    var query: String
    /// True: matchers go where `AdapterRule.placeholderMatcher` is (adapter
    /// rules); false: to every selector (configured metrics).
    var atPlaceholder: Bool
    var objectLabel: String
    /// Nil when the rule maps no label to namespaces.
    var namespaceLabel: String?
    var windowSeconds: Int64?
    var maxAgeSeconds: Int64?
    var objectSelectorHandling: ObjectSelectorHandling
    /// How errors name where the metric comes from.
    var origin: String
}

extension KubeMetricsService {
    /// The plan for `metricName` on `resource`: configured metrics first,
    /// then the adapter rules' current catalog; nil when neither has it.
    func customPlan(metricName: String, resource: KubeResource, at time: Int64) async -> CustomQueryPlan? {
        // Per resource, like discovery: a configured metric that does not
        // map this resource leaves it to the adapter rules.
        if let metric = configuration.customMetric(named: metricName), let objectLabel = metric.label(for: resource) {
            return CustomQueryPlan(
                query: metric.config.query, atPlaceholder: false, objectLabel: objectLabel, namespaceLabel: metric.namespaceLabel,
                windowSeconds: metric.config.windowSeconds, maxAgeSeconds: metric.config.maxAgeSeconds,
                objectSelectorHandling: metric.config.objectSelectorHandling, origin: "customMetrics")
        }
        guard let adapter, let metric = await adapter.catalog(at: time).custom[metricName],
              let objectLabel = metric.resources[resource]
        else { return nil }
        return CustomQueryPlan(
            query: metric.rule.renderQuery(series: metric.seriesName, groupBy: [objectLabel]), atPlaceholder: true,
            objectLabel: objectLabel, namespaceLabel: metric.rule.resources.label(for: .namespaces),
            windowSeconds: nil, maxAgeSeconds: nil, objectSelectorHandling: .matchSeriesLabels, origin: metric.rule.field)
    }
}
