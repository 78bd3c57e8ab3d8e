/// What one controller sync decided, and why: one row of a replay.
public struct HPADecision: Sendable, Hashable, Codable {
    /// Sync time in seconds (the input's clock: unix seconds or relative).
    public var time: Double
    /// Replicas before this sync.
    public var currentReplicas: Int
    /// One entry per `spec.metrics` item, in spec order.
    public var metrics: [MetricEvaluation]
    /// The largest per-metric proposal: the controller's raw wish before
    /// behavior applies; nil when no metric was used.
    public var desiredReplicas: Int?
    /// The proposal after the stabilization windows; nil when not reached.
    public var stabilizedReplicas: Int?
    /// Replicas after this sync.
    public var replicas: Int
    /// The rule that decided `replicas`.
    public var limitingRule: LimitingRule
    /// A sentence for humans, in the controller's words where it has some.
    public var message: String
}

/// One metric as the controller saw it at one sync.
public struct MetricEvaluation: Sendable, Hashable, Codable {
    /// The series name that fed it (`cpu`, `agent360_request_rate`).
    public var key: String
    /// The value read, after any load redistribution; nil when missing.
    public var observed: Double?
    /// Current / target as the controller computed it; nil if not computable.
    public var usageRatio: Double?
    /// Replicas this metric alone asks for; nil when missing or unusable.
    public var proposal: Int?
    /// Whether the ratio fell inside the tolerance band (proposal = current).
    public var withinTolerance: Bool
    /// Why no proposal was made, when none was.
    public var problem: String?
}

/// The reason a sync ended where it did. Raw values are the HorizontalPodAutoscaler
/// condition reasons kube-controller-manager sets, except `Tolerance`, which the
/// controller folds into `DesiredWithinRange` but an operator wants to see.
public enum LimitingRule: String, Sendable, Hashable, Codable, CaseIterable {
    case desiredWithinRange = "DesiredWithinRange"
    case tolerance = "Tolerance"
    case scaleUpStabilized = "ScaleUpStabilized"
    case scaleDownStabilized = "ScaleDownStabilized"
    case scaleUpLimit = "ScaleUpLimit"
    case scaleDownLimit = "ScaleDownLimit"
    case tooManyReplicas = "TooManyReplicas"
    case tooFewReplicas = "TooFewReplicas"
    case scalingDisabled = "ScalingDisabled"
    case failedGetResourceMetric = "FailedGetResourceMetric"
    case failedGetContainerResourceMetric = "FailedGetContainerResourceMetric"
    case failedGetPodsMetric = "FailedGetPodsMetric"
    case failedGetObjectMetric = "FailedGetObjectMetric"
    case failedGetExternalMetric = "FailedGetExternalMetric"

    /// Whether the sync held because a metric could not be read.
    public var isFailedGet: Bool { rawValue.hasPrefix("FailedGet") }
}
