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
