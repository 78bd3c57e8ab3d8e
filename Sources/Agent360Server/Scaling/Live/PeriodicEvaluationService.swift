import ServiceLifecycle

/// Runs one of the scaling evaluations (`ScalingEngine`, `RecommendationEngine`,
/// `CostEstimator`) every interval, at multiples of it like the rule groups,
/// so stored series line up with the recorded signals.
struct PeriodicEvaluationService: Service {
    let interval: Int64
    /// Work done once before the first evaluation (e.g. a network baseline).
    var prepare: @Sendable () async -> Void = {}
    let evaluate: @Sendable (Int64) async -> Void
    /// Where each evaluation runs (off the cooperative pool that serves requests).
    let executor: EvaluationExecutor

    func run() async throws {
        await prepare()
        await PeriodicTask.runAligned(every: interval) { [evaluate, executor] slot in
            await executor.run { await evaluate(slot) }
        }
    }
}
