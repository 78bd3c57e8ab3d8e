/// The discovery documents for the served metrics, derived from the
/// configuration: kube-aggregator marks an `APIService` available only when
/// `/apis/<group>/<version>` answers, and `kubectl get --raw` users find
/// metric names here.
public struct MetricsDiscovery: Sendable {
    public let configuration: KubeMetricsConfiguration

    public init(configuration: KubeMetricsConfiguration) {
        self.configuration = configuration
    }

    /// The group-versions served: all but `metrics.k8s.io` unless resource
    /// metrics are configured.
    public var servedGroupVersions: [MetricsAPIGroupVersion] {
        MetricsAPIGroupVersion.allCases.filter { $0 != .resourceV1Beta1 || configuration.resource != nil }
    }

    /// `/apis`
    public func apiGroupList() -> APIGroupList {
        APIGroupList(groups: MetricsAPIGroupVersion.groups.compactMap(apiGroup))
    }

    /// `/apis/<group>`; nil for groups this server does not serve.
    public func apiGroup(_ name: String) -> APIGroup? {
        let versions = MetricsAPIGroupVersion.versions(of: name).filter(servedGroupVersions.contains).map {
            GroupVersionForDiscovery(groupVersion: $0.rawValue, version: $0.version)
        }
        guard let preferred = versions.first else { return nil }
        return APIGroup(name: name, versions: versions, preferredVersion: preferred)
    }

    /// `/apis/<group>/<version>`: external metrics are namespaced resources
    /// named after the metric; custom metrics are `<resource>/<metric>` for
    /// every resource a metric maps (`pods/x`, `deployments.apps/x`),
    /// namespaced like that resource. Sorted by name. Metrics derived from
    /// adapter rules (`adapter`) are listed too, unless a configured metric
    /// has the same name (configured metrics win, as they do in requests).
    public func apiResourceList(_ groupVersion: MetricsAPIGroupVersion, adapter: AdapterCatalog? = nil) -> APIResourceList {
        var resources: [APIResource]
        switch groupVersion {
        case .externalV1Beta1:
            resources = configuration.external.map {
                APIResource(name: $0.name, namespaced: true, kind: "ExternalMetricValueList")
            }
        case .customV1Beta1, .customV1Beta2:
            resources = configuration.custom.flatMap { metric -> [APIResource] in
                guard let resolved = configuration.customMetric(named: metric.name) else { return [] }
                return resolved.labels.map { entry in
                    APIResource(name: "\(entry.resource.groupResource)/\(metric.name)",
                                namespaced: entry.resource.namespaced, kind: "MetricValueList")
                }
            }
        case .resourceV1Beta1:
            // As metrics-server lists them.
            resources = [
                APIResource(name: "nodes", namespaced: false, kind: "NodeMetrics", verbs: ["get", "list"]),
                APIResource(name: "pods", namespaced: true, kind: "PodMetrics", verbs: ["get", "list"]),
            ]
        }
        if let adapter {
            let configured = Set(resources.map(\.name))
            let derived = groupVersion == .externalV1Beta1 ? adapter.externalResources : adapter.customResources
            resources += derived.filter { !configured.contains($0.name) }
        }
        return APIResourceList(groupVersion: groupVersion.rawValue, resources: resources.sorted { $0.name < $1.name })
    }
}
