/// A replay: what the controller would have done at every sync.
public struct SimulationResult: Sendable, Hashable, Codable {
    /// `namespace/name` of the autoscaler.
    public var autoscaler: String
    public var minReplicas: Int
    public var maxReplicas: Int
    public var syncPeriodSeconds: Double
    /// The metrics in spec order, with their targets in input units.
    public var metrics: [SimulatedMetric]
    /// One row per sync.
    public var rows: [HPADecision]
    /// Assumptions and input oddities worth telling the operator about.
    public var notes: [String]

    /// Replicas after each sync, for quick assertions and sparklines.
    public var replicaTrajectory: [Int] { rows.map(\.replicas) }
}

/// A metric's identity and target in the units the input series uses.
public struct SimulatedMetric: Sendable, Hashable, Codable {
    /// The series name that feeds it.
    public var key: String
    /// `Resource`, `Pods`, `External`, ...
    public var type: String
    /// `Utilization`, `AverageValue` or `Value`.
    public var targetType: String
    /// The target as written (`70%`, `1k`).
    public var target: String
    /// The target in input units (70% → 0.7).
    public var targetValue: Double
    /// True for External/Object AverageValue: the input is a total, so the
    /// level the controller steers to is `targetValue × replicas`.
    public var targetScalesWithReplicas: Bool

    init(_ metric: HPAMetric) {
        key = metric.key
        type = metric.typeName
        targetType = metric.target.typeName
        target = metric.target.displayText
        targetValue = metric.target.inputUnitValue
        targetScalesWithReplicas = !metric.isPerPod && metric.target.isAverageValue
    }

    /// The level the controller steers towards at a sync with `replicas` pods.
    public func targetLevel(replicas: Int) -> Double {
        targetScalesWithReplicas ? targetValue * Double(replicas) : targetValue
    }
}

/// A replay that cannot run: no time range, a bad sync period, too many syncs.
public struct SimulationError: Error, Sendable, Hashable, CustomStringConvertible {
    enum Code: Sendable, Hashable {
        case noTimeRange
        case invalidOption(String, String)
        case tooManySyncs(Int)
    }

    let code: Code

    public var description: String {
        switch code {
        case .noTimeRange:
            "no time range: none of the input series feeds a metric of the autoscaler, and no start/end was given"
        case .invalidOption(let name, let reason):
            "\(name) \(reason)"
        case .tooManySyncs(let count):
            "the time range needs \(count) syncs, more than \(SimulationOptions.maximumSyncs); narrow it or lengthen the sync period"
        }
    }
}
