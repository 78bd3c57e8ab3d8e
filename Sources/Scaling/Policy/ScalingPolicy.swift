/// The agent360 signals of one workload at one moment; nil = not known.
public struct WorkloadSignals: Sendable, Hashable, Codable {
    public var namespace: String
    public var workload: String
    public var cpuUtilization: Double?
    public var memoryUtilization: Double?
    public var requestRate: Double?
    public var errorRate: Double?
    public var p95LatencySeconds: Double?

    public init(
        namespace: String, workload: String, cpuUtilization: Double? = nil, memoryUtilization: Double? = nil,
        requestRate: Double? = nil, errorRate: Double? = nil, p95LatencySeconds: Double? = nil
    ) {
        self.namespace = namespace
        self.workload = workload
        self.cpuUtilization = cpuUtilization
        self.memoryUtilization = memoryUtilization
        self.requestRate = requestRate
        self.errorRate = errorRate
        self.p95LatencySeconds = p95LatencySeconds
    }
}

/// Which threshold a workload crossed. Raw values are the API spelling.
public enum ScalingSignal: String, Sendable, Hashable, Codable, CaseIterable {
    case cpu
    case memory
    case requestRate = "request_rate"
    case errorRate = "error_rate"
    case latency
}

/// One crossed threshold, with both numbers so the reader need not look them up.
public struct ScalingReason: Sendable, Hashable, Codable {
    public var signal: ScalingSignal
    public var value: Double
    public var threshold: Double
}

/// The verdict for one workload.
public struct ScalingAssessment: Sendable, Hashable, Codable {
    public var namespace: String
    public var workload: String
    public var needsScaling: Bool
    /// In `ScalingSignal` order; empty when nothing is over its threshold.
    public var reasons: [ScalingReason]
}

/// Threshold-based "does this workload need scaling" — the guide's simple
/// rule, as a quick signal next to the HPA replay: a value strictly above its
/// threshold is a reason; unknown values are never reasons.
public struct ScalingPolicy: Sendable, Hashable {
    public var thresholds: ScalingThresholds

    public init(thresholds: ScalingThresholds = .guideDefaults) {
        self.thresholds = thresholds
    }

    public func assess(_ signals: WorkloadSignals) -> ScalingAssessment {
        let checks: [(ScalingSignal, Double?, Double?)] = [
            (.cpu, signals.cpuUtilization, thresholds.cpuUtilization),
            (.memory, signals.memoryUtilization, thresholds.memoryUtilization),
            (.requestRate, signals.requestRate, thresholds.requestRate),
            (.errorRate, signals.errorRate, thresholds.errorRate),
            (.latency, signals.p95LatencySeconds, thresholds.p95LatencySeconds),
        ]
        let reasons = checks.compactMap { signal, value, threshold -> ScalingReason? in
            guard let value, let threshold, value.isFinite, value > threshold else { return nil }
            return ScalingReason(signal: signal, value: value, threshold: threshold)
        }
        return ScalingAssessment(
            namespace: signals.namespace, workload: signals.workload,
            needsScaling: !reasons.isEmpty, reasons: reasons
        )
    }

    public func assess(_ workloads: [WorkloadSignals]) -> [ScalingAssessment] {
        workloads.map(assess)
    }
}
