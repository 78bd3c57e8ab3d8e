/// What a request to the metrics API server asks for, decided from method,
/// path and query alone (no HTTP framework types), so routing is testable
/// as a table and the server wiring stays a thin shim.
public enum KubeAPIRequest: Sendable, Hashable {
    /// `/healthz`, `/livez`, `/readyz`.
    case health
    /// `/apis`
    case discoveryRoot
    /// `/apis/<group>`
    case discoveryGroup(String)
    /// `/apis/<group>/<version>`
    case discoveryVersion(MetricsAPIGroupVersion)
    /// `/openapi/v2`
    case openAPIV2
    /// `/openapi/v3`
    case openAPIV3Index
    /// `/openapi/v3/apis/<group>/<version>`
    case openAPIV3(MetricsAPIGroupVersion)
    /// `/apis/external.metrics.k8s.io/v1beta1/namespaces/{ns}/{metric}`
    case externalMetric(ExternalMetricRequest)
    /// `/apis/custom.metrics.k8s.io/{v}/namespaces/{ns}/{resource}/{name|*}/{metric}`
    /// and, for root-scoped resources, `/apis/custom.metrics.k8s.io/{v}/{resource}/{name|*}/{metric}`.
    case customMetric(CustomMetricRequest)
    /// `/apis/custom.metrics.k8s.io/{v}/namespaces/{ns}/metrics/{metric}`:
    /// a metric describing the namespace object itself.
    case namespaceMetric(NamespaceMetricRequest)
    /// `/apis/metrics.k8s.io/v1beta1/[namespaces/{ns}/]pods[/{name}]` and
    /// `/apis/metrics.k8s.io/v1beta1/nodes[/{name}]`.
    case resourceMetric(ResourceMetricRequest)
}

public enum CustomMetricsVersion: String, Sendable, Hashable, CaseIterable {
    case v1beta1, v1beta2

    public var groupVersion: MetricsAPIGroupVersion {
        self == .v1beta1 ? .customV1Beta1 : .customV1Beta2
    }
}

public struct ExternalMetricRequest: Sendable, Hashable {
    public var namespace: String
    public var metricName: String
    /// Selects series by their labels (the HPA's `metric.selector`).
    public var labelSelector: LabelSelector

    public init(namespace: String, metricName: String, labelSelector: LabelSelector = .everything) {
        self.namespace = namespace
        self.metricName = metricName
        self.labelSelector = labelSelector
    }
}

/// Which objects a custom-metric request is about.
public enum ObjectSelection: Sendable, Hashable {
    case named(String)
    /// `*`: every object (narrowed by `labelSelector`).
    case all
}

public struct CustomMetricRequest: Sendable, Hashable {
    public var version: CustomMetricsVersion
    /// nil for root-scoped resources such as nodes.
    public var namespace: String?
    /// The resource as written in the URL (`pods`, `deployments.apps`).
    public var resource: String
    public var object: ObjectSelection
    public var metricName: String
    /// Selects objects (for `*`); see `ObjectSelectorHandling`.
    public var labelSelector: LabelSelector
    /// Selects metric series by their labels (the HPA's `metric.selector`).
    public var metricLabelSelector: LabelSelector

    public init(version: CustomMetricsVersion, namespace: String?, resource: String, object: ObjectSelection,
                metricName: String, labelSelector: LabelSelector = .everything, metricLabelSelector: LabelSelector = .everything) {
        self.version = version
        self.namespace = namespace
        self.resource = resource
        self.object = object
        self.metricName = metricName
        self.labelSelector = labelSelector
        self.metricLabelSelector = metricLabelSelector
    }
}

public struct NamespaceMetricRequest: Sendable, Hashable {
    public var version: CustomMetricsVersion
    public var namespace: String
    public var metricName: String
    public var metricLabelSelector: LabelSelector

    public init(version: CustomMetricsVersion, namespace: String, metricName: String, metricLabelSelector: LabelSelector = .everything) {
        self.version = version
        self.namespace = namespace
        self.metricName = metricName
        self.metricLabelSelector = metricLabelSelector
    }
}
