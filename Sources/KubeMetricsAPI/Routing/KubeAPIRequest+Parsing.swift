extension KubeAPIRequest {
    /// Routes a request: unknown paths → 404 NotFound, a known path with a
    /// method other than GET → 405 MethodNotAllowed, malformed escapes,
    /// selectors, namespaces or object names → 400 BadRequest. Path
    /// segments are percent-decoded; the query is form-decoded (`+` is a
    /// space), so `labelSelector=app%3Dweb%2Cenv+in+%28a%2Cb%29` reads
    /// `app=web,env in (a,b)`. A `?query` left on `path` is honoured when
    /// `query` is empty.
    public static func parse(method: String, path: String, query: String = "") throws(KubeAPIError) -> KubeAPIRequest {
        var path = Substring(path)
        var query = Substring(query)
        if let mark = path.firstIndex(of: "?") {
            if query.isEmpty { query = path[path.index(after: mark)...] }
            path = path[..<mark]
        }
        guard path.hasPrefix("/") else { throw .unknownPath }
        var rawSegments = path.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        if rawSegments.count > 1, rawSegments.last?.isEmpty == true { rawSegments.removeLast() }
        guard !rawSegments.contains(where: \.isEmpty) || rawSegments == [""] else { throw .unknownPath }
        var segments: [String] = []
        for raw in rawSegments {
            guard let segment = URLComponentDecoding.decode(raw, plusIsSpace: false) else {
                throw .badRequest("malformed percent-encoding in URL path \"\(path)\"")
            }
            segments.append(segment)
        }
        let parameters = try QueryParameters(String(query))
        let request = try route(segments, parameters)
        guard method == "GET" else {
            throw KubeAPIError(.methodNotAllowed, "the server does not allow this method on the requested resource")
        }
        return request
    }

    private static func route(_ segments: [String], _ query: QueryParameters) throws(KubeAPIError) -> KubeAPIRequest {
        if segments.count == 1, ["healthz", "livez", "readyz"].contains(segments[0]) {
            return .health
        }
        switch segments.first {
        case "openapi":
            return try routeOpenAPI(Array(segments.dropFirst()))
        case "apis":
            return try routeAPIs(Array(segments.dropFirst()), query)
        default:
            throw .unknownPath
        }
    }

    private static func routeOpenAPI(_ rest: [String]) throws(KubeAPIError) -> KubeAPIRequest {
        switch rest.count {
        case 1 where rest[0] == "v2": return .openAPIV2
        case 1 where rest[0] == "v3": return .openAPIV3Index
        case 4 where rest[0] == "v3" && rest[1] == "apis":
            guard let groupVersion = MetricsAPIGroupVersion(group: rest[2], version: rest[3]) else { throw .unknownPath }
            return .openAPIV3(groupVersion)
        default:
            throw .unknownPath
        }
    }

    private static func routeAPIs(_ rest: [String], _ query: QueryParameters) throws(KubeAPIError) -> KubeAPIRequest {
        guard let group = rest.first else { return .discoveryRoot }
        guard MetricsAPIGroupVersion.groups.contains(group) else { throw .unknownPath }
        guard rest.count > 1 else { return .discoveryGroup(group) }
        guard let groupVersion = MetricsAPIGroupVersion(group: group, version: rest[1]) else { throw .unknownPath }
        let objectPath = Array(rest.dropFirst(2))
        if objectPath.isEmpty { return .discoveryVersion(groupVersion) }
        switch groupVersion {
        case .externalV1Beta1:
            return try routeExternal(objectPath, query)
        case .customV1Beta1:
            return try routeCustom(objectPath, version: .v1beta1, query)
        case .customV1Beta2:
            return try routeCustom(objectPath, version: .v1beta2, query)
        case .resourceV1Beta1:
            return try routeResource(objectPath, query)
        }
    }

    /// `namespaces/{ns}/{metric}`
    private static func routeExternal(_ path: [String], _ query: QueryParameters) throws(KubeAPIError) -> KubeAPIRequest {
        guard path.count == 3, path[0] == "namespaces" else { throw .unknownPath }
        return .externalMetric(ExternalMetricRequest(
            namespace: try validatedNamespace(path[1]),
            metricName: path[2],
            labelSelector: try query.selector("labelSelector")
        ))
    }

    private static func routeCustom(_ path: [String], version: CustomMetricsVersion, _ query: QueryParameters) throws(KubeAPIError) -> KubeAPIRequest {
        switch path.count {
        case 3 where path[0] != "namespaces":
            // Root-scoped objects: {resource}/{name}/{metric}
            return .customMetric(CustomMetricRequest(
                version: version, namespace: nil, resource: path[0], object: try objectSelection(path[1]),
                metricName: path[2], labelSelector: try query.selector("labelSelector"),
                metricLabelSelector: try query.selector("metricLabelSelector")))
        case 4 where path[0] == "namespaces" && path[2] == "metrics":
            return .namespaceMetric(NamespaceMetricRequest(
                version: version, namespace: try validatedNamespace(path[1]), metricName: path[3],
                metricLabelSelector: try query.selector("metricLabelSelector")))
        case 5 where path[0] == "namespaces":
            return .customMetric(CustomMetricRequest(
                version: version, namespace: try validatedNamespace(path[1]), resource: path[2],
                object: try objectSelection(path[3]), metricName: path[4],
                labelSelector: try query.selector("labelSelector"),
                metricLabelSelector: try query.selector("metricLabelSelector")))
        default:
            throw .unknownPath
        }
    }

    static func validatedNamespace(_ namespace: String) throws(KubeAPIError) -> String {
        let errors = KubernetesNameValidation.dns1123LabelErrors(namespace)
        guard errors.isEmpty else {
            throw .badRequest("invalid namespace \(GoQuote.quote(namespace)): " + errors.joined(separator: "; "))
        }
        return namespace
    }

    private static func objectSelection(_ name: String) throws(KubeAPIError) -> ObjectSelection {
        if name == "*" { return .all }
        let errors = KubernetesNameValidation.dns1123SubdomainErrors(name)
        guard errors.isEmpty else {
            throw .badRequest("invalid object name \(GoQuote.quote(name)): " + errors.joined(separator: "; "))
        }
        return .named(name)
    }
}

/// Decoded query parameters; the first of repeated keys wins, as Go's
/// `url.Values.Get` does.
struct QueryParameters {
    private var values: [String: String] = [:]

    init(_ query: String) throws(KubeAPIError) {
        guard let pairs = URLComponentDecoding.queryPairs(query) else {
            throw .badRequest("malformed percent-encoding in query string")
        }
        for (key, value) in pairs where values[key] == nil {
            values[key] = value
        }
    }

    subscript(key: String) -> String? { values[key] }

    func selector(_ key: String) throws(KubeAPIError) -> LabelSelector {
        guard let text = values[key] else { return .everything }
        do {
            return try LabelSelector(parsing: text)
        } catch {
            let position = error.position.map { " at offset \($0)" } ?? ""
            throw .badRequest("invalid \(key) \(GoQuote.quote(text))\(position): \(error.message)")
        }
    }
}
