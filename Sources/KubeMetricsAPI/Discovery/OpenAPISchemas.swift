/// Schemas of every object the metrics APIs return, named as Kubernetes
/// names them in its own OpenAPI documents, so kube-aggregator can merge
/// them and `kubectl explain`-style clients find familiar types.
enum OpenAPISchemas {
    static let quantity = "io.k8s.apimachinery.pkg.api.resource.Quantity"
    static let time = "io.k8s.apimachinery.pkg.apis.meta.v1.Time"
    static let listMeta = "io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"
    static let labelSelector = "io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector"
    static let labelSelectorRequirement = "io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement"
    static let status = "io.k8s.apimachinery.pkg.apis.meta.v1.Status"
    static let apiResource = "io.k8s.apimachinery.pkg.apis.meta.v1.APIResource"
    static let apiResourceList = "io.k8s.apimachinery.pkg.apis.meta.v1.APIResourceList"
    static let objectReference = "io.k8s.api.core.v1.ObjectReference"
    static let externalValue = "io.k8s.metrics.pkg.apis.external_metrics.v1beta1.ExternalMetricValue"
    static let externalList = "io.k8s.metrics.pkg.apis.external_metrics.v1beta1.ExternalMetricValueList"

    static func customValue(_ version: CustomMetricsVersion) -> String {
        "io.k8s.metrics.pkg.apis.custom_metrics.\(version.rawValue).MetricValue"
    }

    static func customList(_ version: CustomMetricsVersion) -> String {
        "io.k8s.metrics.pkg.apis.custom_metrics.\(version.rawValue).MetricValueList"
    }

    static let objectMeta = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"
    static let containerMetrics = "io.k8s.metrics.pkg.apis.metrics.v1beta1.ContainerMetrics"
    static let podMetrics = "io.k8s.metrics.pkg.apis.metrics.v1beta1.PodMetrics"
    static let podMetricsList = "io.k8s.metrics.pkg.apis.metrics.v1beta1.PodMetricsList"
    static let nodeMetrics = "io.k8s.metrics.pkg.apis.metrics.v1beta1.NodeMetrics"
    static let nodeMetricsList = "io.k8s.metrics.pkg.apis.metrics.v1beta1.NodeMetricsList"

    static let metricIdentifier = "io.k8s.metrics.pkg.apis.custom_metrics.v1beta2.MetricIdentifier"

    /// The schemas one group-version's document needs; `refPrefix` is
    /// `#/definitions/` (v2) or `#/components/schemas/` (v3).
    static func schemas(for groupVersion: MetricsAPIGroupVersion, refPrefix: String) -> [String: JSONValue] {
        func ref(_ name: String) -> JSONValue { ["$ref": .string(refPrefix + name)] }
        let string: JSONValue = ["type": "string"]
        let int64: JSONValue = ["type": "integer", "format": "int64"]
        let stringMap: JSONValue = ["type": "object", "additionalProperties": string]
        func gvk(_ kind: String) -> JSONValue {
            [["group": .string(groupVersion.group), "kind": .string(kind), "version": .string(groupVersion.version)]]
        }

        var schemas: [String: JSONValue] = [
            quantity: ["type": "string", "description": "A fixed-point number in Kubernetes quantity syntax, e.g. 1500m or 2k."],
            time: ["type": "string", "format": "date-time"],
            listMeta: ["type": "object", "properties": [
                "continue": string, "remainingItemCount": int64, "resourceVersion": string, "selfLink": string,
            ]],
            status: ["type": "object", "properties": [
                "apiVersion": string, "kind": string, "metadata": ref(listMeta), "status": string, "message": string,
                "reason": string, "code": ["type": "integer", "format": "int32"],
                "details": ["type": "object", "properties": ["name": string, "group": string, "kind": string]],
            ]],
            apiResource: ["type": "object", "required": ["name", "singularName", "namespaced", "kind", "verbs"], "properties": [
                "name": string, "singularName": string, "namespaced": ["type": "boolean"], "kind": string,
                "verbs": ["type": "array", "items": string],
            ]],
            apiResourceList: ["type": "object", "required": ["groupVersion", "resources"], "properties": [
                "apiVersion": string, "kind": string, "groupVersion": string,
                "resources": ["type": "array", "items": ref(apiResource)],
            ]],
        ]
        switch groupVersion {
        case .externalV1Beta1:
            schemas[externalValue] = ["type": "object", "required": ["metricName", "metricLabels", "timestamp", "value"], "properties": [
                "metricName": string, "metricLabels": stringMap, "timestamp": ref(time), "window": int64, "value": ref(quantity),
            ]]
            schemas[externalList] = ["type": "object", "required": ["items"], "properties": [
                "apiVersion": string, "kind": string, "metadata": ref(listMeta),
                "items": ["type": "array", "items": ref(externalValue)],
            ], "x-kubernetes-group-version-kind": gvk("ExternalMetricValueList")]
        case .customV1Beta1, .customV1Beta2:
            let version: CustomMetricsVersion = groupVersion == .customV1Beta1 ? .v1beta1 : .v1beta2
            schemas[objectReference] = ["type": "object", "properties": [
                "kind": string, "namespace": string, "name": string, "uid": string, "apiVersion": string,
                "resourceVersion": string, "fieldPath": string,
            ]]
            schemas[labelSelectorRequirement] = ["type": "object", "required": ["key", "operator"], "properties": [
                "key": string, "operator": string, "values": ["type": "array", "items": string],
            ]]
            schemas[labelSelector] = ["type": "object", "properties": [
                "matchLabels": stringMap, "matchExpressions": ["type": "array", "items": ref(labelSelectorRequirement)],
            ]]
            if version == .v1beta1 {
                schemas[customValue(version)] = ["type": "object", "required": ["describedObject", "metricName", "timestamp", "value"],
                    "properties": [
                        "describedObject": ref(objectReference), "metricName": string, "timestamp": ref(time),
                        "window": int64, "value": ref(quantity), "selector": ref(labelSelector),
                    ]]
            } else {
                schemas[metricIdentifier] = ["type": "object", "required": ["name"], "properties": [
                    "name": string, "selector": ref(labelSelector),
                ]]
                schemas[customValue(version)] = ["type": "object", "required": ["describedObject", "metric", "timestamp", "value"],
                    "properties": [
                        "describedObject": ref(objectReference), "metric": ref(metricIdentifier), "timestamp": ref(time),
                        "windowSeconds": int64, "value": ref(quantity),
                    ]]
            }
            schemas[customList(version)] = ["type": "object", "required": ["items"], "properties": [
                "apiVersion": string, "kind": string, "metadata": ref(listMeta),
                "items": ["type": "array", "items": ref(customValue(version))],
            ], "x-kubernetes-group-version-kind": gvk("MetricValueList")]
        case .resourceV1Beta1:
            let usage: JSONValue = ["type": "object", "additionalProperties": ref(quantity)]
            schemas[objectMeta] = ["type": "object", "properties": [
                "name": string, "namespace": string, "creationTimestamp": ref(time), "labels": stringMap,
            ]]
            schemas[containerMetrics] = ["type": "object", "required": ["name", "usage"], "properties": [
                "name": string, "usage": usage,
            ]]
            schemas[podMetrics] = ["type": "object", "required": ["timestamp", "window", "containers"], "properties": [
                "apiVersion": string, "kind": string, "metadata": ref(objectMeta), "timestamp": ref(time), "window": string,
                "containers": ["type": "array", "items": ref(containerMetrics)],
            ], "x-kubernetes-group-version-kind": gvk("PodMetrics")]
            schemas[nodeMetrics] = ["type": "object", "required": ["timestamp", "window", "usage"], "properties": [
                "apiVersion": string, "kind": string, "metadata": ref(objectMeta), "timestamp": ref(time), "window": string,
                "usage": usage,
            ], "x-kubernetes-group-version-kind": gvk("NodeMetrics")]
            for (list, item, kind) in [(podMetricsList, podMetrics, "PodMetricsList"), (nodeMetricsList, nodeMetrics, "NodeMetricsList")] {
                schemas[list] = ["type": "object", "required": ["items"], "properties": [
                    "apiVersion": string, "kind": string, "metadata": ref(listMeta),
                    "items": ["type": "array", "items": ref(item)],
                ], "x-kubernetes-group-version-kind": gvk(kind)]
            }
        }
        return schemas
    }
}
