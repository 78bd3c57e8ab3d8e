/// How the synthetic application behaves.
///
/// The defaults exercise what PromQL must get right: counter resets (a pod
/// restarts), gaps (a pod vanishes and Prometheus writes stale markers),
/// bursts, histograms and gauges.
public struct DemoWorkloadOptions: Sendable, Equatable {
    public var namespace = "default"
    public var workload = "agent360-demo"
    public var pods = 3
    /// Mean requests per second per pod before bursts.
    public var requestsPerSecond = 20.0
    /// Share of requests answered 500 or 503.
    public var errorRatio = 0.02
    /// One pod restarts (its counters reset) this often; 0 disables.
    public var restartEverySeconds = 90.0
    /// One pod disappears this often for `gapSeconds`; 0 disables.
    public var gapEverySeconds = 150.0
    public var gapSeconds = 20.0
    /// Bursts multiply traffic by `burstFactor` for `burstSeconds` at random.
    public var burstProbabilityPerSecond = 0.02
    public var burstFactor = 3.0
    public var burstSeconds = 5.0
    public var seed: UInt64 = 360

    public init() {}
}
