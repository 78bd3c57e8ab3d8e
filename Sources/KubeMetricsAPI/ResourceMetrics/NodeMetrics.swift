/// `metrics/v1beta1.NodeMetrics`: one node's CPU and memory.
///
/// Alone (`GET .../nodes/{name}`) it carries `kind`/`apiVersion`; as a list
/// item it does not, since Go omits an empty `TypeMeta` there.
public struct NodeMetrics: ResourceMetricsItem {
    public var metadata: ResourceObjectMeta
    /// The newest sample behind the values (the end of the window).
    public var timestamp: KubeTimestamp
    /// Go duration text, e.g. `1m0s`.
    public var window: String
    public var usage: ResourceUsage
    public var includesTypeMeta: Bool
    public static let listKind = "NodeMetricsList"

    public init(metadata: ResourceObjectMeta, timestamp: KubeTimestamp, window: String, usage: ResourceUsage,
                includesTypeMeta: Bool = true) {
        self.metadata = metadata
        self.timestamp = timestamp
        self.window = window
        self.usage = usage
        self.includesTypeMeta = includesTypeMeta
    }

    private enum CodingKeys: String, CodingKey { case kind, apiVersion, metadata, timestamp, window, usage }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        metadata = try container.decode(ResourceObjectMeta.self, forKey: .metadata)
        timestamp = try container.decode(KubeTimestamp.self, forKey: .timestamp)
        window = try container.decode(String.self, forKey: .window)
        usage = try container.decode(ResourceUsage.self, forKey: .usage)
        includesTypeMeta = container.contains(.kind)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if includesTypeMeta {
            try container.encode("NodeMetrics", forKey: .kind)
            try container.encode(MetricsAPIGroupVersion.resourceV1Beta1.rawValue, forKey: .apiVersion)
        }
        try container.encode(metadata, forKey: .metadata)
        try container.encode(timestamp, forKey: .timestamp)
        try container.encode(window, forKey: .window)
        try container.encode(usage, forKey: .usage)
    }
}
