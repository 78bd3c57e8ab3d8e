import TSDB

extension KubeMetricsService {
    /// `metrics.k8s.io/v1beta1`, the API metrics-server serves: PodMetrics
    /// and NodeMetrics from the configured PromQL queries.
    ///
    /// Differences from metrics-server, on purpose:
    /// - values are computed at request time from the newest remote-written
    ///   samples (no 15 s scrape loop of its own);
    /// - staleness is judged per object: a named object with stale data is
    ///   503, a list leaves stale objects out and is 503 only when every
    ///   object it would have listed is stale;
    /// - `labelSelector` matches the labels of kube-state-metrics'
    ///   `kube_pod_labels` / `kube_node_labels` series, since agent360 does
    ///   not list pods from the API server.
    func resourceMetrics(_ request: ResourceMetricRequest, at time: Int64) async throws(KubeAPIError) -> KubeAPIResponse {
        guard let queries = configuration.resource else { throw .unknownPath }
        switch request.kind {
        case .pods: return try await podMetrics(request, queries: queries, at: time)
        case .nodes: return try await nodeMetrics(request, queries: queries, at: time)
        }
    }

    /// Runs one resource query; engine failures are 500, naming the query.
    func evaluateResource(_ key: String, _ query: String, matchers: [LabelMatcher], at time: Int64) async throws(KubeAPIError)
        -> [MetricPoint]
    {
        do {
            return try await evaluator.evaluate(query: query, extraMatchers: matchers, at: time)
        } catch let error as KubeAPIError {
            throw error
        } catch {
            throw .internalError("evaluating the resource metrics \(key) query failed: \(error)")
        }
    }

    /// The objects whose Kubernetes labels match `selector`, as the values
    /// of `keyLabels` on the label series (`kube_pod_labels{namespace, pod}`),
    /// or nil when the selector is empty (no filtering).
    ///
    /// A selector key `app.kubernetes.io/name` is matched against the label
    /// `label_app_kubernetes_io_name`, the name kube-state-metrics gives it.
    /// Two keys that differ only in `.`, `/`, `-` map to one label, and only
    /// labels kube-state-metrics is allowed to export
    /// (`--metric-labels-allowlist`) can match: a selector on any other label
    /// matches nothing, like a selector on a label no pod has.
    func objectsMatching(_ selector: LabelSelector, of kind: ResourceMetricRequest.Kind, queries: ResourceMetricsQueries,
                         scope: [LabelMatcher], keyLabels: [String], at time: Int64) async throws(KubeAPIError) -> Set<[String]>? {
        guard !selector.isEmpty else { return nil }
        let (labelsQuery, key) = kind == .pods ? (queries.podLabelsQuery, "podLabels") : (queries.nodeLabelsQuery, "nodeLabels")
        guard let labelsQuery else {
            throw .badRequest(
                "labelSelector on \(kind.rawValue) needs a series of their labels, and none is configured (resourceMetrics.\(key))")
        }
        var matchers = scope
        for requirement in selector.requirements {
            let prefixed = LabelRequirement(unchecked: queries.labelPrefix + requirement.key, requirement.operator, requirement.values)
            do {
                matchers.append(try prefixed.prometheusMatcher())
            } catch {
                throw .badRequest("invalid labelSelector \(GoQuote.quote(selector.description)): \(error.message)")
            }
        }
        let points = try await evaluateResource(key, labelsQuery, matchers: matchers, at: time)
        var keys: Set<[String]> = []
        for point in points {
            let values = keyLabels.compactMap { point.labels[$0] }
            if values.count == keyLabels.count { keys.insert(values) }
        }
        return keys
    }

    /// metrics-server's NotFound for a missing metrics object, word for word:
    /// `podmetrics.metrics.k8s.io "web-0" not found`.
    static func resourceNotFound(_ kind: ResourceMetricRequest.Kind, name: String, reason: String?) -> KubeAPIError {
        let resource = kind == .pods ? "podmetrics" : "nodemetrics"
        let suffix = reason.map { ": \($0)" } ?? ""
        return .notFound(
            "\(resource).\(MetricsAPIGroupVersion.resourceGroup) \(GoQuote.quote(name)) not found\(suffix)",
            details: Status.Details(name: name, group: MetricsAPIGroupVersion.resourceGroup, kind: kind.rawValue))
    }
}
