/// The utilization figures agent360 exports and scales on, derived from a
/// snapshot and the one before it.
///
/// - CPU utilization is (usage now - usage before) / elapsed seconds / limit
///   cores: the fraction of the allowed CPU used over the interval. It can
///   exceed 1 briefly (quota enforcement is per period) and is `nil` on the
///   first sample, across a counter reset and when usage or limit is
///   missing; an average since boot would be a misleading stand-in.
/// - Memory utilization is working set / limit, available from the first
///   sample on.
public struct ResourceSignals: Sendable, Hashable {
    public var snapshot: ResourceSnapshot
    public var cpuUtilizationRatio: Double?
    public var memoryUtilizationRatio: Double?

    public init(current: ResourceSnapshot, previous: ResourceSnapshot?) {
        snapshot = current
        cpuUtilizationRatio = Self.cpuUtilization(current: current, previous: previous)
        if let workingSet = current.memory.workingSetBytes, let limit = current.memory.limitBytes, limit > 0 {
            memoryUtilizationRatio = Double(workingSet) / Double(limit)
        }
    }

    static func cpuUtilization(current: ResourceSnapshot, previous: ResourceSnapshot?) -> Double? {
        guard let previous,
            let usageNow = current.cpu.usageSeconds, let usageBefore = previous.cpu.usageSeconds,
            current.cpu.usageSource == previous.cpu.usageSource,
            usageNow >= usageBefore,
            current.monotonicNanoseconds > previous.monotonicNanoseconds,
            let limit = current.cpu.limitCores, limit > 0
        else { return nil }
        let elapsed = Double(current.monotonicNanoseconds - previous.monotonicNanoseconds) / 1e9
        return (usageNow - usageBefore) / elapsed / limit
    }
}
