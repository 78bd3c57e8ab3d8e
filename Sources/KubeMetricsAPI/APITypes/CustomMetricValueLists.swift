/// `custom_metrics/v1beta1.MetricValue`.
public struct MetricValueV1Beta1: Sendable, Hashable, Codable {
    public var describedObject: ObjectReference
    public var metricName: String
    public var timestamp: KubeTimestamp
    public var windowSeconds: Int64?
    public var value: Quantity
    /// The metric-label selector the value was computed with, if any.
    public var selector: LabelSelectorObject?

    public init(describedObject: ObjectReference, metricName: String, timestamp: KubeTimestamp,
                windowSeconds: Int64? = nil, value: Quantity, selector: LabelSelectorObject? = nil) {
        self.describedObject = describedObject
        self.metricName = metricName
        self.timestamp = timestamp
        self.windowSeconds = windowSeconds
        self.value = value
        self.selector = selector
    }

    private enum CodingKeys: String, CodingKey {
        case describedObject, metricName, timestamp, windowSeconds = "window", value, selector
    }
}

/// `custom_metrics/v1beta2.MetricIdentifier`.
public struct MetricIdentifier: Sendable, Hashable, Codable {
    public var name: String
    public var selector: LabelSelectorObject?

    public init(name: String, selector: LabelSelectorObject? = nil) {
        self.name = name
        self.selector = selector
    }
}

/// `custom_metrics/v1beta2.MetricValue`.
public struct MetricValueV1Beta2: Sendable, Hashable, Codable {
    public var describedObject: ObjectReference
    public var metric: MetricIdentifier
    public var timestamp: KubeTimestamp
    public var windowSeconds: Int64?
    public var value: Quantity

    public init(describedObject: ObjectReference, metric: MetricIdentifier, timestamp: KubeTimestamp,
                windowSeconds: Int64? = nil, value: Quantity) {
        self.describedObject = describedObject
        self.metric = metric
        self.timestamp = timestamp
        self.windowSeconds = windowSeconds
        self.value = value
    }
}

/// `custom_metrics/<version>.MetricValueList`, the answer to every
/// `custom.metrics.k8s.io` object query, for either served version.
public struct MetricValueList<Item: Sendable & Hashable & Codable>: Sendable, Hashable, Codable {
    public var apiVersion: String
    public var items: [Item]

    public init(apiVersion: String, items: [Item]) {
        self.apiVersion = apiVersion
        self.items = items
    }

    private enum CodingKeys: String, CodingKey { case kind, apiVersion, metadata, items }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        apiVersion = try container.decodeIfPresent(String.self, forKey: .apiVersion) ?? ""
        items = try container.decodeIfPresent([Item].self, forKey: .items) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("MetricValueList", forKey: .kind)
        try container.encode(apiVersion, forKey: .apiVersion)
        try container.encode(EmptyObject(), forKey: .metadata)
        try container.encode(items, forKey: .items)
    }
}

public typealias MetricValueListV1Beta1 = MetricValueList<MetricValueV1Beta1>
public typealias MetricValueListV1Beta2 = MetricValueList<MetricValueV1Beta2>
