/// The metrics the Kubernetes APIs serve, checked once at start so a bad
/// entry fails the configuration, not an HPA request at 3 a.m.
public struct KubeMetricsConfiguration: Sendable {
    public let external: [ExternalMetricConfig]
    public let custom: [CustomMetricConfig]
    /// `metrics.k8s.io/v1beta1`; nil leaves that API unserved (404, and
    /// absent from discovery).
    public let resource: ResourceMetricsQueries?
    /// Newest-sample age beyond which values are refused (seconds).
    public let defaultMaxAgeSeconds: Int64

    private let externalByName: [String: ExternalMetricConfig]
    let customByName: [String: ResolvedCustomMetric]

    public init(external: [ExternalMetricConfig] = [], custom: [CustomMetricConfig] = [],
                resource: ResourceMetricsQueries? = nil,
                defaultMaxAgeSeconds: Int64 = 120) throws(KubeMetricsConfigurationError) {
        guard defaultMaxAgeSeconds > 0 else {
            throw KubeMetricsConfigurationError(metric: nil, "default max age must be positive, got \(defaultMaxAgeSeconds)s")
        }
        var externalByName: [String: ExternalMetricConfig] = [:]
        for metric in external {
            try Self.checkCommon(name: metric.name, query: metric.query, maxAge: metric.maxAgeSeconds, window: metric.windowSeconds)
            guard externalByName[metric.name] == nil else {
                throw KubeMetricsConfigurationError(metric: metric.name, "external metric is defined twice")
            }
            guard PrometheusLabelName.isValid(metric.namespaceLabel) else {
                throw KubeMetricsConfigurationError(metric: metric.name, "namespace label \"\(metric.namespaceLabel)\" is not a valid Prometheus label name")
            }
            externalByName[metric.name] = metric
        }
        var customByName: [String: ResolvedCustomMetric] = [:]
        for metric in custom {
            try Self.checkCommon(name: metric.name, query: metric.query, maxAge: metric.maxAgeSeconds, window: metric.windowSeconds)
            guard customByName[metric.name] == nil else {
                throw KubeMetricsConfigurationError(metric: metric.name, "custom metric is defined twice")
            }
            customByName[metric.name] = try Self.resolve(metric)
        }
        try resource?.validate()
        self.external = external
        self.custom = custom
        self.resource = resource
        self.defaultMaxAgeSeconds = defaultMaxAgeSeconds
        self.externalByName = externalByName
        self.customByName = customByName
    }

    public func externalMetric(named name: String) -> ExternalMetricConfig? { externalByName[name] }

    func customMetric(named name: String) -> ResolvedCustomMetric? { customByName[name] }

    private static func checkCommon(name: String, query: String, maxAge: Int64?, window: Int64?) throws(KubeMetricsConfigurationError) {
        // The name is a URL path segment in every request for it.
        guard !name.isEmpty, name != ".", name != "..", !name.contains("/"), !name.contains("%"),
              !name.contains(where: { $0.isWhitespace })
        else {
            throw KubeMetricsConfigurationError(metric: name, "metric name must be a non-empty URL path segment (no '/', '%' or spaces)")
        }
        guard query.contains(where: { !$0.isWhitespace }) else {
            throw KubeMetricsConfigurationError(metric: name, "query is empty")
        }
        if let maxAge, maxAge <= 0 {
            throw KubeMetricsConfigurationError(metric: name, "max age must be positive, got \(maxAge)s")
        }
        if let window, window <= 0 {
            throw KubeMetricsConfigurationError(metric: name, "window must be positive, got \(window)s")
        }
    }

    private static func resolve(_ metric: CustomMetricConfig) throws(KubeMetricsConfigurationError) -> ResolvedCustomMetric {
        guard !metric.resources.isEmpty else {
            throw KubeMetricsConfigurationError(metric: metric.name, "custom metric maps no Kubernetes resources")
        }
        var labels: [(resource: KubeResource, label: String)] = []
        for (name, label) in metric.resources.sorted(by: { $0.key < $1.key }) {
            guard let resource = KubeResource.lookup(name) else {
                let known = KubeResource.known.map(\.singular).joined(separator: ", ")
                throw KubeMetricsConfigurationError(metric: metric.name, "unknown Kubernetes resource \"\(name)\" (known: \(known))")
            }
            guard PrometheusLabelName.isValid(label) else {
                throw KubeMetricsConfigurationError(metric: metric.name, "label \"\(label)\" for \(name) is not a valid Prometheus label name")
            }
            guard !labels.contains(where: { $0.resource == resource }) else {
                throw KubeMetricsConfigurationError(metric: metric.name, "resource \(resource.groupResource) is mapped twice")
            }
            labels.append((resource, label))
        }
        labels.sort { $0.resource.groupResource < $1.resource.groupResource }
        let namespaceLabel = labels.first { $0.resource == .namespaces }?.label ?? "namespace"
        return ResolvedCustomMetric(config: metric, labels: labels, namespaceLabel: namespaceLabel)
    }
}

/// A configuration entry the metrics APIs cannot serve.
public struct KubeMetricsConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The metric at fault, nil for settings of the whole section.
    public let metric: String?
    public let message: String

    public init(metric: String?, _ message: String) {
        self.metric = metric
        self.message = message
    }

    public var description: String {
        metric.map { "metric \"\($0)\": \(message)" } ?? message
    }
}
