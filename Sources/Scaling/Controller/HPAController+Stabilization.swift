extension HPAController {
    /// `stabilizeRecommendationWithBehaviors`: the recommendation may rise only
    /// to the lowest wish of the scale-up window and fall only to the highest
    /// wish of the scale-down window, so a single spike or dip moves nothing.
    mutating func stabilize(at time: Double, current: Int, desired: Int) -> (Int, LimitingRule) {
        let upCutoff = time - Double(autoscaler.behavior.scaleUp.stabilizationWindowSeconds)
        let downCutoff = time - Double(autoscaler.behavior.scaleDown.stabilizationWindowSeconds)
        var upRecommendation = desired
        var downRecommendation = desired
        var oldSampleIndex: Int?
        for (index, record) in recommendations.enumerated() {
            if record.time > upCutoff { upRecommendation = min(record.replicas, upRecommendation) }
            if record.time > downCutoff { downRecommendation = max(record.replicas, downRecommendation) }
            if record.time < upCutoff, record.time < downCutoff { oldSampleIndex = index }
        }

        var recommendation = current
        if recommendation < upRecommendation { recommendation = upRecommendation }
        if recommendation > downRecommendation { recommendation = downRecommendation }

        // The controller reuses the slot of (the last) record too old for both
        // windows rather than growing the list; replayed as is.
        let record = TimestampedReplicas(replicas: desired, time: time)
        if let oldSampleIndex {
            recommendations[oldSampleIndex] = record
        } else {
            recommendations.append(record)
        }
        return (recommendation, desired >= current ? .scaleUpStabilized : .scaleDownStabilized)
    }
}
