/// An external metric (`external.metrics.k8s.io`): a PromQL query whose
/// result series become the metric's values.
public struct ExternalMetricConfig: Sendable, Hashable {
    /// The name the HPA asks for, and the discovery resource name.
    public var name: String
    public var query: String
    /// When true (the default) only series whose `namespaceLabel` equals the
    /// HPA's namespace count, so one tenant cannot scale on another's load.
    /// Set false for cluster-wide signals (a shared queue's length).
    public var namespaced: Bool
    /// The Prometheus label that holds a series' Kubernetes namespace.
    public var namespaceLabel: String
    /// Oldest acceptable newest-sample age; nil uses the configuration's default.
    public var maxAgeSeconds: Int64?
    /// Reported as the value's `window` (e.g. a `rate(...[1m])` range).
    public var windowSeconds: Int64?

    public init(name: String, query: String, namespaced: Bool = true, namespaceLabel: String = "namespace",
                maxAgeSeconds: Int64? = nil, windowSeconds: Int64? = nil) {
        self.name = name
        self.query = query
        self.namespaced = namespaced
        self.namespaceLabel = namespaceLabel
        self.maxAgeSeconds = maxAgeSeconds
        self.windowSeconds = windowSeconds
    }
}

/// How a custom-metric list request's `labelSelector` (which, in
/// Kubernetes, selects *objects* by their labels) is applied.
public enum ObjectSelectorHandling: String, Sendable, Hashable {
    /// Apply each requirement as a Prometheus matcher on the series (keys
    /// sanitized). Right when series carry the pods' labels, e.g. relabelled
    /// from Prometheus's Kubernetes service discovery. A series without
    /// the label does not match, so the HPA gets an error, not a wrong value.
    case matchSeriesLabels
    /// Ignore it: every object in the namespace that has the metric counts.
    /// For series that carry no pod labels, in namespaces that hold one
    /// scaled workload.
    case ignore
}

/// A custom metric (`custom.metrics.k8s.io`): a PromQL query whose series
/// each describe one Kubernetes object, found through a label.
public struct CustomMetricConfig: Sendable, Hashable {
    public var name: String
    public var query: String
    /// Kubernetes resource → the Prometheus label naming its object, e.g.
    /// `["pod": "pod", "namespace": "namespace", "deployment": "workload"]`.
    /// Keys are resource names as `KubeResource.lookup` accepts them. The
    /// label mapped to `namespace` (default `namespace`) also scopes
    /// namespaced objects.
    public var resources: [String: String]
    public var maxAgeSeconds: Int64?
    public var windowSeconds: Int64?
    public var objectSelectorHandling: ObjectSelectorHandling

    public init(name: String, query: String, resources: [String: String], maxAgeSeconds: Int64? = nil,
                windowSeconds: Int64? = nil, objectSelectorHandling: ObjectSelectorHandling = .matchSeriesLabels) {
        self.name = name
        self.query = query
        self.resources = resources
        self.maxAgeSeconds = maxAgeSeconds
        self.windowSeconds = windowSeconds
        self.objectSelectorHandling = objectSelectorHandling
    }
}

/// A custom metric with its resource names resolved.
struct ResolvedCustomMetric: Sendable {
    let config: CustomMetricConfig
    /// Sorted by group-resource for stable discovery output.
    let labels: [(resource: KubeResource, label: String)]
    let namespaceLabel: String

    func label(for resource: KubeResource) -> String? {
        labels.first { $0.resource == resource }?.label
    }
}
