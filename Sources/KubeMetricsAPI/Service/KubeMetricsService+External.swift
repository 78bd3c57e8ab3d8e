import TSDB

extension KubeMetricsService {
    /// `external.metrics.k8s.io/v1beta1`: one item per result series,
    /// labelled with the series' labels (without `__name__`), stamped with
    /// the evaluation time.
    ///
    /// Unless the metric opts out, `namespace="<ns>"` is added to every
    /// selector of the query, so an HPA only ever sees its own namespace's
    /// series, whatever its `labelSelector` says.
    public func externalMetricValues(_ request: ExternalMetricRequest, at time: Int64) async throws(KubeAPIError)
        -> ExternalMetricValueList
    {
        guard let plan = await externalPlan(metricName: request.metricName, at: time) else {
            throw .notFound(
                "the server could not find the external metric \(request.metricName)",
                details: Status.Details(name: request.metricName, group: MetricsAPIGroupVersion.externalGroup))
        }
        var extraMatchers: [LabelMatcher] = []
        if plan.namespaced {
            guard let namespaceLabel = plan.namespaceLabel else {
                throw .internalError("external metric \(request.metricName) (\(plan.origin)): no label maps to namespaces; "
                    + "add resources.overrides for the namespace label, or resources.namespaced: false")
            }
            extraMatchers.append(.equal(namespaceLabel, request.namespace))
        }
        extraMatchers += try matchers(for: request.labelSelector, parameter: "labelSelector")

        let values = try await evaluateFresh(
            metric: request.metricName, query: plan.query, matchers: extraMatchers, maxAgeSeconds: plan.maxAgeSeconds,
            at: time, atPlaceholder: plan.atPlaceholder)
        guard !values.isEmpty else {
            let scope = plan.namespaced ? " in namespace \(request.namespace)" : ""
            let selector = request.labelSelector.isEmpty ? "" : " matching labelSelector \(GoQuote.quote(request.labelSelector.description))"
            throw .notFound(
                "no data for external metric \(request.metricName)\(scope)\(selector)",
                details: Status.Details(name: request.metricName, group: MetricsAPIGroupVersion.externalGroup))
        }
        let timestamp = KubeTimestamp(millisecondsSinceEpoch: time)
        return ExternalMetricValueList(items: values.map { value in
            ExternalMetricValue(
                metricName: request.metricName,
                metricLabels: Dictionary(
                    value.labels.removingMetricName().map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last }),
                timestamp: timestamp,
                windowSeconds: plan.windowSeconds,
                value: value.value)
        })
    }
}
