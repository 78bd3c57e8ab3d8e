extension KubeAPIRequest {
    /// `metrics.k8s.io/v1beta1` paths, as metrics-server serves them:
    /// `pods`, `namespaces/{ns}/pods`, `namespaces/{ns}/pods/{name}`,
    /// `nodes`, `nodes/{name}`.
    ///
    /// `fieldSelector` is refused (400) rather than ignored: agent360 keeps
    /// no object fields to select on, and silently returning everything
    /// would be a wrong answer, not a partial one.
    static func routeResource(_ path: [String], _ query: QueryParameters) throws(KubeAPIError) -> KubeAPIRequest {
        if let fieldSelector = query["fieldSelector"], !fieldSelector.isEmpty {
            throw .badRequest(
                "fieldSelector \(GoQuote.quote(fieldSelector)) is not supported by this metrics.k8s.io server; use labelSelector")
        }
        let selector = try query.selector("labelSelector")
        switch path.count {
        case 1 where path[0] == "pods":
            return .resourceMetric(ResourceMetricRequest(kind: .pods, labelSelector: selector))
        case 1 where path[0] == "nodes":
            return .resourceMetric(ResourceMetricRequest(kind: .nodes, labelSelector: selector))
        case 2 where path[0] == "nodes":
            return .resourceMetric(ResourceMetricRequest(kind: .nodes, name: try objectName(path[1]), labelSelector: selector))
        case 3 where path[0] == "namespaces" && path[2] == "pods":
            return .resourceMetric(ResourceMetricRequest(
                kind: .pods, namespace: try validatedNamespace(path[1]), labelSelector: selector))
        case 4 where path[0] == "namespaces" && path[2] == "pods":
            return .resourceMetric(ResourceMetricRequest(
                kind: .pods, namespace: try validatedNamespace(path[1]), name: try objectName(path[3]), labelSelector: selector))
        default:
            throw .unknownPath
        }
    }

    private static func objectName(_ name: String) throws(KubeAPIError) -> String {
        let errors = KubernetesNameValidation.dns1123SubdomainErrors(name)
        guard errors.isEmpty else {
            throw .badRequest("invalid object name \(GoQuote.quote(name)): " + errors.joined(separator: "; "))
        }
        return name
    }
}
