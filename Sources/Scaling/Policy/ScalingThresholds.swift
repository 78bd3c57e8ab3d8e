/// When a workload needs more capacity, per the Agent360 scaling guide:
/// CPU utilization above 70%, memory above 80%, more than 1000 requests/s,
/// or an error rate above 5%. Each is configurable; p95 latency is checked
/// only when a threshold is set, because the guide gives none.
public struct ScalingThresholds: Sendable, Hashable, Codable {
    /// Ratio of CPU requests in use (agent360_cpu_utilization_ratio).
    public var cpuUtilization: Double
    /// Ratio of memory requests in use (agent360_memory_utilization_ratio).
    public var memoryUtilization: Double
    /// Requests per second (agent360_request_rate).
    public var requestRate: Double
    /// Failed / all requests, 0–1 (agent360_error_rate).
    public var errorRate: Double
    /// Seconds (agent360_latency_p95_seconds); nil = not a scaling signal.
    public var p95LatencySeconds: Double?

    public init(
        cpuUtilization: Double = 0.7,
        memoryUtilization: Double = 0.8,
        requestRate: Double = 1000,
        errorRate: Double = 0.05,
        p95LatencySeconds: Double? = nil
    ) {
        self.cpuUtilization = cpuUtilization
        self.memoryUtilization = memoryUtilization
        self.requestRate = requestRate
        self.errorRate = errorRate
        self.p95LatencySeconds = p95LatencySeconds
    }

    /// The scaling guide's values.
    public static let guideDefaults = ScalingThresholds()

    /// Keys left out of a config file keep the guide's values.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = ScalingThresholds.guideDefaults
        self.init(
            cpuUtilization: try container.decodeIfPresent(Double.self, forKey: .cpuUtilization) ?? defaults.cpuUtilization,
            memoryUtilization: try container.decodeIfPresent(Double.self, forKey: .memoryUtilization) ?? defaults.memoryUtilization,
            requestRate: try container.decodeIfPresent(Double.self, forKey: .requestRate) ?? defaults.requestRate,
            errorRate: try container.decodeIfPresent(Double.self, forKey: .errorRate) ?? defaults.errorRate,
            p95LatencySeconds: try container.decodeIfPresent(Double.self, forKey: .p95LatencySeconds)
        )
    }
}
