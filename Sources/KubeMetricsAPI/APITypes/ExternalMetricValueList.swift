/// `external_metrics/v1beta1.ExternalMetricValue`: one series of an
/// external metric.
public struct ExternalMetricValue: Sendable, Hashable, Codable {
    public var metricName: String
    /// The series' labels without `__name__`; `{}` when none.
    public var metricLabels: [String: String]
    public var timestamp: KubeTimestamp
    /// Seconds the value was computed over; omitted when unknown.
    public var windowSeconds: Int64?
    public var value: Quantity

    public init(metricName: String, metricLabels: [String: String], timestamp: KubeTimestamp, windowSeconds: Int64? = nil, value: Quantity) {
        self.metricName = metricName
        self.metricLabels = metricLabels
        self.timestamp = timestamp
        self.windowSeconds = windowSeconds
        self.value = value
    }

    private enum CodingKeys: String, CodingKey {
        case metricName, metricLabels, timestamp, windowSeconds = "window", value
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        metricName = try container.decode(String.self, forKey: .metricName)
        metricLabels = try container.decodeIfPresent([String: String].self, forKey: .metricLabels) ?? [:]
        timestamp = try container.decode(KubeTimestamp.self, forKey: .timestamp)
        windowSeconds = try container.decodeIfPresent(Int64.self, forKey: .windowSeconds)
        value = try container.decode(Quantity.self, forKey: .value)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(metricName, forKey: .metricName)
        try container.encode(metricLabels, forKey: .metricLabels)
        try container.encode(timestamp, forKey: .timestamp)
        try container.encodeIfPresent(windowSeconds, forKey: .windowSeconds)
        try container.encode(value, forKey: .value)
    }
}

/// `external_metrics/v1beta1.ExternalMetricValueList`, the answer to
/// `GET /apis/external.metrics.k8s.io/v1beta1/namespaces/{ns}/{metric}`.
public struct ExternalMetricValueList: Sendable, Hashable, Codable {
    public static let apiVersion = "external.metrics.k8s.io/v1beta1"

    public var items: [ExternalMetricValue]

    public init(items: [ExternalMetricValue]) {
        self.items = items
    }

    private enum CodingKeys: String, CodingKey { case kind, apiVersion, metadata, items }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        items = try container.decodeIfPresent([ExternalMetricValue].self, forKey: .items) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("ExternalMetricValueList", forKey: .kind)
        try container.encode(Self.apiVersion, forKey: .apiVersion)
        try container.encode(EmptyObject(), forKey: .metadata)
        try container.encode(items, forKey: .items)
    }
}
