/// `resourceRules:` of a prometheus-adapter configuration, as written:
/// how the adapter answers `metrics.k8s.io` (what `kubectl top` and the
/// HPA's CPU/memory targets read).
public struct AdapterResourceRules: Sendable, Hashable {
    public var cpu: AdapterResourceRule
    public var memory: AdapterResourceRule
    /// `window:` — reported with each value; should match the queries' rate range.
    public var windowSeconds: Int64?

    public init(cpu: AdapterResourceRule, memory: AdapterResourceRule, windowSeconds: Int64? = nil) {
        self.cpu = cpu
        self.memory = memory
        self.windowSeconds = windowSeconds
    }
}
