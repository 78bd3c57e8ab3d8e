import Logging
import Scaling
import Synchronization
import TSDB

/// Sizing advice per workload from its recorded utilization history.
///
/// Each workload's p95 CPU and memory utilization over the window (every
/// sample of `agent360_cpu_utilization[window]`, as `quantile_over_time(0.95, …)`
/// reads them) and its p95 request rate go to `ResourceOptimizer`. Per-pod
/// requests are not known from the signals, so suggestions are relative
/// ("add 2 cores per pod") rather than absolute sizes.
final class RecommendationEngine: Sendable {
    let config: RecommendationsConfig
    private let reader: WorkloadSignalReader
    private let optimizer: ResourceOptimizer
    private let store: MemoryStore
    private let state = Mutex<(writer: DerivedSeriesWriter, latest: [DerivedSample])>((DerivedSeriesWriter(), []))

    init(config: RecommendationsConfig, queries: QueryService, logger: Logger) {
        self.config = config
        reader = WorkloadSignalReader(queries: queries, logger: logger)
        optimizer = ResourceOptimizer(thresholds: config.thresholds)
        store = queries.store
    }

    /// The assessments at `time` over `window` (ms; the configured one when nil).
    func assess(at time: Int64, window: Int64? = nil) async -> [ResourceAssessment] {
        let window = window ?? config.window.milliseconds
        let cpu = await reader.history(WorkloadSignalReader.cpu, window: window, at: time)
        let memory = await reader.history(WorkloadSignalReader.memory, window: window, at: time)
        let rate = await reader.history(WorkloadSignalReader.requestRate, window: window, at: time)
        let workloads = Set(cpu.keys).union(memory.keys).sorted()
        return optimizer.assess(workloads.map { key in
            WorkloadUsage(namespace: key.namespace, workload: key.workload,
                          cpuUtilization: cpu[key] ?? [], memoryUtilization: memory[key] ?? [], requestRate: rate[key])
        })
    }

    /// `agent360_recommendation{namespace,workload,action}`: 1 for each
    /// recommended action, 0 for the others, so a dashboard shows "nothing to
    /// do" as data rather than as a gap.
    static func samples(_ assessments: [ResourceAssessment]) -> [DerivedSample] {
        assessments.flatMap { assessment in
            let recommended = Set(assessment.recommendations.map(\.action))
            return ResourceAction.allCases.map { action in
                DerivedSample("agent360_recommendation", [
                    ("namespace", assessment.namespace), ("workload", assessment.workload),
                    ("action", action.rawValue),
                ], recommended.contains(action) ? 1 : 0)
            }
        }
    }

    /// One scheduled evaluation: assess and write.
    func evaluate(at time: Int64) async {
        let samples = Self.samples(await assess(at: time))
        state.withLock { state in
            state.writer.write(samples, at: time, into: store)
            state.latest = samples
        }
    }

    func latestSamples() -> [DerivedSample] {
        state.withLock { $0.latest }
    }
}
