import KubeAPIServer
import KubeMetricsAPI

/// The Kubernetes metrics APIs: which metrics they serve and the HTTPS
/// listener the kube-aggregator talks to.
public struct KubeAPIConfig: Sendable, Equatable {
    /// Serve `external.metrics.k8s.io` / `custom.metrics.k8s.io` on the secure listener.
    public var enabled = true
    public var secure = SecureAPIConfig()
    public var external: [ExternalMetricConfig] = KubeAPIConfig.defaultExternalMetrics
    public var custom: [CustomMetricConfig] = []
    /// `metrics.k8s.io/v1beta1` (the metrics-server API); nil when disabled.
    public var resource: ResourceMetricsQueries? = ResourceMetricsQueries()
    /// Values whose newest sample is older than this are refused (503), so
    /// the HPA holds its replica count instead of acting on stale data.
    public var maxAge = ConfigDuration.minutes(2)
    /// `metricsAPI.adapterConfig`: a prometheus-adapter configuration file
    /// whose rules add discovered metrics (path as written, resolved on load).
    public var adapterConfigFile: String?
    /// That file, read and checked (set by `Agent360Config.load` or `--adapter-config`).
    public var adapter: AdapterConfig?
    /// Adapter-rule series are listed again on a request once the last
    /// listing is older than this (the adapter relists every `--metrics-relist-interval`).
    public var adapterRelistInterval = ConfigDuration.seconds(15)
    /// Series count for adapter discovery if they have samples this recent
    /// (the adapter's `--metrics-max-age`).
    public var adapterSeriesMaxAge = ConfigDuration.minutes(10)

    public init() {}

    /// The mission's signals, computed from raw application metrics at request
    /// time (not from recorded series) so a change reaches the HPA as soon as
    /// its samples arrive.
    public static let defaultExternalMetrics: [ExternalMetricConfig] = [
        ExternalMetricConfig(name: "agent360_request_rate",
                             query: "sum(rate(agent360_http_requests_total[1m]))", windowSeconds: 60),
        ExternalMetricConfig(name: "agent360_error_rate",
                             query: "(sum(rate(agent360_http_requests_total{code=~\"5..\"}[1m])) or vector(0)) / sum(rate(agent360_http_requests_total[1m]))",
                             windowSeconds: 60),
        ExternalMetricConfig(name: "agent360_latency_p95_seconds",
                             query: "histogram_quantile(0.95, sum by (le) (rate(agent360_http_request_duration_seconds_bucket[1m])))",
                             windowSeconds: 60),
        ExternalMetricConfig(name: "agent360_cpu_utilization", query: "avg(agent360_process_cpu_usage_ratio)"),
        ExternalMetricConfig(name: "agent360_memory_utilization", query: "avg(agent360_process_memory_usage_ratio)"),
    ]
}

extension KubeAPIConfig {
    static func readExternal(_ reader: inout YAMLMapping) throws(ConfigError) -> ExternalMetricConfig {
        guard let name = try reader.string("name"), !name.isEmpty else { throw reader.missing("name") }
        guard let query = try reader.string("query") else { throw reader.missing("query") }
        try validateQuery(query, &reader)
        var metric = ExternalMetricConfig(name: name, query: query)
        if let namespaced = try reader.bool("namespaced") { metric.namespaced = namespaced }
        if let label = try reader.string("namespaceLabel") { metric.namespaceLabel = label }
        metric.maxAgeSeconds = try reader.duration("maxAge").map { $0.milliseconds / 1000 }
        metric.windowSeconds = try reader.duration("window").map { $0.milliseconds / 1000 }
        return metric
    }

    static func readCustom(_ reader: inout YAMLMapping) throws(ConfigError) -> CustomMetricConfig {
        guard let name = try reader.string("name"), !name.isEmpty else { throw reader.missing("name") }
        guard let query = try reader.string("query") else { throw reader.missing("query") }
        try validateQuery(query, &reader)
        guard let resources = try reader.stringMap("resources"), !resources.isEmpty else { throw reader.missing("resources") }
        var metric = CustomMetricConfig(name: name, query: query, resources: resources)
        metric.maxAgeSeconds = try reader.duration("maxAge").map { $0.milliseconds / 1000 }
        metric.windowSeconds = try reader.duration("window").map { $0.milliseconds / 1000 }
        if let handling = try reader.string("objectSelector") {
            guard let parsed = ObjectSelectorHandling(rawValue: handling) else {
                throw reader.invalid("objectSelector", "must be matchSeriesLabels or ignore, got \"\(handling)\"")
            }
            metric.objectSelectorHandling = parsed
        }
        return metric
    }

    private static func validateQuery(_ query: String, _ reader: inout YAMLMapping) throws(ConfigError) {
        if let problem = PromQLValidation.problem(in: query, allowing: [.vector, .scalar]) {
            throw reader.invalid("query", problem)
        }
    }

    static func readSecure(_ reader: inout YAMLMapping) throws(ConfigError) -> SecureAPIConfig {
        var config = SecureAPIConfig()
        if let listen = try reader.string("listen") {
            do { config.listen = try ListenAddress(parsing: listen) } catch { throw reader.invalid("listen", "\(error)") }
        }
        config.tls = try reader.section("tls") { (tls: inout YAMLMapping) throws(ConfigError) -> TLSFiles in
            guard let cert = try tls.string("certFile") else { throw tls.missing("certFile") }
            guard let key = try tls.string("keyFile") else { throw tls.missing("keyFile") }
            return TLSFiles(certFile: cert, keyFile: key)
        }
        if let names = try reader.section("selfSigned", { (names: inout YAMLMapping) throws(ConfigError) -> SelfSignedNames in
            SelfSignedNames(serviceName: try names.string("serviceName"), serviceNamespace: try names.string("serviceNamespace"),
                            extraNames: try names.strings("extraNames") ?? [])
        }) { config.selfSigned = names }
        config.clientCAFile = try reader.string("clientCAFile")
        config.tokenAuthFile = try reader.string("tokenAuthFile")
        if let delegated = try reader.bool("delegated") { config.delegated = delegated }
        if let header = try reader.section("requestHeader", { (header: inout YAMLMapping) throws(ConfigError) -> RequestHeaderConfig in
            var value = RequestHeaderConfig()
            value.clientCAFile = try header.string("clientCAFile")
            if let names = try header.strings("allowedNames") { value.allowedNames = names }
            if let names = try header.strings("usernameHeaders") { value.usernameHeaders = names }
            if let names = try header.strings("groupHeaders") { value.groupHeaders = names }
            if let names = try header.strings("extraHeadersPrefix") { value.extraHeadersPrefix = names }
            return value
        }) { config.requestHeader = header }
        if let authorization = try reader.section("authorization", { (auth: inout YAMLMapping) throws(ConfigError) -> AuthorizationConfig in
            AuthorizationConfig(allowedUsers: try auth.strings("allowedUsers") ?? AuthorizationConfig.defaultUsers,
                                allowedGroups: try auth.strings("allowedGroups") ?? AuthorizationConfig.defaultGroups)
        }) { config.authorization = authorization }
        do { try config.validate() } catch { throw reader.invalid("listen", "\(error)") }
        return config
    }
}

extension KubeAPIConfig {
    /// Cross-metric checks (duplicates, resources, label names) done by the
    /// Kubernetes API module itself, reported against the metric sections.
    func check(_ reader: inout YAMLMapping) throws(ConfigError) {
        do {
            _ = try metricsConfiguration()
        } catch {
            let key = error.metric == nil && error.message.hasPrefix("resource metrics")
                ? "resourceMetrics" : custom.contains { $0.name == error.metric } ? "customMetrics" : "externalMetrics"
            throw reader.invalid(key, error.description)
        }
    }

    /// The adapter file's `resourceRules`, compiled: what the resource
    /// metrics API (`metrics.k8s.io`) is wired to. Nil without an adapter
    /// file or without resource rules in it. The file was checked on load,
    /// so this only throws for values built in code.
    public func adapterResourceRules() throws(AdapterConfigError) -> AdapterResourceRuleSet? {
        guard let adapter else { return nil }
        return try AdapterRuleSet(adapter).resourceRules
    }

    /// The metrics APIs' configuration. An adapter file's `resourceRules`
    /// replace the resource metrics API's four queries and labels, as
    /// prometheus-adapter would serve them (`resourceMetrics.enabled: false`
    /// still turns the API off).
    func metricsConfiguration() throws(KubeMetricsConfigurationError) -> KubeMetricsConfiguration {
        var resource = self.resource
        if let base = resource {
            do {
                if let rules = try adapterResourceRules() { resource = try ResourceMetricsQueries(adapter: rules, base: base) }
            } catch {
                throw KubeMetricsConfigurationError(metric: nil, "resource metrics from the adapter file: \(error)")
            }
        }
        return try KubeMetricsConfiguration(external: external, custom: custom, resource: resource,
                                            defaultMaxAgeSeconds: max(1, maxAge.milliseconds / 1000))
    }
}
