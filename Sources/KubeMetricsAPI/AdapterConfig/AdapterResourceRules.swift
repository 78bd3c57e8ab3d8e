/// `resourceRules:` of a prometheus-adapter configuration, as written:
/// how the adapter answers `metrics.k8s.io` (what `kubectl top` and the
/// HPA's CPU/memory targets read).
public struct AdapterResourceRules: Sendable, Hashable {
    public var cpu: AdapterResourceRule
    public var memory: AdapterResourceRule
    /// `window:` — reported with each value; should match the queries' rate range.
    public var windowSeconds: Int64?

    public init(cpu: AdapterResourceRule, memory: AdapterResourceRule, windowSeconds: Int64? = nil) {
        self.cpu = cpu
        self.memory = memory
        self.windowSeconds = windowSeconds
    }
}

/// `resourceRules.cpu` / `.memory`.
public struct AdapterResourceRule: Sendable, Hashable {
    /// Per-container usage; grouped by the pod label and `containerLabel`.
    public var containerQuery: String
    /// Per-node usage; grouped by the node label.
    public var nodeQuery: String
    public var resources: AdapterResourceMapping
    /// The label holding the container name (e.g. `container`).
    public var containerLabel: String

    public init(containerQuery: String, nodeQuery: String, resources: AdapterResourceMapping, containerLabel: String) {
        self.containerQuery = containerQuery
        self.nodeQuery = nodeQuery
        self.resources = resources
        self.containerLabel = containerLabel
    }
}
