/// `resources:` of a rule: Prometheus labels ↔ Kubernetes resources.
public struct AdapterResourceMapping: Sendable, Hashable {
    /// E.g. `kube_<<.Group>>_<<.Resource>>` or `<<.Resource>>`.
    public var template: String?
    /// Label name → group-resource, e.g. `namespace: {resource: namespace}`.
    public var overrides: [String: AdapterGroupResource]
    /// External rules only (newer adapters): false makes the metric
    /// cluster-wide, so no namespace matcher is added. Default true.
    public var namespaced: Bool?

    public init(template: String? = nil, overrides: [String: AdapterGroupResource] = [:], namespaced: Bool? = nil) {
        self.template = template
        self.overrides = overrides
        self.namespaced = namespaced
    }
}

public struct AdapterGroupResource: Sendable, Hashable {
    public var group: String
    public var resource: String

    public init(group: String = "", resource: String) {
        self.group = group
        self.resource = resource
    }
}
