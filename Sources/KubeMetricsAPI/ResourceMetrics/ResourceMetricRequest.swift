/// A `metrics.k8s.io/v1beta1` request: PodMetrics or NodeMetrics, one by
/// name or a list, as metrics-server answers them.
public struct ResourceMetricRequest: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case pods, nodes
    }

    public var kind: Kind
    /// Pods only; nil lists pods of all namespaces.
    public var namespace: String?
    /// nil lists; a name gets one object (404 when it has no metrics).
    public var name: String?
    /// Selects pods or nodes by their Kubernetes labels (see
    /// `ResourceMetricsQueries.podLabelsQuery`); lists only.
    public var labelSelector: LabelSelector

    public init(kind: Kind, namespace: String? = nil, name: String? = nil, labelSelector: LabelSelector = .everything) {
        self.kind = kind
        self.namespace = namespace
        self.name = name
        self.labelSelector = labelSelector
    }
}
