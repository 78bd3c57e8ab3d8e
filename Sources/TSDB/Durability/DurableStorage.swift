#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Settings of the storage directory.
public struct DurabilityOptions: Sendable {
    public var fsync: FsyncPolicy
    /// WAL segments are cut at this size (Prometheus: 128 MiB).
    public var segmentBytes: Int

    public init(fsync: FsyncPolicy = .periodic, segmentBytes: Int = 128 << 20) {
        self.fsync = fsync
        self.segmentBytes = segmentBytes
    }
}

/// A store's storage directory: the lock, start-up replay, checkpoints and
/// WAL truncation. The store itself logs every write once `replay` is done.
///
/// Start-up: `open` (lock; the store refuses writes), `replay` (checkpoint +
/// WAL into the store, then logging starts), periodic `checkpoint` and
/// `sync`, and `close` after a final checkpoint at shutdown.
public final class DurableStorage: Sendable {
    public let path: String
    let walDirectory: String
    let store: MemoryStore
    let options: DurabilityOptions
    private let lockFile: OpenFile
    /// The last checkpoint's segment number; the lock serializes checkpoints.
    private let lastCheckpoint = Mutex<Int?>(nil)
    private let checkpoints = Atomic<Int>(0)
    /// `wal.sync.written` when the last checkpoint cut the WAL, less the
    /// bytes of segments replayed at start (which are still on disk).
    private let writtenAtCheckpoint = Atomic<Int>(0)
    private let lastCheckpointBytes = Atomic<Int>(0)

    /// Locks and prepares `path`; fails (clearly) when it cannot be created
    /// or written, or another process holds it.
    public init(path: String, store: MemoryStore, options: DurabilityOptions = .init()) throws(StorageError) {
        self.path = path
        self.store = store
        self.options = options
        walDirectory = path + "/wal"
        try FileIO.makeDirectory(path)
        let lockPath = path + "/lock"
        let fd = try FileIO.open(lockPath, flags: O_RDWR | O_CREAT)
        let lock = OpenFile(fd: fd, path: lockPath)
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let reason = errno
            let owner = (try? FileIO.read(lockPath)).map { String(decoding: $0, as: UTF8.self) } ?? ""
            if reason == EWOULDBLOCK {
                throw .locked(path, owner: owner.isEmpty ? "lock file \(lockPath)" : "pid \(owner.trimmingNewline)")
            }
            throw .io("lock", lockPath, errno: reason)
        }
        let pid = Array("\(getpid())\n".utf8)
        try FileIO.truncate(fd, to: 0, path: lockPath)
        try FileIO.write(fd, pid, path: lockPath)
        lockFile = lock
        try FileIO.makeDirectory(walDirectory)
        // Refuse an unwritable directory now, not at the first remote write.
        let probe = path + "/.write-probe"
        let probeFD = try FileIO.open(probe, flags: O_WRONLY | O_CREAT | O_TRUNC)
        Glibc.close(probeFD)
        FileIO.remove(probe)
        store.wal.alwaysSync.store(options.fsync == .always, ordering: .relaxed)
        store.wal.set(.replaying)
    }

    /// Restores the newest checkpoint and the WAL after it, repairs damaged
    /// tails (truncating at the last good record) and starts logging.
    public func replay(now: Int64) throws(StorageError) -> ReplayReport {
        var restorer = StoreRestorer(store: store, now: now)
        for name in try FileIO.list(path) where name.hasSuffix(".tmp") { FileIO.remove(path + "/" + name) }
        let checkpoint = try WALSegments.checkpoints(path).last
        if let checkpoint {
            let file = WALSegments.checkpointPath(path, checkpoint)
            let size = try FileIO.withContents(file) { bytes in
                restorer.loadCheckpoint(bytes, name: "checkpoint.\(WALSegments.name(checkpoint))")
                return bytes.count
            }
            lastCheckpointBytes.store(size, ordering: .relaxed)
        }
        let segments = try WALSegments.list(walDirectory)
        var ids: [UInt32] = []
        var samples: [Sample] = []
        for segment in segments {
            let file = WALSegments.path(walDirectory, segment)
            if let checkpoint, segment <= checkpoint {
                FileIO.remove(file)
                continue
            }
            let (good, size) = try FileIO.withContents(file) { buffer in
                (replaySegment(buffer, name: "wal/" + WALSegments.name(segment), restorer: &restorer, ids: &ids, samples: &samples),
                 buffer.count)
            }
            if good < size {
                // Truncate at the last good record, so the damage is gone for good.
                let fd = try FileIO.open(file, flags: O_WRONLY)
                defer { Glibc.close(fd) }
                try FileIO.truncate(fd, to: good, path: file)
                try FileIO.sync(fd, path: file)
            }
        }
        var report = restorer.finish()
        report.checkpoint = checkpoint
        writtenAtCheckpoint.store(-report.bytes, ordering: .relaxed)
        report.segments = segments.filter { segment in checkpoint.map { segment > $0 } ?? true }.count
        lastCheckpoint.withLock { $0 = checkpoint }
        let last = max(segments.last ?? 0, checkpoint ?? 0)
        try store.wal.commit.withLock { writer throws(StorageError) in
            try writer.open(directory: walDirectory, lastSegment: last, segmentBytes: options.segmentBytes, shardBits: store.shardBits)
        }
        store.wal.set(.logging)
        return report
    }

    /// Replays one segment; returns the length of its good part.
    private func replaySegment(
        _ buffer: UnsafeRawBufferPointer, name: String, restorer: inout StoreRestorer, ids: inout [UInt32], samples: inout [Sample]
    ) -> Int {
        var offset = 0
        var values = WALValueTable(capacity: 1 << 14, shardBits: restorer.store.shardBits)
        var scratch: [UInt8] = []
        while offset < buffer.count {
            switch WALFrame.read(buffer, at: offset) {
            case .failure(let error):
                restorer.noteDamage(name, at: error.offset, of: buffer.count, error.damage.description)
                return error.offset
            case .success(let record):
                var good = true
                switch record.type {
                case .series:
                    good = Self.replaySeries(record.payload, restorer: &restorer)
                case .seriesCompressed:
                    good = WALCompression.decompress(record.payload, into: &scratch)
                        && scratch.withUnsafeBytes { Self.replaySeries($0, restorer: &restorer) }
                case .samples, .sampleDeltas:
                    good = WALRecords.readSamples(
                        record.payload, differences: record.type == .sampleDeltas, values: &values, ids: &ids, samples: &samples)
                    if good { restorer.samples(ids: ids, samples: samples) }
                case .metadata:
                    good = restorer.metadata(record.payload)
                default:
                    good = false
                }
                guard good else {
                    restorer.noteDamage(name, at: offset, of: buffer.count, "malformed \(record.type) record")
                    return offset
                }
                restorer.addBytes(record.end - offset)
                offset = record.end
            }
        }
        return offset
    }

    /// A series record's payload (decompressed) into the store.
    private static func replaySeries(_ payload: UnsafeRawBufferPointer, restorer: inout StoreRestorer) -> Bool {
        var entries: [(UInt32, [RawLabel])] = []
        guard WALRecords.readSeries(payload, { id, labels in entries.append((id, labels)) }) else { return false }
        for (id, labels) in entries { restorer.series(id: id, labels: labels) }
        return true
    }

    /// Snapshots the store and deletes the WAL segments it covers, so the WAL
    /// holds only what came after. Ingest continues meanwhile: samples that
    /// land in both the snapshot and the next segment replay as duplicates.
    public func checkpoint() throws(StorageError) -> CheckpointReport {
        try lastCheckpoint.withLock { last throws(StorageError) in
            let started = ContinuousClock.now
            let covered = try store.wal.commit.withLock { writer throws(StorageError) in
                guard !writer.closed else { throw StorageError.closed }
                let covered = try writer.cut()
                writtenAtCheckpoint.store(store.wal.sync.written.load(ordering: .relaxed), ordering: .relaxed)
                return covered
            }
            let (series, bytes) = try Checkpoint.write(store, to: WALSegments.checkpointPath(path, covered))
            for segment in try WALSegments.list(walDirectory) where segment <= covered {
                FileIO.remove(WALSegments.path(walDirectory, segment))
            }
            for old in try WALSegments.checkpoints(path) where old < covered {
                FileIO.remove(WALSegments.checkpointPath(path, old))
            }
            last = covered
            checkpoints.add(1, ordering: .relaxed)
            lastCheckpointBytes.store(bytes, ordering: .relaxed)
            return CheckpointReport(segment: covered, series: series, bytes: bytes, duration: ContinuousClock.now - started)
        }
    }

    /// WAL bytes on disk that a crash now would replay.
    public var walBytesSinceCheckpoint: Int {
        store.wal.sync.written.load(ordering: .relaxed) - writtenAtCheckpoint.load(ordering: .relaxed)
    }

    /// True once the WAL since the last checkpoint is larger than both
    /// `threshold` and that checkpoint: loading a checkpoint costs a fraction
    /// of replaying as many WAL bytes, so checkpointing then bounds crash
    /// recovery at about one checkpoint's worth of WAL.
    public func checkpointDue(threshold: Int) -> Bool {
        threshold > 0 && walBytesSinceCheckpoint > max(threshold, lastCheckpointBytes.load(ordering: .relaxed))
    }

    /// fsyncs what was written (the periodic policy's background step).
    public func sync() throws(StorageError) {
        try store.wal.sync.syncAll()
    }

    /// Stops logging (later writes answer "closed") and releases the lock.
    public func close() {
        store.wal.commit.withLock { $0.close() }
        flock(lockFile.fd, LOCK_UN)
    }

    public var stats: WALStats {
        var stats = WALStats()
        stats.enabled = true
        stats.bytesWritten = store.wal.sync.written.load(ordering: .relaxed)
        stats.records = store.wal.counters.records.load(ordering: .relaxed)
        stats.failures = store.wal.counters.failures.load(ordering: .relaxed)
        stats.fsyncs = store.wal.sync.fsyncs.load(ordering: .relaxed)
        stats.checkpoints = checkpoints.load(ordering: .relaxed)
        stats.currentSegment = store.wal.commit.withLock { $0.segment }
        stats.segmentBytes = Self.directorySize(walDirectory)
        return stats
    }

    /// Bytes of WAL segments on disk.
    static func directorySize(_ directory: String) -> Int {
        guard let names = try? FileIO.list(directory) else { return 0 }
        var total = 0
        for name in names {
            var info = stat()
            if stat(directory + "/" + name, &info) == 0 { total += Int(info.st_size) }
        }
        return total
    }
}

/// What one checkpoint wrote.
public struct CheckpointReport: Sendable {
    /// WAL segments up to this number were deleted.
    public var segment: Int
    public var series: Int
    public var bytes: Int
    public var duration: Duration
}

extension String {
    var trimmingNewline: String {
        var copy = self
        while copy.last == "\n" { copy.removeLast() }
        return copy
    }
}
