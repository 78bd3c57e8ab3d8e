/// A prometheus-adapter configuration file (`config.yaml` of the adapter's
/// ConfigMap), as written: the YAML reader fills it, `AdapterRuleSet`
/// compiles and checks it.
///
/// Plain values so the file can be read in one module and served in another.
public struct AdapterConfig: Sendable, Hashable {
    /// Custom metrics (`custom.metrics.k8s.io`), discovered from series.
    public var rules: [AdapterDiscoveryRule]
    /// External metrics (`external.metrics.k8s.io`), discovered from series.
    public var externalRules: [AdapterDiscoveryRule]
    /// Resource metrics (`metrics.k8s.io`): parsed and checked here, served
    /// by the resource metrics API.
    public var resourceRules: AdapterResourceRules?

    public init(rules: [AdapterDiscoveryRule] = [], externalRules: [AdapterDiscoveryRule] = [],
                resourceRules: AdapterResourceRules? = nil) {
        self.rules = rules
        self.externalRules = externalRules
        self.resourceRules = resourceRules
    }
}

/// One entry of `rules` or `externalRules`.
public struct AdapterDiscoveryRule: Sendable, Hashable {
    /// A Prometheus series selector, e.g. `{__name__=~"^container_.*",pod!=""}`.
    public var seriesQuery: String
    public var seriesFilters: [AdapterSeriesFilter]
    public var resources: AdapterResourceMapping
    public var name: AdapterNameMapping
    /// Template with `<<.Series>>`, `<<.LabelMatchers>>`, `<<.GroupBy>>`, `<<.GroupBySlice>>`.
    public var metricsQuery: String

    public init(seriesQuery: String, seriesFilters: [AdapterSeriesFilter] = [], resources: AdapterResourceMapping = .init(),
                name: AdapterNameMapping = .init(), metricsQuery: String) {
        self.seriesQuery = seriesQuery
        self.seriesFilters = seriesFilters
        self.resources = resources
        self.name = name
        self.metricsQuery = metricsQuery
    }
}

/// `seriesFilters` entry: keep series whose name matches `is`, or drop those matching `isNot`.
public enum AdapterSeriesFilter: Sendable, Hashable {
    case `is`(String)
    case isNot(String)
}

/// `name:` of a rule. `matches` empty means `.*`; `as` empty means `$0`
/// without capture groups, `$1` with one, and is an error with more.
public struct AdapterNameMapping: Sendable, Hashable {
    public var matches: String
    public var `as`: String

    public init(matches: String = "", as: String = "") {
        self.matches = matches
        self.as = `as`
    }
}

/// `resources:` of a rule: Prometheus labels ↔ Kubernetes resources.
public struct AdapterResourceMapping: Sendable, Hashable {
    /// E.g. `kube_<<.Group>>_<<.Resource>>` or `<<.Resource>>`.
    public var template: String?
    /// Label name → group-resource, e.g. `namespace: {resource: namespace}`.
    public var overrides: [String: AdapterGroupResource]
    /// External rules only (newer adapters): false makes the metric
    /// cluster-wide, so no namespace matcher is added. Default true.
    public var namespaced: Bool?

    public init(template: String? = nil, overrides: [String: AdapterGroupResource] = [:], namespaced: Bool? = nil) {
        self.template = template
        self.overrides = overrides
        self.namespaced = namespaced
    }
}

public struct AdapterGroupResource: Sendable, Hashable {
    public var group: String
    public var resource: String

    public init(group: String = "", resource: String) {
        self.group = group
        self.resource = resource
    }
}
