import Logging
import Scaling
import Synchronization
import TSDB

/// Every `scaling.interval`: which workloads are over a threshold, and what
/// the shadow HPAs would do.
///
/// Results are written into the store (`agent360_scaling_needed`,
/// `agent360_hpa_desired_replicas`, `agent360_hpa_current_replicas`) so
/// agent360's own query API and dashboards see them like recorded series,
/// and kept for `/metrics` and `/api/v1/scaling`.
final class ScalingEngine: Sendable {
    let config: ScalingConfig
    private let reader: WorkloadSignalReader
    private let policy: ScalingPolicy
    private let store: MemoryStore
    private let queries: QueryService
    private let state: Mutex<State>

    private struct State {
        var needed = DerivedSeriesWriter()
        var replicas = DerivedSeriesWriter()
        var shadows: [ShadowHPA]
        var latest: ScalingSnapshot?
    }

    /// The signals checked, in `agent360_scaling_needed`'s `reason` spelling.
    var reasons: [ScalingSignal] {
        [.cpu, .memory, .requestRate, .errorRate] + (config.thresholds.p95LatencySeconds == nil ? [] : [.latency])
    }

    init(config: ScalingConfig, queries: QueryService, logger: Logger) {
        self.config = config
        self.queries = queries
        self.store = queries.store
        reader = WorkloadSignalReader(queries: queries, logger: logger)
        policy = ScalingPolicy(thresholds: config.thresholds)
        let shadows = (config.hpa?.autoscalers ?? []).map { autoscaler in
            ShadowHPA(autoscaler: autoscaler, namespace: config.hpa?.namespace(of: autoscaler) ?? "default",
                      overrides: config.hpa?.queries ?? [:])
        }
        state = Mutex(State(shadows: shadows))
    }

    /// The verdicts at `time` (ms), without writing anything.
    func assess(at time: Int64) async -> ScalingSnapshot {
        let signals = await reader.read(at: time)
        let assessments = policy.assess(signals)
        var samples: [DerivedSample] = []
        for assessment in assessments {
            let crossed = Set(assessment.reasons.map(\.signal))
            for reason in reasons {
                samples.append(DerivedSample("agent360_scaling_needed", [
                    ("namespace", assessment.namespace), ("workload", assessment.workload), ("reason", reason.rawValue),
                ], crossed.contains(reason) ? 1 : 0))
            }
        }
        return ScalingSnapshot(time: time, signals: signals, assessments: assessments, samples: samples)
    }

    /// One scheduled evaluation: assess, reconcile the shadow HPAs, write.
    func evaluate(at time: Int64) async {
        let snapshot = await assess(at: time)
        let metrics = state.withLock { $0.shadows.map(\.metrics) }
        var observations: [[Double?]] = []
        for list in metrics {
            observations.append(await ShadowHPA.observe(list, queries: queries, at: time))
        }
        state.withLock { state in
            for index in state.shadows.indices where index < observations.count {
                _ = state.shadows[index].reconcile(at: time, observations: observations[index])
            }
            state.needed.write(snapshot.samples, at: time, into: store)
            state.replicas.write(state.shadows.flatMap { $0.samples() }, at: time, into: store)
            state.latest = snapshot
        }
    }

    /// The last evaluation's samples, for `/metrics`.
    func latestSamples() -> [DerivedSample] {
        state.withLock { state in (state.latest?.samples ?? []) + state.shadows.flatMap { $0.samples() } }
    }

    /// The shadow HPAs and their latest decisions.
    func shadowStatuses() -> [ShadowHPAStatus] {
        state.withLock { state in
            state.shadows.map { shadow in
                ShadowHPAStatus(name: shadow.autoscaler.name, namespace: shadow.namespace, workload: shadow.workload,
                                minReplicas: shadow.autoscaler.minReplicas, maxReplicas: shadow.autoscaler.maxReplicas,
                                metrics: zip(shadow.autoscaler.metrics, shadow.metrics).map { ($0.0, $0.1.query) },
                                decision: shadow.lastDecision)
            }
        }
    }
}

/// What one assessment found.
struct ScalingSnapshot: Sendable {
    var time: Int64
    var signals: [WorkloadSignals]
    var assessments: [ScalingAssessment]
    /// `agent360_scaling_needed` per workload and reason.
    var samples: [DerivedSample]
}

/// A shadow HPA for `/api/v1/scaling`.
struct ShadowHPAStatus: Sendable {
    var name: String
    var namespace: String
    var workload: String
    var minReplicas: Int
    var maxReplicas: Int
    var metrics: [(spec: HPAMetric, query: HPAMetricQuery)]
    var decision: HPADecision?
}
