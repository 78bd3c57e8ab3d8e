import KubeMetricsAPI
import PromQL
import TSDB

/// Answers the Kubernetes metrics APIs with agent360's PromQL engine, over
/// the store, at request time — no relist interval between a sample's arrival
/// and the HPA seeing it.
///
/// Namespace and selector matchers are added to every vector selector of the
/// parsed query (`Expr.addingMatchers`), or where an adapter query's
/// placeholder stands, never pasted into query text, so no label selector
/// can change what the query computes.
struct PromQLMetricEvaluator: AdapterQueryEvaluator {
    let queries: QueryService
    /// Where evaluations run: off the cooperative pool, at the server's
    /// priority, so neither ingest nor a rule delays an HPA's answer.
    let executor: EvaluationExecutor
    let lookbackDelta: Int64
    /// Configured queries parsed once at start.
    let parsed: [String: Expr]

    init(queries: QueryService, executor: EvaluationExecutor, lookbackDelta: Int64, configuredQueries: [String]) {
        self.queries = queries
        self.executor = executor
        self.lookbackDelta = lookbackDelta
        var parsed: [String: Expr] = [:]
        for query in configuredQueries { parsed[query] = try? parse(query) }
        self.parsed = parsed
    }

    /// A query from an adapter file's `resourceRules` marks where the
    /// request's matchers go with the placeholder; any other query gets them
    /// in every selector.
    func evaluate(query: String, extraMatchers: [LabelMatcher], at time: Int64) async throws -> [MetricPoint] {
        let configured = try parsed[query] ?? parse(query)
        let expr = configured.containsAdapterPlaceholder
            ? configured.replacingAdapterPlaceholder(with: extraMatchers) : try configured.addingMatchers(extraMatchers)
        return try await executor.run { () async throws -> [MetricPoint] in try await evaluateHere(expr, at: time) }
    }

    /// Adapter-rule queries: the request's matchers replace the placeholder
    /// in the parsed AST (see `Expr.replacingAdapterPlaceholder`).
    func evaluatePlaceholder(query: String, matchers: [LabelMatcher], at time: Int64) async throws -> [MetricPoint] {
        let expr = try parse(query).replacingAdapterPlaceholder(with: matchers)
        return try await executor.run { () async throws -> [MetricPoint] in try await evaluateHere(expr, at: time) }
    }

    private func evaluateHere(_ expr: Expr, at time: Int64) async throws -> [MetricPoint] {
        let result = try await queries.instant(expr, at: time)
        let samples: [(Labels, Double)]
        switch result.value {
        case .vector(let vector): samples = vector.map { ($0.labels, $0.value) }
        case .scalar(_, let value): samples = [(.empty, value)]
        case .matrix, .string: throw APIError(.execution, "metric query must produce an instant vector or scalar")
        }
        guard !samples.isEmpty else { return [] }
        let freshness = try InputFreshness(of: expr, at: time, lookbackDelta: lookbackDelta, store: queries.store,
                                           outputs: samples.map(\.0))
        return samples.map { MetricPoint(labels: $0.0, value: $0.1, newestSampleTimestamp: freshness.newest(for: $0.0) ?? time) }
    }
}
