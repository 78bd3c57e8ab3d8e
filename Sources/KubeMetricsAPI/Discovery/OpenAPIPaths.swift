/// The path items of the OpenAPI documents, in Swagger 2.0 or OpenAPI 3.0
/// dress (parameters and responses are spelled differently).
enum OpenAPIPaths {
    enum Style { case v2, v3 }

    static func paths(for groupVersion: MetricsAPIGroupVersion, style: Style) -> [String: JSONValue] {
        let base = "/apis/\(groupVersion.rawValue)"
        let tag = "\(groupVersion.group)_\(groupVersion.version)"
        let id = operationPrefix(groupVersion)
        var paths: [String: JSONValue] = [
            base + "/": operation(
                id: "get\(id)APIResources", summary: "get available resources", tag: tag,
                parameters: [], response: OpenAPISchemas.apiResourceList, style: style),
        ]
        switch groupVersion {
        case .externalV1Beta1:
            paths[base + "/namespaces/{namespace}/{metric}"] = operation(
                id: "list\(id)NamespacedMetricValue", summary: "values of an external metric, scoped to a namespace", tag: tag,
                parameters: [path("namespace"), path("metric"), query("labelSelector")],
                response: OpenAPISchemas.externalList, style: style)
        case .customV1Beta1, .customV1Beta2:
            let version: CustomMetricsVersion = groupVersion == .customV1Beta1 ? .v1beta1 : .v1beta2
            let list = OpenAPISchemas.customList(version)
            let selectors = [query("labelSelector"), query("metricLabelSelector")]
            paths[base + "/namespaces/{namespace}/{resource}/{name}/{metric}"] = operation(
                id: "list\(id)NamespacedObjectMetricValue", summary: "a metric of namespaced objects (name or *)", tag: tag,
                parameters: [path("namespace"), path("resource"), path("name"), path("metric")] + selectors,
                response: list, style: style)
            paths[base + "/{resource}/{name}/{metric}"] = operation(
                id: "list\(id)RootObjectMetricValue", summary: "a metric of cluster-scoped objects (name or *)", tag: tag,
                parameters: [path("resource"), path("name"), path("metric")] + selectors,
                response: list, style: style)
            paths[base + "/namespaces/{name}/metrics/{metric}"] = operation(
                id: "get\(id)NamespaceMetricValue", summary: "a metric describing a namespace", tag: tag,
                parameters: [path("name"), path("metric"), query("metricLabelSelector")],
                response: list, style: style)
        case .resourceV1Beta1:
            let selector = [query("labelSelector")]
            paths[base + "/pods"] = operation(
                id: "list\(id)PodMetricsForAllNamespaces", summary: "pod metrics of all namespaces", tag: tag,
                parameters: selector, response: OpenAPISchemas.podMetricsList, style: style)
            paths[base + "/namespaces/{namespace}/pods"] = operation(
                id: "list\(id)NamespacedPodMetrics", summary: "pod metrics of a namespace", tag: tag,
                parameters: [path("namespace")] + selector, response: OpenAPISchemas.podMetricsList, style: style)
            paths[base + "/namespaces/{namespace}/pods/{name}"] = operation(
                id: "read\(id)NamespacedPodMetrics", summary: "one pod's metrics", tag: tag,
                parameters: [path("namespace"), path("name")], response: OpenAPISchemas.podMetrics, style: style)
            paths[base + "/nodes"] = operation(
                id: "list\(id)NodeMetrics", summary: "node metrics", tag: tag,
                parameters: selector, response: OpenAPISchemas.nodeMetricsList, style: style)
            paths[base + "/nodes/{name}"] = operation(
                id: "read\(id)NodeMetrics", summary: "one node's metrics", tag: tag,
                parameters: [path("name")], response: OpenAPISchemas.nodeMetrics, style: style)
        }
        return paths
    }

    private static func operationPrefix(_ groupVersion: MetricsAPIGroupVersion) -> String {
        switch groupVersion {
        case .externalV1Beta1: return "ExternalMetricsV1beta1"
        case .customV1Beta1: return "CustomMetricsV1beta1"
        case .customV1Beta2: return "CustomMetricsV1beta2"
        case .resourceV1Beta1: return "MetricsV1beta1"
        }
    }

    private struct Parameter {
        var name: String
        var location: String
    }

    private static func path(_ name: String) -> Parameter { Parameter(name: name, location: "path") }
    private static func query(_ name: String) -> Parameter { Parameter(name: name, location: "query") }

    private static func operation(id: String, summary: String, tag: String, parameters: [Parameter],
                                  response schema: String, style: Style) -> JSONValue {
        let refPrefix = style == .v2 ? "#/definitions/" : "#/components/schemas/"
        let ref: JSONValue = ["$ref": .string(refPrefix + schema)]
        let statusRef: JSONValue = ["$ref": .string(refPrefix + OpenAPISchemas.status)]
        let renderedParameters: [JSONValue] = parameters.map { parameter in
            var fields: [String: JSONValue] = [
                "name": .string(parameter.name), "in": .string(parameter.location),
                "required": .bool(parameter.location == "path"),
            ]
            if style == .v2 {
                fields["type"] = "string"
            } else {
                fields["schema"] = ["type": "string"]
            }
            return .object(fields)
        }
        func response(_ description: String, _ schema: JSONValue) -> JSONValue {
            style == .v2
                ? ["description": .string(description), "schema": schema]
                : ["description": .string(description), "content": ["application/json": ["schema": schema]]]
        }
        var get: [String: JSONValue] = [
            "operationId": .string(id),
            "description": .string(summary),
            "tags": [.string(tag)],
            "parameters": .array(renderedParameters),
            "responses": [
                "200": response("OK", ref),
                "401": ["description": "Unauthorized"],
                "default": response("error", statusRef),
            ],
        ]
        if style == .v2 {
            get["produces"] = ["application/json"]
            get["schemes"] = ["https"]
        }
        return ["get": .object(get)]
    }
}
