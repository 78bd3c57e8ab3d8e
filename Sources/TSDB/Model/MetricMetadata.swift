/// The type, help and unit Prometheus sends per metric family.
public struct MetricMetadata: Sendable, Hashable {
    /// Prometheus's metric types as named by the remote-write protocol and
    /// the `/api/v1/metadata` API (lower case).
    public enum MetricType: String, Sendable, Hashable, CaseIterable {
        case unknown, counter, gauge, histogram, gaugehistogram, summary, info, stateset
    }

    public var metricFamilyName: String
    public var type: MetricType
    public var help: String
    public var unit: String

    public init(metricFamilyName: String, type: MetricType, help: String, unit: String) {
        self.metricFamilyName = metricFamilyName
        self.type = type
        self.help = help
        self.unit = unit
    }
}

/// A traced example observation attached to a series (e.g. a trace id).
public struct Exemplar: Sendable, Equatable {
    public var seriesLabels: Labels
    public var labels: Labels
    public var value: Double
    public var timestamp: Int64

    public init(seriesLabels: Labels, labels: Labels, value: Double, timestamp: Int64) {
        self.seriesLabels = seriesLabels
        self.labels = labels
        self.value = value
        self.timestamp = timestamp
    }

    public static func == (lhs: Exemplar, rhs: Exemplar) -> Bool {
        lhs.seriesLabels == rhs.seriesLabels && lhs.labels == rhs.labels
            && lhs.value.bitPattern == rhs.value.bitPattern && lhs.timestamp == rhs.timestamp
    }
}
