import PromQL
import Scaling
import TSDB

/// One HPA replayed live: the controller's memory (stabilization windows,
/// recent scale events) and the replica count it would be running.
///
/// Shadow mode: nothing is scaled; the replicas the controller chooses at
/// one sync are its "current" replicas at the next, exactly as in
/// `HPASimulator`, so the live replay and `agent360 simulate` agree.
struct ShadowHPA: Sendable {
    struct Metric: Sendable {
        var query: HPAMetricQuery
        var expr: Expr?
    }

    let autoscaler: HorizontalPodAutoscaler
    let namespace: String
    let metrics: [Metric]
    private(set) var controller: HPAController
    private(set) var replicas: Int
    private(set) var lastDecision: HPADecision?

    init(autoscaler: HorizontalPodAutoscaler, namespace: String, overrides: [String: String]) {
        self.autoscaler = autoscaler
        self.namespace = namespace
        metrics = HPAMetricQuery.queries(for: autoscaler, namespace: namespace, overrides: overrides).map { query in
            var metric = Metric(query: query, expr: nil)
            if let text = query.query {
                do { metric.expr = try parse(text) } catch { metric.query.problem = "\(error)" }
            }
            return metric
        }
        controller = HPAController(autoscaler: autoscaler)
        replicas = autoscaler.minReplicas
    }

    var workload: String { autoscaler.scaleTargetRef.name }

    /// One sync at `time` (ms) with the observations read for it.
    mutating func reconcile(at time: Int64, observations: [Double?]) -> HPADecision {
        let decision = controller.reconcile(at: Double(time) / 1000, currentReplicas: replicas, observations: observations)
        replicas = decision.replicas
        lastDecision = decision
        return decision
    }

    /// `agent360_hpa_desired_replicas` is what the metrics ask for (the
    /// controller's proposal before stabilization and rate policies; the
    /// current count when no metric could be read); `agent360_hpa_current_replicas`
    /// is what the HPA would be running after the sync. The gap between the
    /// two is the behavior policies at work.
    func samples() -> [DerivedSample] {
        guard let decision = lastDecision else { return [] }
        let labels = [("namespace", namespace), ("workload", workload), ("hpa", autoscaler.name)]
        return [
            DerivedSample("agent360_hpa_desired_replicas", labels, Double(decision.desiredReplicas ?? decision.replicas)),
            DerivedSample("agent360_hpa_current_replicas", labels, Double(decision.replicas)),
        ]
    }
}

extension ShadowHPA {
    /// Evaluates every metric's query at `time`: the sum of the result's
    /// finite values, nil when there is no query or no data.
    static func observe(_ metrics: [Metric], queries: QueryService, at time: Int64) async -> [Double?] {
        var observations: [Double?] = []
        for metric in metrics {
            guard let expr = metric.expr else {
                observations.append(nil)
                continue
            }
            let values: [Double]
            switch try? await queries.instant(expr, at: time).value {
            case .vector(let samples): values = samples.map(\.value).filter(\.isFinite)
            case .scalar(_, let value): values = value.isFinite ? [value] : []
            default: values = []
            }
            observations.append(values.isEmpty ? nil : values.reduce(0, +))
        }
        return observations
    }
}
