import KubeMetricsAPI
import Logging
import PromQL
import TSDB

/// Adapter-rule discovery over the store: `seriesQuery` parsed as a series
/// selector and matched like `/api/v1/series`, under the query timeout, on
/// the metrics APIs' executor (the scan is the heavy part of discovery).
struct StoreSeriesSource: AdapterSeriesSource {
    let queries: QueryService
    let executor: EvaluationExecutor
    /// A failed listing keeps the previous discovery; the log says why.
    var logger: Logger?

    func series(matching seriesQuery: String, start: Int64, end: Int64) async throws -> [Labels] {
        do {
            guard let matchers = try parse(seriesQuery).vectorSelectorMatchers else {
                throw APIError(.badData, "seriesQuery \(seriesQuery) is not a series selector")
            }
            return try await executor.run { () async throws -> [Labels] in
                try queries.read { try queries.store.series(matchers, minTime: start, maxTime: end) }
            }
        } catch {
            logger?.warning("prometheus-adapter rule discovery failed; serving the previous metric list",
                            metadata: ["seriesQuery": "\(seriesQuery)", "error": "\(error)"])
            throw error
        }
    }
}
