import Logging
import ServiceLifecycle
import TSDB

/// Drops samples older than `storage.retention` once a minute.
///
/// Whole chunks are dropped, so the store briefly holds up to one chunk
/// beyond the window; queries filter by time and never see it.
struct RetentionService: Service {
    let store: MemoryStore
    let every: Duration
    /// A pass walks every series: off the cooperative pool that serves
    /// requests, at background priority.
    let executor: EvaluationExecutor
    let logger: Logger

    func run() async throws {
        await PeriodicTask.run(initialDelay: every, every: every) { [store, executor] in
            let result = await executor.run { store.applyRetention(now: WallClock.nowMilliseconds()) }
            if result.removedSeries > 0 || result.removedChunks > 0 {
                logger.debug("retention", metadata: ["removedSeries": "\(result.removedSeries)",
                                                     "removedChunks": "\(result.removedChunks)"])
            }
        }
    }
}
