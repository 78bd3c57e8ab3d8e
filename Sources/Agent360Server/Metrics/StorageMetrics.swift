import Exposition
import Synchronization
import TSDB

/// WAL, checkpoint and replay figures for `/metrics`, read at scrape time.
final class StorageMetrics: Sendable {
    private struct State {
        var replay = ReplayReport()
        var replaySeconds = 0.0
        var replayed = false
        var checkpointFailures = 0
        var lastCheckpointSeries = 0
        var lastCheckpointBytes = 0
        var lastCheckpointSeconds = 0.0
    }

    let storage: DurableStorage
    private let state = Mutex(State())

    init(storage: DurableStorage) { self.storage = storage }

    func replayed(_ report: ReplayReport, duration: Duration) {
        state.withLock {
            $0.replay = report
            $0.replaySeconds = duration.secondsValue
            $0.replayed = true
        }
    }

    func checkpointed(_ report: CheckpointReport) {
        state.withLock {
            $0.lastCheckpointSeries = report.series
            $0.lastCheckpointBytes = report.bytes
            $0.lastCheckpointSeconds = report.duration.secondsValue
        }
    }

    func checkpointFailed() { state.withLock { $0.checkpointFailures += 1 } }

    func families() -> [MetricFamily] {
        let stats = storage.stats
        let state = self.state.withLock { $0 }
        let family = MetricFamily.single
        return [
            family("agent360_wal_written_bytes", .counter, "Bytes written to the write-ahead log since start.", "bytes",
                   Double(stats.bytesWritten)),
            family("agent360_wal_records", .counter, "WAL records written since start.", "", Double(stats.records)),
            family("agent360_wal_write_failures", .counter,
                   "WAL writes that failed (disk full, read-only, ...); each answered 503 to remote write.", "",
                   Double(stats.failures)),
            family("agent360_wal_fsyncs", .counter, "fsync calls on the WAL.", "", Double(stats.fsyncs)),
            family("agent360_wal_segment_bytes", .gauge, "Bytes of WAL segments on disk.", "bytes", Double(stats.segmentBytes)),
            family("agent360_wal_current_segment", .gauge, "Number of the WAL segment being written.", "",
                   Double(stats.currentSegment)),
            family("agent360_checkpoints", .counter, "Checkpoints written since start.", "", Double(stats.checkpoints)),
            family("agent360_checkpoint_failures", .counter, "Checkpoints that failed since start.", "",
                   Double(state.checkpointFailures)),
            family("agent360_checkpoint_last_bytes", .gauge, "Size of the last checkpoint written.", "bytes",
                   Double(state.lastCheckpointBytes)),
            family("agent360_checkpoint_last_duration_seconds", .gauge, "Time the last checkpoint took.", "seconds",
                   state.lastCheckpointSeconds),
            family("agent360_wal_replay_duration_seconds", .gauge, "Time the start-up replay took.", "seconds", state.replaySeconds),
            family("agent360_wal_replay_samples", .gauge, "Samples restored at start-up (checkpoint chunks and WAL).", "",
                   Double(state.replay.checkpointSamples + state.replay.appliedSamples)),
            family("agent360_wal_replay_dropped_bytes", .gauge,
                   "Bytes of damaged WAL or checkpoint tail dropped at start-up (torn writes, corruption).", "bytes",
                   Double(state.replay.droppedBytes)),
            family("agent360_wal_replay_unrestorable_samples", .gauge,
                   "WAL samples whose series record was lost to damage, not restored.", "",
                   Double(state.replay.unknownSeriesSamples)),
        ]
    }
}

