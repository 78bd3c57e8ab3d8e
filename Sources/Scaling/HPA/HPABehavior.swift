/// `spec.behavior`: how fast, and after how much hesitation, the controller may move.
///
/// Defaults are the API server's (`GenerateHPAScaleUpRules` /
/// `GenerateHPAScaleDownRules`), applied field by field: an operator who only
/// sets `scaleDown.policies` keeps the default 300 s window and `Max` selection.
///
/// When `spec.behavior` is absent altogether these defaults do not apply:
/// the controller takes its legacy path (`HPAController+Legacy.swift`), with
/// a scale-up cap of `max(2 × current, 4)` per sync and no scale-up window;
/// from 2 replicas under heavy load it goes to 4 where these defaults allow 6.
public struct HPABehavior: Sendable, Hashable {
    public var scaleUp: HPAScalingRules
    public var scaleDown: HPAScalingRules

    public init(scaleUp: HPAScalingRules = .defaultScaleUp, scaleDown: HPAScalingRules = .defaultScaleDown) {
        self.scaleUp = scaleUp
        self.scaleDown = scaleDown
    }

    public static let `default` = HPABehavior()
}

/// `behavior.scaleUp` / `behavior.scaleDown`.
public struct HPAScalingRules: Sendable, Hashable {
    /// `selectPolicy`: which policy wins when several allow different changes.
    public enum SelectPolicy: String, Sendable, Hashable, Codable, CaseIterable {
        /// The policy allowing the largest change.
        case max = "Max"
        /// The policy allowing the smallest change.
        case min = "Min"
        /// No change in this direction at all.
        case disabled = "Disabled"
    }

    public var stabilizationWindowSeconds: Int
    public var selectPolicy: SelectPolicy
    public var policies: [HPAScalingPolicy]
    /// Fraction of deviation from the target ignored in this direction; the
    /// controller's `--horizontal-pod-autoscaler-tolerance` (0.1) unless the
    /// spec sets `tolerance` (Kubernetes 1.33+, HPAConfigurableTolerance).
    public var tolerance: Double

    public init(
        stabilizationWindowSeconds: Int,
        selectPolicy: SelectPolicy = .max,
        policies: [HPAScalingPolicy],
        tolerance: Double = HPAScalingRules.defaultTolerance
    ) {
        self.stabilizationWindowSeconds = stabilizationWindowSeconds
        self.selectPolicy = selectPolicy
        self.policies = policies
        self.tolerance = tolerance
    }

    /// kube-controller-manager's default `--horizontal-pod-autoscaler-tolerance`.
    public static let defaultTolerance = 0.1

    /// No stabilization, and per 15 s at most +4 pods or +100%, whichever is more.
    public static let defaultScaleUp = HPAScalingRules(
        stabilizationWindowSeconds: 0,
        policies: [
            HPAScalingPolicy(.pods, value: 4, periodSeconds: 15),
            HPAScalingPolicy(.percent, value: 100, periodSeconds: 15),
        ]
    )

    /// Five minutes of stabilization (the controller's
    /// `--horizontal-pod-autoscaler-downscale-stabilization`), then down to any size.
    public static let defaultScaleDown = HPAScalingRules(
        stabilizationWindowSeconds: 300,
        policies: [HPAScalingPolicy(.percent, value: 100, periodSeconds: 15)]
    )

    /// The longest policy period; older scale events can never matter again.
    var longestPeriodSeconds: Int { policies.map(\.periodSeconds).max() ?? 0 }

    func validate(field: String) throws {
        if stabilizationWindowSeconds < 0 || stabilizationWindowSeconds > 3600 {
            throw HPASpecError(
                field: "\(field).stabilizationWindowSeconds",
                .invalid(String(stabilizationWindowSeconds), "must be between 0 and 3600 seconds")
            )
        }
        if policies.isEmpty {
            throw HPASpecError(field: "\(field).policies", .malformed("Required value: must specify at least one Policy"))
        }
        for (index, policy) in policies.enumerated() {
            try policy.validate(field: "\(field).policies[\(index)]")
        }
        if tolerance < 0 {
            throw HPASpecError(field: "\(field).tolerance", .invalid(String(tolerance), "must be greater than or equal to 0"))
        }
    }
}

/// One rate limit: at most `value` pods (or percent) per `periodSeconds`.
public struct HPAScalingPolicy: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case pods = "Pods"
        case percent = "Percent"
    }

    public var kind: Kind
    public var value: Int
    public var periodSeconds: Int

    public init(_ kind: Kind, value: Int, periodSeconds: Int) {
        self.kind = kind
        self.value = value
        self.periodSeconds = periodSeconds
    }

    func validate(field: String) throws {
        if value <= 0 || value > HorizontalPodAutoscaler.int32Max {
            throw HPASpecError(field: "\(field).value", .invalid(String(value), "must be greater than zero and at most 2147483647"))
        }
        if periodSeconds <= 0 || periodSeconds > 1800 {
            throw HPASpecError(
                field: "\(field).periodSeconds",
                .invalid(String(periodSeconds), "must be greater than zero and less than or equal to 1800")
            )
        }
    }
}
