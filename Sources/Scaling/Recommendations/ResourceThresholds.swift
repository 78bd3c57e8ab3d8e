/// When and by how much to resize a workload. Defaults follow the scaling
/// guide (p95 CPU > 80% → +2 cores, p95 memory > 85% → +2 GiB); the rest are
/// this module's choices, documented where used.
public struct ResourceThresholds: Sendable, Hashable, Codable {
    /// p95 CPU utilization above which to add CPU.
    public var cpuHigh: Double
    /// p95 memory utilization above which to add memory.
    public var memoryHigh: Double
    /// Cores added per `increase_cpu`.
    public var cpuIncrementCores: Double
    /// Bytes added per `increase_memory`.
    public var memoryIncrementBytes: Double
    /// Both p95 CPU and memory below this → `downsize`.
    public var underUtilized: Double
    /// The utilization a downsized workload should run at (p95), leaving
    /// headroom for spikes the p95 does not show.
    public var downsizeTarget: Double
    /// Suggested CPU sizes are rounded up to this many cores (0.1 = 100m).
    public var cpuStepCores: Double
    /// Suggested memory sizes are rounded up to this many bytes (64 MiB).
    public var memoryStepBytes: Double
    /// p95 CPU below this (with no traffic) → `idle`.
    public var idleCPU: Double
    /// p95 request rate at or below this (requests/s) counts as no traffic.
    public var idleRequestRate: Double

    public init(
        cpuHigh: Double = 0.8,
        memoryHigh: Double = 0.85,
        cpuIncrementCores: Double = 2,
        memoryIncrementBytes: Double = 2 * 1_073_741_824,
        underUtilized: Double = 0.5,
        downsizeTarget: Double = 0.7,
        cpuStepCores: Double = 0.1,
        memoryStepBytes: Double = 64 * 1_048_576,
        idleCPU: Double = 0.05,
        idleRequestRate: Double = 0.01
    ) {
        self.cpuHigh = cpuHigh
        self.memoryHigh = memoryHigh
        self.cpuIncrementCores = cpuIncrementCores
        self.memoryIncrementBytes = memoryIncrementBytes
        self.underUtilized = underUtilized
        self.downsizeTarget = downsizeTarget
        self.cpuStepCores = cpuStepCores
        self.memoryStepBytes = memoryStepBytes
        self.idleCPU = idleCPU
        self.idleRequestRate = idleRequestRate
    }

    public static let defaults = ResourceThresholds()

    /// Keys left out of a config file keep their defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let base = ResourceThresholds.defaults
        func value(_ key: CodingKeys, _ fallback: Double) throws -> Double {
            try container.decodeIfPresent(Double.self, forKey: key) ?? fallback
        }
        self.init(
            cpuHigh: try value(.cpuHigh, base.cpuHigh),
            memoryHigh: try value(.memoryHigh, base.memoryHigh),
            cpuIncrementCores: try value(.cpuIncrementCores, base.cpuIncrementCores),
            memoryIncrementBytes: try value(.memoryIncrementBytes, base.memoryIncrementBytes),
            underUtilized: try value(.underUtilized, base.underUtilized),
            downsizeTarget: try value(.downsizeTarget, base.downsizeTarget),
            cpuStepCores: try value(.cpuStepCores, base.cpuStepCores),
            memoryStepBytes: try value(.memoryStepBytes, base.memoryStepBytes),
            idleCPU: try value(.idleCPU, base.idleCPU),
            idleRequestRate: try value(.idleRequestRate, base.idleRequestRate)
        )
    }
}
