extension HPAController {
    /// The controller's path for an HPA without `spec.behavior`
    /// (`normalizeDesiredReplicas`). The API server fills behavior defaults
    /// only when the field is present, so a nil behavior never reaches the
    /// policy code: the recommendation is the highest of the downscale
    /// stabilization window (5 min, `--horizontal-pod-autoscaler-downscale-stabilization`),
    /// then capped at `max(2 × current, 4)` per sync, with no scale-up
    /// window and no per-period accounting.
    mutating func stabilizeLegacy(at time: Double, desired: Int) -> (Int, LimitingRule) {
        // `stabilizeRecommendation`: a record is old when strictly before the
        // cutoff (Go's Before), so one exactly 300 s old still counts here,
        // unlike in the behavior path.
        let cutoff = time - Double(HPAScalingRules.defaultScaleDown.stabilizationWindowSeconds)
        var highest = desired
        var oldSampleIndex: Int?
        for (index, record) in recommendations.enumerated() {
            if record.time < cutoff {
                oldSampleIndex = index
            } else if record.replicas > highest {
                highest = record.replicas
            }
        }
        let record = TimestampedReplicas(replicas: desired, time: time)
        if let oldSampleIndex {
            recommendations[oldSampleIndex] = record
        } else {
            recommendations.append(record)
        }
        return (highest, .scaleDownStabilized)
    }

    /// `convertDesiredReplicasWithRules`: the legacy scale-up cap, guarding
    /// against bogus usage reports (kubernetes#32304), and min/maxReplicas.
    func limitRateLegacy(current: Int, desired: Int) -> (Int, LimitingRule, String) {
        let hpa = autoscaler
        let scaleUpLimit = Swift.max(2 * current, 4)
        var maximumAllowed = hpa.maxReplicas
        var rule = LimitingRule.tooManyReplicas
        var message = "the desired replica count is more than the maximum replica count"
        if hpa.maxReplicas > scaleUpLimit {
            maximumAllowed = scaleUpLimit
            rule = .scaleUpLimit
            message = "the desired replica count is increasing faster than the maximum scale rate"
        }
        if desired < hpa.minReplicas {
            return (hpa.minReplicas, .tooFewReplicas, "the desired replica count is less than the minimum replica count")
        }
        if desired > maximumAllowed { return (maximumAllowed, rule, message) }
        return (desired, .desiredWithinRange, "the desired count is within the acceptable range")
    }
}
