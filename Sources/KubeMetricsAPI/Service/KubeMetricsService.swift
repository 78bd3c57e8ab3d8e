/// Answers Kubernetes metrics API requests from configured PromQL queries.
///
/// Pure apart from the evaluator: no HTTP types, no clock (callers pass
/// the evaluation time), so every behaviour is testable as a function.
/// The server layer adds TLS, authentication and routes, and calls
/// `handle(method:path:query:at:)`.
///
/// Errors follow one rule: the HPA must see an error, never a made-up
/// value, whenever the data cannot be trusted. It then keeps the current
/// replica count.
///
/// | situation                                         | status                 |
/// |---------------------------------------------------|------------------------|
/// | unknown metric, resource or path                  | 404 NotFound           |
/// | no series for the metric / object                 | 404 NotFound           |
/// | malformed selector, namespace, name, escape       | 400 BadRequest         |
/// | non-GET method                                    | 405 MethodNotAllowed   |
/// | any series' newest sample older than max age      | 503 ServiceUnavailable |
/// | value NaN or ±Inf                                 | 503 ServiceUnavailable |
/// | query fails, or its result cannot name objects    | 500 InternalError      |
///
/// Stale data is 503 because it is temporary (a scrape or remote-write
/// hiccup) and "retry later" is the truthful answer. An empty result is
/// 404 where prometheus-adapter returns an empty list: the HPA rejects both
/// ("no metrics returned from external metrics API"), but the 404 message
/// tells a `kubectl get --raw` user which metric and selector found nothing.
public struct KubeMetricsService: Sendable {
    public let configuration: KubeMetricsConfiguration
    public let evaluator: any MetricQueryEvaluator
    public let discovery: MetricsDiscovery
    /// Metrics derived from prometheus-adapter rules, nil without an adapter config.
    public let adapter: AdapterMetrics?

    public init(configuration: KubeMetricsConfiguration, evaluator: any MetricQueryEvaluator, adapter: AdapterMetrics? = nil) {
        self.configuration = configuration
        self.evaluator = evaluator
        self.discovery = MetricsDiscovery(configuration: configuration)
        self.adapter = adapter
    }

    /// Routes and answers one request; `time` is the evaluation time in
    /// milliseconds since the epoch (normally now).
    public func handle(method: String, path: String, query: String, at time: Int64) async -> KubeAPIResponse {
        do {
            let request = try KubeAPIRequest.parse(method: method, path: path, query: query)
            return await respond(to: request, at: time)
        } catch {
            return .failure(error)
        }
    }

    public func respond(to request: KubeAPIRequest, at time: Int64) async -> KubeAPIResponse {
        do throws(KubeAPIError) {
            switch request {
            case .health:
                return .healthy
            case .discoveryRoot:
                return .json(discovery.apiGroupList())
            case .discoveryGroup(let name):
                guard let group = discovery.apiGroup(name) else { throw .unknownPath }
                return .json(group)
            case .discoveryVersion(let groupVersion):
                guard discovery.servedGroupVersions.contains(groupVersion) else { throw .unknownPath }
                let catalog = await adapter?.catalog(at: time)
                return .json(discovery.apiResourceList(groupVersion, adapter: catalog))
            case .openAPIV2:
                return .json(MetricsOpenAPI.v2Document(discovery.servedGroupVersions))
            case .openAPIV3Index:
                return .json(MetricsOpenAPI.v3Index(discovery.servedGroupVersions))
            case .openAPIV3(let groupVersion):
                guard discovery.servedGroupVersions.contains(groupVersion) else { throw .unknownPath }
                return .json(MetricsOpenAPI.v3Document(groupVersion))
            case .resourceMetric(let resource):
                return try await resourceMetrics(resource, at: time)
            case .externalMetric(let external):
                return .json(try await externalMetricValues(external, at: time))
            case .customMetric(let custom):
                let values = try await customMetricValues(custom, at: time)
                return encode(values, version: custom.version, metricName: custom.metricName,
                              metricLabelSelector: custom.metricLabelSelector, at: time)
            case .namespaceMetric(let namespaceRequest):
                let values = try await namespaceMetricValues(namespaceRequest, at: time)
                return encode(values, version: namespaceRequest.version, metricName: namespaceRequest.metricName,
                              metricLabelSelector: namespaceRequest.metricLabelSelector, at: time)
            }
        } catch {
            return .failure(error)
        }
    }

    private func encode(_ values: [DescribedObjectValue], version: CustomMetricsVersion, metricName: String,
                        metricLabelSelector: LabelSelector, at time: Int64) -> KubeAPIResponse {
        switch version {
        case .v1beta1:
            return .json(MetricValueListV1Beta1(values, metricName: metricName, metricLabelSelector: metricLabelSelector, at: time))
        case .v1beta2:
            return .json(MetricValueListV1Beta2(values, metricName: metricName, metricLabelSelector: metricLabelSelector, at: time))
        }
    }
}
