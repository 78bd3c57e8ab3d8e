/// Per-metric replica proposals, as kube-controller-manager's
/// `ReplicaCalculator` computes them.
///
/// Assumes every pod is ready and reporting: the controller's corrections for
/// unready and missing pods need pod-level data a replay does not have. The
/// controller works in milli-units (int64); values are rounded up to milli
/// precision first so boundary cases (`60m / 50m`) land where the controller
/// lands, and Utilization is truncated to a whole percent, as the controller's
/// integer `(usage × 100) / requests` does.
enum ReplicaCalculator {
    /// Tolerance per direction: ratios in `[1 − down, 1 + up]` keep the current count.
    struct Tolerances {
        var up: Double
        var down: Double

        func contains(_ ratio: Double) -> Bool {
            (1.0 - down) <= ratio && ratio <= (1.0 + up)
        }
    }

    struct Proposal {
        var usageRatio: Double?
        var replicas: Int?
        var withinTolerance = false
        var problem: String?
    }

    static func propose(
        for metric: HPAMetric,
        observed: Double,
        currentReplicas: Int,
        tolerances: Tolerances
    ) -> Proposal {
        let current = Double(currentReplicas)
        switch (metric.source, metric.target) {
        case (.resource, .utilization(let percent)), (.containerResource, .utilization(let percent)):
            guard currentReplicas > 0 else { return Proposal(problem: "no pods to average over") }
            let utilization = (observed * 100 + 1e-9).rounded(.down)
            return scaled(ratio: utilization / Double(percent), current: currentReplicas, tolerances: tolerances)

        case (.resource, .averageValue(let target)), (.containerResource, .averageValue(let target)),
            (.pods, .averageValue(let target)):
            guard currentReplicas > 0 else { return Proposal(problem: "no pods to average over") }
            let ratio = milli(observed) / milli(target.value)
            return scaled(ratio: ratio, current: currentReplicas, tolerances: tolerances)

        case (.object, .value(let target)), (.external, .value(let target)):
            let ratio = milli(observed) / milli(target.value)
            guard currentReplicas > 0 else {
                // Scale-from-zero: the ratio alone decides, without tolerance.
                return Proposal(usageRatio: ratio, replicas: ceilToInt(ratio))
            }
            return scaled(ratio: ratio, current: currentReplicas, tolerances: tolerances)

        case (.object, .averageValue(let target)), (.external, .averageValue(let target)):
            let total = milli(observed)
            let perPodTarget = milli(target.value)
            guard currentReplicas > 0 else {
                return Proposal(replicas: ceilToInt(total / perPodTarget))
            }
            let ratio = total / (perPodTarget * current)
            if tolerances.contains(ratio) {
                return Proposal(usageRatio: ratio, replicas: currentReplicas, withinTolerance: true)
            }
            return Proposal(usageRatio: ratio, replicas: ceilToInt(total / perPodTarget))

        default:
            // Validation rejects every other pairing; answer rather than trap.
            return Proposal(problem: "\(metric.target.typeName) target is not valid for a \(metric.typeName) metric")
        }
    }

    /// `ceil(ratio × current)` unless the ratio is within tolerance.
    private static func scaled(ratio: Double, current: Int, tolerances: Tolerances) -> Proposal {
        if tolerances.contains(ratio) {
            return Proposal(usageRatio: ratio, replicas: current, withinTolerance: true)
        }
        return Proposal(usageRatio: ratio, replicas: ceilToInt(ratio * Double(current)))
    }

    /// `Quantity.MilliValue()`: milli-units rounded up, ignoring float noise
    /// such as 0.06 × 1000 = 60.000000000000007.
    static func milli(_ value: Double) -> Double {
        let scaled = value * 1000
        let nearest = scaled.rounded()
        return abs(scaled - nearest) < 1e-6 ? nearest : scaled.rounded(.up)
    }

    /// `int32(math.Ceil(x))`, saturating instead of trapping on absurd input.
    static func ceilToInt(_ value: Double) -> Int {
        guard value.isFinite else { return value > 0 ? Int(Int32.max) : 0 }
        return Int(min(max(value.rounded(.up), 0), Double(Int32.max)))
    }
}
