import Logging
import PromQL
import Scaling
import TSDB

/// Reads the recorded agent360_* signals of every workload from the store.
///
/// The default recording rules write one series per namespace and workload.
/// Where several series share a workload (extra labels added by a custom
/// rule or a federating Prometheus), the largest value counts, as in the
/// scaling dashboard's `max by (namespace, workload)`.
struct WorkloadSignalReader: Sendable {
    static let cpu = "agent360_cpu_utilization"
    static let memory = "agent360_memory_utilization"
    static let requestRate = "agent360_request_rate"
    static let errorRate = "agent360_error_rate"
    static let latency = "agent360_latency_p95_seconds"

    let queries: QueryService
    let logger: Logger

    /// The latest value of each signal per workload at `time` (ms), sorted by workload.
    func read(at time: Int64) async -> [WorkloadSignals] {
        var byWorkload: [WorkloadKey: WorkloadSignals] = [:]
        let fields: [(String, WritableKeyPath<WorkloadSignals, Double?>)] = [
            (Self.cpu, \.cpuUtilization), (Self.memory, \.memoryUtilization), (Self.requestRate, \.requestRate),
            (Self.errorRate, \.errorRate), (Self.latency, \.p95LatencySeconds),
        ]
        for (name, field) in fields {
            for (key, value) in await latest(name, at: time) {
                var signals = byWorkload[key] ?? WorkloadSignals(namespace: key.namespace, workload: key.workload)
                signals[keyPath: field] = value
                byWorkload[key] = signals
            }
        }
        return byWorkload.keys.sorted().compactMap { byWorkload[$0] }
    }

    /// The largest finite value of `metric` per workload at `time`.
    func latest(_ metric: String, at time: Int64) async -> [WorkloadKey: Double] {
        let expr = Expr.vectorSelector(VectorSelector(name: metric, matchers: [.equal(Labels.metricName, metric)]))
        var values: [WorkloadKey: Double] = [:]
        do {
            guard case .vector(let samples) = try await queries.instant(expr, at: time).value else { return [:] }
            for sample in samples where sample.value.isFinite {
                let key = WorkloadKey(sample.labels)
                values[key] = max(values[key] ?? -.infinity, sample.value)
            }
        } catch {
            logger.warning("scaling: reading a signal failed", metadata: ["metric": "\(metric)", "error": "\(error)"])
        }
        return values
    }

    /// Every sample of `metric` per workload over `window` ms before `time`,
    /// as `quantile_over_time` would see them (stale markers excluded).
    func history(_ metric: String, window: Int64, at time: Int64) async -> [WorkloadKey: [Double]] {
        let selector = VectorSelector(name: metric, matchers: [.equal(Labels.metricName, metric)])
        let expr = Expr.matrixSelector(MatrixSelector(selector: selector, range: window))
        var values: [WorkloadKey: [Double]] = [:]
        do {
            guard case .matrix(let series) = try await queries.instant(expr, at: time).value else { return [:] }
            for item in series {
                values[WorkloadKey(item.labels), default: []].append(contentsOf: item.samples.map(\.value))
            }
        } catch {
            logger.warning("scaling: reading history failed", metadata: ["metric": "\(metric)", "error": "\(error)"])
        }
        return values
    }
}
