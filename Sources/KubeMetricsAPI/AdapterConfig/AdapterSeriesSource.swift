import TSDB

/// Where adapter rules find series: the store's series API (in agent360,
/// the in-memory TSDB), as the adapter uses Prometheus's `/api/v1/series`.
public protocol AdapterSeriesSource: Sendable {
    /// Label sets of the series matching the series selector `seriesQuery`
    /// that have samples between `start` and `end` (milliseconds).
    func series(matching seriesQuery: String, start: Int64, end: Int64) async throws -> [Labels]
}
