/// `metrics/v1beta1.ContainerMetrics`.
public struct ContainerMetrics: Sendable, Hashable, Codable {
    public var name: String
    public var usage: ResourceUsage

    public init(name: String, usage: ResourceUsage) {
        self.name = name
        self.usage = usage
    }
}

/// `metrics/v1beta1.PodMetrics`: one pod's containers' CPU and memory.
///
/// Alone (`GET .../pods/{name}`) it carries `kind`/`apiVersion`; as a list
/// item it does not, since Go omits an empty `TypeMeta` there.
public struct PodMetrics: ResourceMetricsItem {
    public var metadata: ResourceObjectMeta
    /// The newest sample behind the values (the end of the window).
    public var timestamp: KubeTimestamp
    /// Go duration text, e.g. `1m0s`.
    public var window: String
    public var containers: [ContainerMetrics]
    public var includesTypeMeta: Bool
    public static let listKind = "PodMetricsList"

    public init(metadata: ResourceObjectMeta, timestamp: KubeTimestamp, window: String, containers: [ContainerMetrics],
                includesTypeMeta: Bool = true) {
        self.metadata = metadata
        self.timestamp = timestamp
        self.window = window
        self.containers = containers
        self.includesTypeMeta = includesTypeMeta
    }

    private enum CodingKeys: String, CodingKey { case kind, apiVersion, metadata, timestamp, window, containers }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        metadata = try container.decode(ResourceObjectMeta.self, forKey: .metadata)
        timestamp = try container.decode(KubeTimestamp.self, forKey: .timestamp)
        window = try container.decode(String.self, forKey: .window)
        containers = try container.decodeIfPresent([ContainerMetrics].self, forKey: .containers) ?? []
        includesTypeMeta = container.contains(.kind)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if includesTypeMeta {
            try container.encode("PodMetrics", forKey: .kind)
            try container.encode(MetricsAPIGroupVersion.resourceV1Beta1.rawValue, forKey: .apiVersion)
        }
        try container.encode(metadata, forKey: .metadata)
        try container.encode(timestamp, forKey: .timestamp)
        try container.encode(window, forKey: .window)
        try container.encode(containers, forKey: .containers)
    }
}
