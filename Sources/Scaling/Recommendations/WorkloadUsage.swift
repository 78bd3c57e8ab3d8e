/// A workload's utilization over a window (e.g. the last 7 days of
/// agent360_cpu_utilization_ratio samples) and its current size, when known.
///
/// Utilization is relative to the requests: 1.0 means the pods use exactly
/// what they request, which is what the HPA's Utilization targets mean too.
public struct WorkloadUsage: Sendable, Hashable, Codable {
    public var namespace: String
    public var workload: String
    public var cpuUtilization: [Double]
    public var memoryUtilization: [Double]
    /// Requests per second; nil when the workload serves no HTTP traffic or
    /// it is not measured (idle is then judged on CPU alone).
    public var requestRate: [Double]?
    /// Current size per pod, if known; suggestions are relative otherwise.
    public var current: ResourceSize?

    public init(
        namespace: String, workload: String, cpuUtilization: [Double], memoryUtilization: [Double],
        requestRate: [Double]? = nil, current: ResourceSize? = nil
    ) {
        self.namespace = namespace
        self.workload = workload
        self.cpuUtilization = cpuUtilization
        self.memoryUtilization = memoryUtilization
        self.requestRate = requestRate
        self.current = current
    }
}

/// Requests and limits of one pod; any part may be unknown.
public struct ResourceSize: Sendable, Hashable, Codable {
    public var cpuRequestCores: Double?
    public var cpuLimitCores: Double?
    public var memoryRequestBytes: Double?
    public var memoryLimitBytes: Double?

    public init(
        cpuRequestCores: Double? = nil, cpuLimitCores: Double? = nil,
        memoryRequestBytes: Double? = nil, memoryLimitBytes: Double? = nil
    ) {
        self.cpuRequestCores = cpuRequestCores
        self.cpuLimitCores = cpuLimitCores
        self.memoryRequestBytes = memoryRequestBytes
        self.memoryLimitBytes = memoryLimitBytes
    }
}
