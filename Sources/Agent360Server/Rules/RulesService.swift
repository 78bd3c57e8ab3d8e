import ServiceLifecycle

/// Runs each rule group on its own schedule, at multiples of its interval.
///
/// Aligned evaluation times make recorded series line up across restarts and
/// with a Prometheus evaluating the same rules at the same interval.
struct RulesService: Service {
    let engine: RulesEngine
    /// Milliseconds after a slot's time at which it is evaluated.
    let delay: Int64
    /// Where evaluations run: a rule over every series takes most of a
    /// second, which on the cooperative pool held back ingest and the
    /// Kubernetes metrics APIs for as long.
    let executor: EvaluationExecutor

    func run() async throws {
        await withDiscardingTaskGroup { group in
            for ruleGroup in engine.groups {
                group.addTask {
                    await PeriodicTask.runAligned(every: ruleGroup.interval, delay: delay) { slot in
                        await executor.run { await engine.evaluate(ruleGroup, at: slot) }
                    }
                }
            }
        }
    }
}
