import Synchronization

/// Turns successive snapshots into ``ResourceSignals``; keeps the baseline
/// snapshot for the CPU rate, so it is a class behind a lock.
///
/// Several scrapers may call ``sample()`` at nearly the same moment (two
/// Prometheus replicas, a human with curl). A rate over a few milliseconds
/// is noise, so a call less than `minimumInterval` after the baseline keeps
/// the baseline and repeats the last CPU utilization.
public final class ResourceSampler: Sendable {
    private struct State {
        var baseline: ResourceSnapshot?
        var lastCPUUtilization: Double?
    }

    public let collector: ResourceCollector
    public let minimumIntervalNanoseconds: UInt64
    private let state = Mutex(State())

    public init(collector: ResourceCollector = ResourceCollector(), minimumIntervalSeconds: Double = 0.5) {
        self.collector = collector
        // Clamped to [0, 1 h]; NaN means 0. Converting an out-of-range Double traps.
        let seconds = minimumIntervalSeconds.isNaN ? 0 : min(max(minimumIntervalSeconds, 0), 3600)
        self.minimumIntervalNanoseconds = UInt64(seconds * 1e9)
    }

    public func sample() -> ResourceSignals {
        state.withLock { state in
            // Collect inside the lock so baselines stay in time order.
            let current = collector.collect()
            guard let baseline = state.baseline else {
                state.baseline = current
                return ResourceSignals(current: current, previous: nil)
            }
            var signals = ResourceSignals(current: current, previous: baseline)
            let elapsed = current.monotonicNanoseconds &- baseline.monotonicNanoseconds
            if current.monotonicNanoseconds > baseline.monotonicNanoseconds, elapsed < minimumIntervalNanoseconds {
                signals.cpuUtilizationRatio = state.lastCPUUtilization
            } else {
                state.baseline = current
                state.lastCPUUtilization = signals.cpuUtilizationRatio
            }
            return signals
        }
    }
}
