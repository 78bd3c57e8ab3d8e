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
