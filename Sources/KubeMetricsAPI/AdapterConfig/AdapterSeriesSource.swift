import TSDB

/// Where adapter rules find series: the store's series API (in agent360,
/// the in-memory TSDB), as the adapter uses Prometheus's `/api/v1/series`.
public protocol AdapterSeriesSource: Sendable {
    /// Label sets of the series matching the series selector `seriesQuery`
    /// that have samples between `start` and `end` (milliseconds).
    func series(matching seriesQuery: String, start: Int64, end: Int64) async throws -> [Labels]
}

extension MetricQueryEvaluator {
    /// Evaluates an adapter-rule query whose selectors carrying
    /// `AdapterRule.placeholderMatcher` get `matchers` instead of it.
    /// Evaluators that cannot do this refuse rather than ignore the matchers.
    public func evaluate(adapterQuery query: String, matchers: [LabelMatcher], at time: Int64) async throws -> [MetricPoint] {
        guard let evaluator = self as? any AdapterQueryEvaluator else {
            throw KubeAPIError.internalError("this query backend cannot evaluate prometheus-adapter rules")
        }
        return try await evaluator.evaluatePlaceholder(query: query, matchers: matchers, at: time)
    }
}

/// An evaluator that can put matchers at the placeholder of an adapter query.
public protocol AdapterQueryEvaluator: MetricQueryEvaluator {
    func evaluatePlaceholder(query: String, matchers: [LabelMatcher], at time: Int64) async throws -> [MetricPoint]
}
