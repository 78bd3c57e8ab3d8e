import TSDB

/// A custom metric value attributed to one Kubernetes object.
struct DescribedObjectValue: Sendable {
    var object: ObjectReference
    var value: Quantity
    var windowSeconds: Int64?
}

extension KubeMetricsService {
    /// `custom.metrics.k8s.io` object queries: a named object gets exactly
    /// one value (404 when there is none); `*` gets one per object.
    ///
    /// Matchers added to the query: the namespace label (namespaced
    /// resources), the resource's object label (`pod="web-1"`, or
    /// `pod!=""` for `*`), the `labelSelector` as series matchers (see
    /// `ObjectSelectorHandling`: prometheus-adapter instead lists matching
    /// objects from the API server, which agent360 has no client for), and
    /// the `metricLabelSelector`.
    func customMetricValues(_ request: CustomMetricRequest, at time: Int64) async throws(KubeAPIError) -> [DescribedObjectValue] {
        guard let resource = KubeResource.lookup(request.resource) else { throw KubeAPIError.unknownPath }
        if resource.namespaced && request.namespace == nil {
            throw .notFound("\(resource.groupResource) is namespaced: ask under /namespaces/{namespace}/\(request.resource)/")
        }
        if !resource.namespaced && request.namespace != nil {
            throw .notFound("\(resource.groupResource) is not namespaced: ask under /\(request.resource)/")
        }
        return try await objectValues(
            resource: resource, namespace: request.namespace, object: request.object, metricName: request.metricName,
            labelSelector: request.labelSelector, metricLabelSelector: request.metricLabelSelector, at: time)
    }

    /// `/namespaces/{ns}/metrics/{metric}`: the namespace object's value.
    func namespaceMetricValues(_ request: NamespaceMetricRequest, at time: Int64) async throws(KubeAPIError) -> [DescribedObjectValue] {
        try await objectValues(
            resource: .namespaces, namespace: nil, object: .named(request.namespace), metricName: request.metricName,
            labelSelector: .everything, metricLabelSelector: request.metricLabelSelector, at: time)
    }

    private func objectValues(resource: KubeResource, namespace: String?, object: ObjectSelection, metricName: String,
                              labelSelector: LabelSelector, metricLabelSelector: LabelSelector,
                              at time: Int64) async throws(KubeAPIError) -> [DescribedObjectValue] {
        guard let plan = await customPlan(metricName: metricName, resource: resource, at: time) else {
            throw .notFound(
                "the server could not find the metric \(metricName) for \(resource.groupResource)",
                details: Status.Details(name: metricName, group: MetricsAPIGroupVersion.customGroup, kind: resource.kind))
        }
        let objectLabel = plan.objectLabel
        var extraMatchers: [LabelMatcher] = []
        if let namespace, resource.namespaced {
            guard let namespaceLabel = plan.namespaceLabel else {
                throw .internalError("metric \(metricName) (\(plan.origin)): no label maps to namespaces, so it cannot be scoped "
                    + "to namespace \(namespace); add resources.overrides for the namespace label")
            }
            extraMatchers.append(.equal(namespaceLabel, namespace))
        }
        switch object {
        case .named(let name): extraMatchers.append(.equal(objectLabel, name))
        case .all: extraMatchers.append(.notEqual(objectLabel, ""))
        }
        if case .all = object, plan.objectSelectorHandling == .matchSeriesLabels {
            extraMatchers += try matchers(for: labelSelector, parameter: "labelSelector")
        }
        extraMatchers += try matchers(for: metricLabelSelector, parameter: "metricLabelSelector")

        let values = try await evaluateFresh(
            metric: metricName, query: plan.query, matchers: extraMatchers,
            maxAgeSeconds: plan.maxAgeSeconds, at: time, atPlaceholder: plan.atPlaceholder)

        var byName: [String: DescribedObjectValue] = [:]
        for value in values {
            guard let name = value.labels[objectLabel] else {
                throw .internalError(
                    "metric \(metricName): result series \(value.labels) has no \"\(objectLabel)\" label to name the "
                        + "\(resource.kind) it describes; keep it in the query (e.g. sum by (\(objectLabel)) (...))")
            }
            if case .named(let wanted) = object, name != wanted { continue }
            guard byName[name] == nil else {
                throw .internalError(
                    "metric \(metricName): the query returned more than one series for \(resource.groupResource) \(name); "
                        + "aggregate by \"\(objectLabel)\" so each object has one value")
            }
            byName[name] = DescribedObjectValue(
                object: ObjectReference(
                    kind: resource.kind, namespace: resource.namespaced ? namespace : nil, name: name, apiVersion: resource.apiVersion),
                value: value.value,
                windowSeconds: plan.windowSeconds)
        }
        guard !byName.isEmpty else {
            switch object {
            case .named(let name):
                throw .notFound(
                    "the server could not find the metric \(metricName) for \(resource.groupResource) \(name)",
                    details: Status.Details(name: name, group: MetricsAPIGroupVersion.customGroup, kind: resource.kind))
            case .all:
                let scope = namespace.map { " in namespace \($0)" } ?? ""
                let selector = labelSelector.isEmpty ? "" : " matching labelSelector \(GoQuote.quote(labelSelector.description))"
                throw .notFound("no data for metric \(metricName) for any \(resource.groupResource)\(scope)\(selector)")
            }
        }
        return byName.values.sorted { $0.object.name < $1.object.name }
    }
}

extension MetricValueList where Item == MetricValueV1Beta1 {
    init(_ values: [DescribedObjectValue], metricName: String, metricLabelSelector: LabelSelector, at time: Int64) {
        let selector = metricLabelSelector.isEmpty ? nil : LabelSelectorObject(metricLabelSelector)
        self.init(apiVersion: MetricsAPIGroupVersion.customV1Beta1.rawValue, items: values.map {
            MetricValueV1Beta1(
                describedObject: $0.object, metricName: metricName, timestamp: KubeTimestamp(millisecondsSinceEpoch: time),
                windowSeconds: $0.windowSeconds, value: $0.value, selector: selector)
        })
    }
}

extension MetricValueList where Item == MetricValueV1Beta2 {
    init(_ values: [DescribedObjectValue], metricName: String, metricLabelSelector: LabelSelector, at time: Int64) {
        let selector = metricLabelSelector.isEmpty ? nil : LabelSelectorObject(metricLabelSelector)
        self.init(apiVersion: MetricsAPIGroupVersion.customV1Beta2.rawValue, items: values.map {
            MetricValueV1Beta2(
                describedObject: $0.object, metric: MetricIdentifier(name: metricName, selector: selector),
                timestamp: KubeTimestamp(millisecondsSinceEpoch: time), windowSeconds: $0.windowSeconds, value: $0.value)
        })
    }
}
