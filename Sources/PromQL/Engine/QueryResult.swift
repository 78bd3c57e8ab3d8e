import TSDB

/// The outcome of a query, shaped like Prometheus's `/api/v1/query` data.
///
/// JSON mapping for the HTTP API (Prometheus's format):
/// - `resultType` is `value.resultType`: "vector", "matrix", "scalar" or "string".
/// - vector: `[{"metric": {labels}, "value": [<ts>, "<v>"]}, …]`
/// - matrix: `[{"metric": {labels}, "values": [[<ts>, "<v>"], …]}, …]`
/// - scalar: `[<ts>, "<v>"]`; string: `[<ts>, "<s>"]`
///
/// `<ts>` is `PrometheusFormat.timestamp(milliseconds:)` written as a bare JSON
/// number, `<v>` is `PrometheusFormat.value(_:)` written as a JSON string.
/// Vector results keep evaluation order (Prometheus does not sort them);
/// matrix results of range queries are sorted by labels.
public struct QueryResult: Sendable {
    public enum Value: Sendable {
        case scalar(timestamp: Int64, value: Double)
        case string(timestamp: Int64, value: String)
        case vector([VectorSample])
        case matrix([MatrixSeries])
    }

    public var value: Value
    /// Non-fatal notes (Prometheus's `warnings`).
    public var warnings: [String]

    public init(value: Value, warnings: [String] = []) {
        self.value = value
        self.warnings = warnings
    }

    /// Prometheus's `resultType`.
    public var resultType: String {
        switch value {
        case .scalar: return "scalar"
        case .string: return "string"
        case .vector: return "vector"
        case .matrix: return "matrix"
        }
    }
}

/// One series' value at the evaluation time of an instant query.
public struct VectorSample: Sendable, Equatable {
    public var labels: Labels
    public var timestamp: Int64
    public var value: Double

    public init(labels: Labels, timestamp: Int64, value: Double) {
        self.labels = labels
        self.timestamp = timestamp
        self.value = value
    }

    public static func == (lhs: VectorSample, rhs: VectorSample) -> Bool {
        lhs.labels == rhs.labels && lhs.timestamp == rhs.timestamp
            && (lhs.value.bitPattern == rhs.value.bitPattern || lhs.value.isNaN && rhs.value.isNaN)
    }
}

/// One series with its samples (range queries, or range selectors).
public struct MatrixSeries: Sendable, Equatable {
    public var labels: Labels
    public var samples: [Sample]

    public init(labels: Labels, samples: [Sample]) {
        self.labels = labels
        self.samples = samples
    }
}
