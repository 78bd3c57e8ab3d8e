/// Replays an autoscaler against recorded or invented metric series, so an
/// operator sees what the HPA would do before applying it.
///
/// Each sync reads, for every metric, the latest sample at or before the sync
/// time and runs `HPAController.reconcile`. Scaling takes effect at once
/// (new pods count immediately); pod readiness, missing pods and the
/// controller's CPU-initialization grace period are not modelled.
public struct HPASimulator: Sendable {
    public var autoscaler: HorizontalPodAutoscaler
    public var options: SimulationOptions

    public init(autoscaler: HorizontalPodAutoscaler, options: SimulationOptions = SimulationOptions()) {
        self.autoscaler = autoscaler
        self.options = options
    }

    /// Runs the replay. Series are matched to metrics by `HPAMetric.seriesNames`;
    /// unmatched metrics are missing at every sync.
    /// Throws `SimulationError` when the options leave nothing to simulate.
    public func run(series: [String: MetricSeries]) throws -> SimulationResult {
        var notes: [String] = []
        let inputs: [MetricSeries?] = autoscaler.metrics.map { metric in
            let names = metric.seriesNames
            guard let found = names.lazy.compactMap({ series[$0] }).first else {
                notes.append("no series named \(names.joined(separator: " or ")); metric \(metric.key) is missing at every sync")
                return nil
            }
            if found.points.isEmpty {
                notes.append("the series for metric \(metric.key) has no samples; it is missing at every sync")
            }
            if metric.target.isUtilization, let largest = found.points.map(\.value).max(), largest > 10 {
                notes.append("metric \(metric.key) has values up to \(NumberText.compact(largest)); Utilization inputs are "
                    + "ratios of the request (0.85 = 85%), not percentages or raw quantities")
            }
            return found
        }
        let recordedReplicas = try recordedReplicasSeries(series)
        let used = Set(autoscaler.metrics.flatMap(\.seriesNames))
        for name in series.keys.sorted() where !used.contains(name) && name != recordedReplicasName {
            notes.append("series \(name) matches no metric of the autoscaler and was ignored")
        }
        let times = try syncTimes(inputs.compactMap { $0 })
        let startReplicas = options.startReplicas ?? autoscaler.minReplicas
        guard startReplicas >= 0 else {
            throw SimulationError(code: .invalidOption("startReplicas", "must not be negative"))
        }

        var controller = HPAController(autoscaler: autoscaler)
        var replicas = startReplicas
        var rows: [HPADecision] = []
        rows.reserveCapacity(times.count)
        for time in times {
            let observations = zip(autoscaler.metrics, inputs).map { metric, input -> Double? in
                guard let raw = input?.value(atOrBefore: time, maxAge: options.maxSampleAgeSeconds), raw.isFinite else {
                    return nil
                }
                return observed(raw, perPod: metric.isPerPod, at: time, replicas: replicas, recorded: recordedReplicas)
            }
            let decision = controller.reconcile(at: time, currentReplicas: replicas, observations: observations)
            replicas = decision.replicas
            rows.append(decision)
        }
        return SimulationResult(
            autoscaler: [autoscaler.namespace, autoscaler.name].compactMap { $0 }.joined(separator: "/"),
            minReplicas: autoscaler.minReplicas,
            maxReplicas: autoscaler.maxReplicas,
            syncPeriodSeconds: options.syncPeriodSeconds,
            metrics: autoscaler.metrics.map(SimulatedMetric.init),
            rows: rows,
            notes: notes + standingNotes
        )
    }

    private var recordedReplicasName: String? {
        if case .spreadLoadBySeries(let name) = options.loadModel { return name }
        return nil
    }

    private var standingNotes: [String] {
        var notes = ["pods are assumed ready as soon as they are created; readiness and missing-pod corrections are not modelled"]
        if !autoscaler.behaviorSpecified {
            notes.append("spec.behavior is absent: the controller's legacy path is replayed (scale up at most to max(2 × current, 4) per sync, scale down to the highest recommendation of the last 5 minutes)")
        }
        return notes
    }

    private func recordedReplicasSeries(_ series: [String: MetricSeries]) throws -> MetricSeries? {
        switch options.loadModel {
        case .asRecorded:
            return nil
        case .spreadLoad(let count):
            guard count > 0 else {
                throw SimulationError(code: .invalidOption("loadModel.spreadLoad.recordedReplicas", "must be greater than 0"))
            }
            return MetricSeries([TimedValue(time: -Double.greatestFiniteMagnitude, value: Double(count))])
        case .spreadLoadBySeries(let name):
            guard let found = series[name] else {
                throw SimulationError(code: .invalidOption("loadModel", "names series \(name), which is not in the input"))
            }
            return found
        }
    }

    /// The value the controller reads: per-pod inputs are rescaled to the
    /// simulated replica count when a load model says how they were recorded.
    private func observed(_ raw: Double, perPod: Bool, at time: Double, replicas: Int, recorded: MetricSeries?) -> Double? {
        guard perPod, let recorded else { return raw }
        guard let recordedCount = recorded.value(atOrBefore: time), recordedCount > 0, replicas > 0 else { return nil }
        return raw * recordedCount / Double(replicas)
    }

    private func syncTimes(_ inputs: [MetricSeries]) throws -> [Double] {
        let period = options.syncPeriodSeconds
        guard period.isFinite, period > 0 else {
            throw SimulationError(code: .invalidOption("syncPeriodSeconds", "must be a positive number"))
        }
        guard let start = options.start ?? inputs.compactMap(\.firstTime).min(),
            let end = options.end ?? inputs.compactMap(\.lastTime).max()
        else { throw SimulationError(code: .noTimeRange) }
        guard start.isFinite, end.isFinite, end >= start else {
            throw SimulationError(code: .invalidOption("end", "must not be before start"))
        }
        // Checked as a Double first: a typo'd range must not overflow Int.
        let steps = ((end - start) / period).rounded(.down)
        guard steps < Double(SimulationOptions.maximumSyncs) else {
            throw SimulationError(code: .tooManySyncs(steps < 1e15 ? Int(steps) + 1 : Int.max))
        }
        let count = Int(steps) + 1
        // Multiplying rather than accumulating keeps sync times exact.
        return (0..<count).map { start + Double($0) * period }
    }
}
