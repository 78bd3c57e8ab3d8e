import TSDB

/// `resourceRules` compiled and checked: the value the resource metrics
/// API (`metrics.k8s.io`) is wired to.
///
/// How to use it: ask `cpu.containerQuery(namespace:pods:)` (or
/// `nodeQuery(nodes:)`) for a `AdapterScopedQuery`, parse its `query` and
/// put its `matchers` where the placeholder matcher is (in agent360:
/// `Expr.replacingAdapterPlaceholder(with:)`), then evaluate. Each result
/// series carries the `podLabel` + `containerLabel` (or `nodeLabel`) that
/// name what it measures; CPU is in cores, memory in bytes, as the adapter
/// expects them from the queries.
public struct AdapterResourceRuleSet: Sendable {
    public let cpu: AdapterResourceQueries
    public let memory: AdapterResourceQueries
    public let windowSeconds: Int64?

    public init(_ rules: AdapterResourceRules) throws(AdapterConfigError) {
        cpu = try AdapterResourceQueries(rules.cpu, field: "resourceRules.cpu")
        memory = try AdapterResourceQueries(rules.memory, field: "resourceRules.memory")
        if let window = rules.windowSeconds, window <= 0 {
            throw AdapterConfigError(.invalidQuery, field: "resourceRules.window", "must be positive")
        }
        windowSeconds = rules.windowSeconds
    }
}
