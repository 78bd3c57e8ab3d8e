/// A Kubernetes resource that custom metrics can describe objects of.
///
/// The table stands in for the RESTMapper prometheus-adapter asks the API
/// server: agent360 has no Kubernetes client here, and the HPA only asks
/// about workload-shaped resources.
public struct KubeResource: Sendable, Hashable, CustomStringConvertible {
    /// Plural resource name as in URLs (`pods`, `deployments`).
    public let plural: String
    public let singular: String
    /// API group, "" for the core group.
    public let group: String
    public let version: String
    public let kind: String
    public let namespaced: Bool

    public init(plural: String, singular: String, group: String, version: String, kind: String, namespaced: Bool) {
        self.plural = plural
        self.singular = singular
        self.group = group
        self.version = version
        self.kind = kind
        self.namespaced = namespaced
    }

    /// `schema.GroupResource.String()`: `pods`, `deployments.apps`; what the
    /// HPA puts in the URL and what discovery names metrics by.
    public var groupResource: String { group.isEmpty ? plural : "\(plural).\(group)" }

    /// `v1`, `apps/v1`: the `apiVersion` of a described object.
    public var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }

    public var description: String { groupResource }

    public static let pods = KubeResource(plural: "pods", singular: "pod", group: "", version: "v1", kind: "Pod", namespaced: true)
    public static let namespaces = KubeResource(
        plural: "namespaces", singular: "namespace", group: "", version: "v1", kind: "Namespace", namespaced: false)
    public static let nodes = KubeResource(plural: "nodes", singular: "node", group: "", version: "v1", kind: "Node", namespaced: false)

    public static let known: [KubeResource] = [
        .pods, .namespaces, .nodes,
        KubeResource(plural: "services", singular: "service", group: "", version: "v1", kind: "Service", namespaced: true),
        KubeResource(plural: "deployments", singular: "deployment", group: "apps", version: "v1", kind: "Deployment", namespaced: true),
        KubeResource(plural: "statefulsets", singular: "statefulset", group: "apps", version: "v1", kind: "StatefulSet", namespaced: true),
        KubeResource(plural: "daemonsets", singular: "daemonset", group: "apps", version: "v1", kind: "DaemonSet", namespaced: true),
        KubeResource(plural: "replicasets", singular: "replicaset", group: "apps", version: "v1", kind: "ReplicaSet", namespaced: true),
        KubeResource(plural: "jobs", singular: "job", group: "batch", version: "v1", kind: "Job", namespaced: true),
        KubeResource(plural: "cronjobs", singular: "cronjob", group: "batch", version: "v1", kind: "CronJob", namespaced: true),
        KubeResource(
            plural: "ingresses", singular: "ingress", group: "networking.k8s.io", version: "v1", kind: "Ingress", namespaced: true),
    ]

    /// Finds a resource by the names people and clients use for it:
    /// `pod`, `pods`, `Pod`, `deployments.apps`, `deployment.apps`.
    public static func lookup(_ name: String) -> KubeResource? {
        let lowered = name.lowercased()
        return known.first { resource in
            let names = [resource.plural, resource.singular]
            if names.contains(lowered) { return true }
            return !resource.group.isEmpty && names.contains { "\($0).\(resource.group)" == lowered }
        }
    }
}
