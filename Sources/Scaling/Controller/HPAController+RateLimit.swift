extension HPAController {
    /// `convertDesiredReplicasWithBehaviorRate`: caps the move by the scaling
    /// policies over their periods, then by min/maxReplicas.
    func limitRate(at time: Double, current: Int, desired: Int) -> (Int, LimitingRule, String) {
        let hpa = autoscaler
        if desired > current {
            let rules = hpa.behavior.scaleUp
            // A limit below current means earlier events used up the period:
            // hold rather than shrink.
            let limit = max(scaleUpLimit(at: time, current: current, rules: rules), current)
            var maximumAllowed = hpa.maxReplicas
            var rule = LimitingRule.tooManyReplicas
            var message = "the desired replica count is more than the maximum replica count"
            if maximumAllowed > limit {
                maximumAllowed = limit
                rule = .scaleUpLimit
                message = rules.selectPolicy == .disabled
                    ? "scale up is disabled (selectPolicy: Disabled)"
                    : "the desired replica count is increasing faster than the maximum scale rate"
            }
            if desired > maximumAllowed { return (maximumAllowed, rule, message) }
        } else if desired < current {
            let rules = hpa.behavior.scaleDown
            let limit = min(scaleDownLimit(at: time, current: current, rules: rules), current)
            var minimumAllowed = hpa.minReplicas
            var rule = LimitingRule.tooFewReplicas
            var message = "the desired replica count is less than the minimum replica count"
            if minimumAllowed < limit {
                minimumAllowed = limit
                rule = .scaleDownLimit
                message = rules.selectPolicy == .disabled
                    ? "scale down is disabled (selectPolicy: Disabled)"
                    : "the desired replica count is decreasing faster than the maximum scale rate"
            }
            if desired < minimumAllowed { return (minimumAllowed, rule, message) }
        }
        return (desired, .desiredWithinRange, "the desired count is within the acceptable range")
    }

    /// `calculateScaleUpLimitWithScalingRules`. Each policy counts from the
    /// replica count at the start of its period (current minus what was added
    /// plus what was removed since); `Max` takes the most generous policy.
    func scaleUpLimit(at time: Double, current: Int, rules: HPAScalingRules) -> Int {
        if rules.selectPolicy == .disabled { return current }
        var result: Int?
        for policy in rules.policies {
            let start = periodStartReplicas(at: time, current: current, periodSeconds: policy.periodSeconds)
            let proposed = switch policy.kind {
            case .pods:
                start + policy.value
            case .percent:
                // Rounded up so a small percentage of a small count can still add a pod.
                ReplicaCalculator.ceilToInt(Double(start) * (1 + Double(policy.value) / 100))
            }
            result = pick(result, proposed, largest: rules.selectPolicy == .max)
        }
        return result ?? current
    }

    /// `calculateScaleDownLimitWithBehaviors`; for scale-down the most
    /// generous policy is the one allowing the lowest count.
    func scaleDownLimit(at time: Double, current: Int, rules: HPAScalingRules) -> Int {
        if rules.selectPolicy == .disabled { return current }
        var result: Int?
        for policy in rules.policies {
            let start = periodStartReplicas(at: time, current: current, periodSeconds: policy.periodSeconds)
            let proposed = switch policy.kind {
            case .pods:
                start - policy.value
            case .percent:
                // Go's int32(float64) conversion truncates toward zero.
                Int(Double(start) * (1 - Double(policy.value) / 100))
            }
            result = pick(result, proposed, largest: rules.selectPolicy == .min)
        }
        return result ?? current
    }

    private func pick(_ current: Int?, _ candidate: Int, largest: Bool) -> Int {
        guard let current else { return candidate }
        return largest ? max(current, candidate) : min(current, candidate)
    }

    private func periodStartReplicas(at time: Double, current: Int, periodSeconds: Int) -> Int {
        let cutoff = time - Double(periodSeconds)
        let added = scaleUpEvents.filter { $0.time > cutoff }.reduce(0) { $0 + $1.replicas }
        let removed = scaleDownEvents.filter { $0.time > cutoff }.reduce(0) { $0 + $1.replicas }
        return current - added + removed
    }

    /// `storeScaleEvent`: remembers the change for the rate policies, reusing
    /// the slot of an event older than the direction's longest policy period.
    mutating func storeScaleEvent(at time: Double, from previous: Int, to new: Int) {
        let scalingUp = new > previous
        let longest = scalingUp
            ? autoscaler.behavior.scaleUp.longestPeriodSeconds
            : autoscaler.behavior.scaleDown.longestPeriodSeconds
        let event = TimestampedReplicas(replicas: abs(new - previous), time: time)
        if scalingUp {
            HPAController.record(event, in: &scaleUpEvents, longestPeriod: longest)
        } else {
            HPAController.record(event, in: &scaleDownEvents, longestPeriod: longest)
        }
    }

    private static func record(_ event: TimestampedReplicas, in events: inout [TimestampedReplicas], longestPeriod: Int) {
        let cutoff = event.time - Double(longestPeriod)
        var oldIndex: Int?
        for index in events.indices {
            if events[index].time < cutoff { events[index].outdated = true }
            if events[index].outdated { oldIndex = index }
        }
        if let oldIndex {
            events[oldIndex] = event
        } else {
            events.append(event)
        }
    }
}
