/// kube-controller-manager's HorizontalPodAutoscaler reconcile loop for one
/// autoscaler, replayed: `reconcile` is one sync.
///
/// The controller's memory (recent recommendations for the stabilization
/// windows, recent scale events for the rate policies) lives in this value, so
/// a replay is deterministic and can be forked by copying. Timestamps are the
/// caller's clock in seconds; a record exactly `window` seconds old is outside
/// the window, as Go's `time.After(cutoff)` decides (in a cluster that
/// boundary falls on milliseconds of jitter).
public struct HPAController: Sendable {
    public let autoscaler: HorizontalPodAutoscaler

    struct TimestampedReplicas: Sendable {
        var replicas: Int
        var time: Double
        var outdated = false
    }

    var recommendations: [TimestampedReplicas] = []
    var scaleUpEvents: [TimestampedReplicas] = []
    var scaleDownEvents: [TimestampedReplicas] = []

    public init(autoscaler: HorizontalPodAutoscaler) {
        self.autoscaler = autoscaler
    }

    /// One sync at `time` with the target at `currentReplicas` (clamped to
    /// 0...Int32.max, the range a Scale object can hold).
    ///
    /// - Parameter observations: one value per `autoscaler.metrics` entry, in
    ///   the same order, already in the simulator's input units (utilization
    ///   as a ratio, External AverageValue as the total); nil, NaN or ±Inf = missing.
    public mutating func reconcile(at time: Double, currentReplicas: Int, observations: [Double?]) -> HPADecision {
        let hpa = autoscaler
        let currentReplicas = min(max(currentReplicas, 0), HorizontalPodAutoscaler.int32Max)
        var decision = HPADecision(
            time: time, currentReplicas: currentReplicas, metrics: [], desiredReplicas: nil,
            stabilizedReplicas: nil, replicas: currentReplicas, limitingRule: .desiredWithinRange, message: ""
        )
        if currentReplicas == 0, hpa.minReplicas != 0 {
            decision.limitingRule = .scalingDisabled
            decision.message = "scaling is disabled since the replica count of the target is zero"
            return decision
        }
        // Out-of-range targets are pulled into range before any metric is read.
        if currentReplicas > hpa.maxReplicas || currentReplicas < hpa.minReplicas {
            let above = currentReplicas > hpa.maxReplicas
            decision.replicas = above ? hpa.maxReplicas : hpa.minReplicas
            decision.limitingRule = above ? .tooManyReplicas : .tooFewReplicas
            decision.message = "current number of replicas \(above ? "above spec.maxReplicas" : "below spec.minReplicas")"
            storeScaleEvent(at: time, from: currentReplicas, to: decision.replicas)
            return decision
        }

        decision.metrics = evaluate(observations: observations, currentReplicas: currentReplicas)
        // The controller reports the first metric it could not use.
        let firstFailed = zip(hpa.metrics, decision.metrics).first { $0.1.proposal == nil }?.0
        guard let desired = decision.metrics.compactMap(\.proposal).max() else {
            decision.limitingRule = LimitingRule(failedGet: firstFailed)
            decision.message = "no metric could be read; keeping \(currentReplicas) replicas"
            return decision
        }
        decision.desiredReplicas = desired
        if let metric = firstFailed, desired < currentReplicas {
            // computeReplicasForMetrics refuses to scale down on partial data.
            decision.limitingRule = LimitingRule(failedGet: metric)
            decision.message = "metric \(metric.key) is missing and the others would scale down; "
                + "the controller does not scale down on partial data"
            return decision
        }

        // Without spec.behavior the controller takes its legacy path
        // (HPAController+Legacy.swift); `behavior: {}` takes the policy path
        // with every default filled in.
        let (stabilized, stabilizationRule) = hpa.behaviorSpecified
            ? stabilize(at: time, current: currentReplicas, desired: desired)
            : stabilizeLegacy(at: time, desired: desired)
        decision.stabilizedReplicas = stabilized
        let (limited, rateRule, rateMessage) = hpa.behaviorSpecified
            ? limitRate(at: time, current: currentReplicas, desired: stabilized)
            : limitRateLegacy(current: currentReplicas, desired: stabilized)
        decision.replicas = limited
        if limited != currentReplicas, hpa.behaviorSpecified {
            storeScaleEvent(at: time, from: currentReplicas, to: limited)
        }

        if limited != stabilized {
            decision.limitingRule = rateRule
            decision.message = rateMessage
        } else if stabilized != desired {
            decision.limitingRule = stabilizationRule
            decision.message = stabilizationRule == .scaleUpStabilized
                ? "recent recommendations were lower than current one, applying the lowest recent recommendation"
                : "recent recommendations were higher than current one, applying the highest recent recommendation"
        } else if desired == currentReplicas, decision.metrics.contains(where: \.withinTolerance) {
            decision.limitingRule = .tolerance
            decision.message = "usage is within tolerance of the target; keeping \(currentReplicas) replicas"
        } else {
            decision.limitingRule = .desiredWithinRange
            decision.message = "the desired count is within the acceptable range"
        }
        return decision
    }

    private func evaluate(observations: [Double?], currentReplicas: Int) -> [MetricEvaluation] {
        let tolerances = ReplicaCalculator.Tolerances(
            up: autoscaler.behavior.scaleUp.tolerance,
            down: autoscaler.behavior.scaleDown.tolerance
        )
        return autoscaler.metrics.enumerated().map { index, metric in
            var evaluation = MetricEvaluation(key: metric.key, withinTolerance: false)
            guard index < observations.count, let value = observations[index], value.isFinite else {
                evaluation.problem = "no value"
                return evaluation
            }
            evaluation.observed = value
            let proposal = ReplicaCalculator.propose(
                for: metric, observed: value, currentReplicas: currentReplicas, tolerances: tolerances
            )
            evaluation.usageRatio = proposal.usageRatio.flatMap { $0.isFinite ? $0 : nil }
            evaluation.proposal = proposal.replicas
            evaluation.withinTolerance = proposal.withinTolerance
            evaluation.problem = proposal.problem
            return evaluation
        }
    }
}

extension LimitingRule {
    init(failedGet metric: HPAMetric?) {
        self = metric.flatMap { LimitingRule(rawValue: $0.failedGetReason) } ?? .failedGetExternalMetric
    }
}
