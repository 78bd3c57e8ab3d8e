import KubeMetricsAPI
import PromQL
import TSDB

/// Answers the Kubernetes metrics APIs with agent360's PromQL engine, over
/// the store, at request time — no relist interval between a sample's arrival
/// and the HPA seeing it.
///
/// Namespace and selector matchers are added to every vector selector of the
/// parsed query (`Expr.addingMatchers`), never pasted into query text, so no
/// label selector can change what the query computes.
struct PromQLMetricEvaluator: MetricQueryEvaluator {
    let queries: QueryService
    let lookbackDelta: Int64
    /// Configured queries parsed once at start.
    let parsed: [String: Expr]

    init(queries: QueryService, lookbackDelta: Int64, configuredQueries: [String]) {
        self.queries = queries
        self.lookbackDelta = lookbackDelta
        var parsed: [String: Expr] = [:]
        for query in configuredQueries { parsed[query] = try? parse(query) }
        self.parsed = parsed
    }

    func evaluate(query: String, extraMatchers: [LabelMatcher], at time: Int64) async throws -> [MetricPoint] {
        let expr = try (parsed[query] ?? parse(query)).addingMatchers(extraMatchers)
        let result = try await queries.instant(expr, at: time)
        let samples: [(Labels, Double)]
        switch result.value {
        case .vector(let vector): samples = vector.map { ($0.labels, $0.value) }
        case .scalar(_, let value): samples = [(.empty, value)]
        case .matrix, .string: throw APIError(.execution, "metric query must produce an instant vector or scalar")
        }
        guard !samples.isEmpty else { return [] }
        let newest = try newestSample(of: expr, at: time)
        return samples.map { MetricPoint(labels: $0.0, value: $0.1, newestSampleTimestamp: newest) }
    }

    /// The newest raw sample any selector of `expr` reads at `time`: what a
    /// result is "as of". When even that is old, the data stopped arriving.
    func newestSample(of expr: Expr, at time: Int64) throws -> Int64 {
        var newest = Int64.min
        for (selector, range) in expr.selectors {
            let end = time - selector.offset
            let start = end - max(range, lookbackDelta)
            // Only each series' newest sample is read (no decoding when it is
            // the head's last one); a series that ended with a stale marker
            // does not count as fresh.
            try queries.store.visitSeries(selector.matchers, minTime: start, maxTime: end, samples: .newest) { visit in
                if let last = visit.samples.last, !last.isStaleMarker, last.timestamp > newest {
                    newest = last.timestamp
                }
            }
        }
        return newest == .min ? time : newest
    }
}
