/// What to do about one workload's size.
public enum ResourceAction: String, Sendable, Hashable, Codable, CaseIterable {
    case increaseCPU = "increase_cpu"
    case increaseMemory = "increase_memory"
    case downsize
    case idle
}

/// One recommended change, with its reason in words and the numbers.
public struct ResourceRecommendation: Sendable, Hashable, Codable {
    public var action: ResourceAction
    public var reason: String
    /// The suggested per-pod size; nil parts stay as they are (or were unknown).
    public var suggested: ResourceSize?
    /// p95 utilization expected after the change, when the current size is known.
    public var projectedCPUUtilization: Double?
    public var projectedMemoryUtilization: Double?
}

/// The full verdict for a workload: its p95s, whether it looks idle, and the
/// recommendations (empty = right-sized).
public struct ResourceAssessment: Sendable, Hashable, Codable {
    public var namespace: String
    public var workload: String
    public var cpuP95: Double?
    public var memoryP95: Double?
    public var requestRateP95: Double?
    public var idle: Bool
    public var current: ResourceSize?
    public var recommendations: [ResourceRecommendation]
}
