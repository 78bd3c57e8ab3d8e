import Dispatch
import Logging
import ServiceLifecycle
import TSDB

/// The storage directory's lifecycle: replay at start (ready afterwards),
/// periodic fsync and checkpoints, a final checkpoint on SIGTERM so the next
/// start loads one snapshot instead of replaying the WAL.
struct StorageService: Service {
    let storage: DurableStorage
    let config: StorageConfig
    let readiness: Readiness
    let metrics: StorageMetrics
    let logger: Logger

    func run() async throws {
        let started = ContinuousClock.now
        let report = try storage.replay(now: WallClock.nowMilliseconds())
        let elapsed = ContinuousClock.now - started
        metrics.replayed(report, duration: elapsed)
        for repair in report.repairs {
            logger.warning("WAL damage repaired", metadata: ["where": "\(repair)"])
        }
        logger.info("storage replayed", metadata: [
            "path": "\(storage.path)", "series": "\(report.series)",
            "checkpointSamples": "\(report.checkpointSamples)", "walSamples": "\(report.samples)",
            "segments": "\(report.segments)", "droppedBytes": "\(report.droppedBytes)",
            "unrestorableSamples": "\(report.unknownSeriesSamples)", "duration": "\(elapsed)",
        ])
        readiness.mark(.storageReplayed)

        await withDiscardingTaskGroup { group in
            if config.fsync == .periodic {
                let every = config.fsyncInterval.swiftDuration
                group.addTask {
                    await PeriodicTask.run(initialDelay: every, every: every) {
                        do throws(StorageError) {
                            try storage.sync()
                        } catch {
                            logger.error("WAL fsync failed", metadata: ["error": "\(error)"])
                        }
                    }
                }
            }
            let every = config.checkpointInterval.swiftDuration
            group.addTask {
                await PeriodicTask.run(initialDelay: every, every: every) { await checkpointOffPool(reason: "periodic") }
            }
            // Early checkpoints when the WAL grows fast (a backfill, a burst).
            if config.checkpointWALBytes > 0 {
                group.addTask {
                    await PeriodicTask.run(initialDelay: .seconds(1), every: .seconds(1)) {
                        if storage.checkpointDue(threshold: config.checkpointWALBytes) { await checkpointOffPool(reason: "wal size") }
                    }
                }
            }
        }
        // Graceful shutdown: listeners stop taking writes; snapshot what is held.
        checkpoint(reason: "shutdown")
        storage.close()
    }

    /// Writing a checkpoint blocks for seconds on a large store: on its own
    /// thread, not one of the few the async request handlers share.
    private func checkpointOffPool(reason: String) async {
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            Self.checkpoints.async {
                checkpoint(reason: reason)
                done.resume()
            }
        }
    }

    private static let checkpoints = DispatchQueue(label: "agent360.checkpoint")

    private func checkpoint(reason: String) {
        do throws(StorageError) {
            let report = try storage.checkpoint()
            metrics.checkpointed(report)
            logger.info("checkpoint written", metadata: [
                "reason": "\(reason)", "series": "\(report.series)", "bytes": "\(report.bytes)",
                "coversSegment": "\(report.segment)", "duration": "\(report.duration)",
            ])
        } catch {
            metrics.checkpointFailed()
            logger.error("checkpoint failed", metadata: ["reason": "\(reason)", "error": "\(error)"])
        }
    }
}
