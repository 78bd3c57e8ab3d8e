/// One line of an exposition: a sample name with its ordered labels, a value
/// and an optional timestamp.
///
/// `name` is the full sample name including any type suffix (`_total`,
/// `_bucket`, `_sum`, `_count`, `_created`, …) because that is the name the
/// series gets in Prometheus; the family only groups samples under one
/// `# TYPE`. Labels stay an ordered array of pairs (as swift-prometheus holds
/// them) so writing needs no sorting and no dictionary.
public struct MetricSample: Sendable {
    public var name: String
    public var labels: [(String, String)]
    public var value: Double
    /// Milliseconds since the Unix epoch, or `nil` to let the scraper stamp it.
    public var timestampMilliseconds: Int64?

    public init(
        name: String,
        labels: [(String, String)] = [],
        value: Double,
        timestampMilliseconds: Int64? = nil
    ) {
        self.name = name
        self.labels = labels
        self.value = value
        self.timestampMilliseconds = timestampMilliseconds
    }

    /// The value of the first label called `name`, if any.
    public func label(_ name: String) -> String? {
        for (key, value) in labels where key == name {
            return value
        }
        return nil
    }
}

extension MetricSample: Equatable {
    /// Samples are equal when names, labels (in order), timestamps and values
    /// match; two NaN values count as equal so a parsed NaN round-trips.
    public static func == (lhs: MetricSample, rhs: MetricSample) -> Bool {
        guard lhs.name == rhs.name,
            lhs.timestampMilliseconds == rhs.timestampMilliseconds,
            lhs.value == rhs.value || (lhs.value.isNaN && rhs.value.isNaN),
            lhs.labels.count == rhs.labels.count
        else { return false }
        for (left, right) in zip(lhs.labels, rhs.labels) where left != right {
            return false
        }
        return true
    }
}
