import TSDB

/// One series of a query result, as the metrics APIs need it.
public struct MetricPoint: Sendable, Hashable {
    public var labels: Labels
    public var value: Double
    /// Milliseconds since the epoch of the newest raw sample that fed this
    /// value: the evidence that the number is fresh, since PromQL's 5-minute
    /// lookback happily keeps returning a sample from a dead scrape.
    public var newestSampleTimestamp: Int64

    public init(labels: Labels, value: Double, newestSampleTimestamp: Int64) {
        self.labels = labels
        self.value = value
        self.newestSampleTimestamp = newestSampleTimestamp
    }
}

/// Runs a configured PromQL query for the metrics APIs.
///
/// A protocol so this module does not depend on the PromQL engine, and so
/// the same API can sit on the in-memory TSDB or on a remote
/// Prometheus-compatible backend.
public protocol MetricQueryEvaluator: Sendable {
    /// Evaluates `query` at `time` (milliseconds since the epoch) with
    /// `extraMatchers` added to EVERY vector selector in the query's AST
    /// (never by pasting text into the query), returning an instant vector.
    ///
    /// Throwing a `KubeAPIError` passes that status through to the client;
    /// any other error becomes 500 InternalError.
    func evaluate(query: String, extraMatchers: [LabelMatcher], at time: Int64) async throws -> [MetricPoint]
}
