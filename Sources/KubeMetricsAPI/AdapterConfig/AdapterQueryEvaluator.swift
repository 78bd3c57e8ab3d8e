import TSDB

/// An evaluator that can put matchers at the placeholder of an adapter query.
public protocol AdapterQueryEvaluator: MetricQueryEvaluator {
    func evaluatePlaceholder(query: String, matchers: [LabelMatcher], at time: Int64) async throws -> [MetricPoint]
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
