import KubeMetricsAPI
import PromQL
import TSDB

/// Adapter-rule discovery over the store: `seriesQuery` parsed as a series
/// selector and matched like `/api/v1/series`, under the query timeout, on
/// the metrics APIs' executor (the scan is the heavy part of discovery).
struct StoreSeriesSource: AdapterSeriesSource {
    let queries: QueryService
    let executor: EvaluationExecutor

    func series(matching seriesQuery: String, start: Int64, end: Int64) async throws -> [Labels] {
        guard let matchers = try parse(seriesQuery).vectorSelectorMatchers else {
            throw APIError(.badData, "seriesQuery \(seriesQuery) is not a series selector")
        }
        return try await executor.run { () async throws -> [Labels] in
            try queries.read { try queries.store.series(matchers, minTime: start, maxTime: end) }
        }
    }
}
