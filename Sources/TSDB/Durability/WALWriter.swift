#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Synchronization

/// The appending end of the WAL: the current segment, the record being
/// built and what a failed write left to redo. Lives behind the store's
/// commit lock, so records reach the file in the order the store applied them.
struct WALWriter {
    private(set) var directory = ""
    private(set) var segmentBytes = 0
    let sync: WALSync
    private(set) var segment = 0
    /// Nil after a write could not be undone; the next write opens a new segment.
    private var file: OpenFile?
    private(set) var size = 0
    /// The record(s) of the current commit.
    var buffer = ByteWriter(capacity: 1 << 16)
    /// A series record before compression.
    var scratch = ByteWriter(capacity: 1 << 16)
    /// Each series' last value in this segment (samples are differences).
    var values = WALValueTable(capacity: 1 << 14)
    /// Series created in memory whose series record did not reach the WAL
    /// (the write failed): logged before anything else on the next success.
    var pendingSeries: [UInt32] = []
    /// True until `open` and after `close`: commits are refused.
    private(set) var closed = true

    init(sync: WALSync) { self.sync = sync }

    /// Starts a fresh segment after `lastSegment` (a restart never appends
    /// to a segment it did not create).
    mutating func open(directory: String, lastSegment: Int, segmentBytes: Int, shardBits: Int) throws(StorageError) {
        self.directory = directory
        values = WALValueTable(capacity: 1 << 14, shardBits: shardBits)
        self.segmentBytes = segmentBytes
        segment = lastSegment
        try openNext()
        closed = false
    }

    private mutating func openNext() throws(StorageError) {
        let number = segment + 1
        let path = WALSegments.path(directory, number)
        let fd = try FileIO.open(path, flags: O_WRONLY | O_CREAT | O_TRUNC)
        let opened = OpenFile(fd: fd, path: path)
        segment = number
        file = opened
        size = 0
        values.reset()
        sync.current.withLock { $0 = opened }
        // The new name must survive a crash too, or its records would be lost.
        try? FileIO.syncDirectory(directory)
    }

    /// Called before a commit encodes anything: cuts to a new segment when
    /// this one is full (or was abandoned), so a commit's value differences
    /// are encoded against the segment they land in.
    mutating func prepare() throws(StorageError) {
        guard !closed else { throw .closed }
        if file == nil || size >= segmentBytes {
            if let file { try FileIO.sync(file.fd, path: file.path) }
            try openNext()
        }
    }

    /// Writes the buffer with one `write` and clears it. On failure nothing
    /// of it stays in the file (truncated back, or the segment abandoned),
    /// so later records are never hidden behind a torn one; a segment that
    /// already held records is abandoned either way, since the value table
    /// now holds values the file does not.
    mutating func flush() throws(StorageError) -> Int {
        defer { buffer.removeAll() }
        guard !closed else { throw .closed }
        guard buffer.count > 0 else { return sync.written.load(ordering: .acquiring) }
        guard let file else { throw .closed }
        do throws(StorageError) {
            try FileIO.write(file.fd, buffer.bytes, path: file.path)
        } catch {
            do throws(StorageError) {
                try FileIO.truncate(file.fd, to: size, path: file.path)
                // A short write moved the offset past `size`: the next write must not leave a hole.
                guard lseek(file.fd, off_t(size), SEEK_SET) == off_t(size) else { throw StorageError.io("seek", file.path) }
                if size == 0 {
                    values.reset()
                } else {
                    try? FileIO.sync(file.fd, path: file.path)
                    self.file = nil
                }
            } catch {
                self.file = nil
            }
            throw error
        }
        size += buffer.count
        return sync.written.add(buffer.count, ordering: .releasing).newValue
    }

    /// Ends the current segment (synced) and opens the next; returns the
    /// number of the last complete segment. Checkpoints cut here.
    mutating func cut() throws(StorageError) -> Int {
        let finished = segment
        if let file { try FileIO.sync(file.fd, path: file.path) }
        try openNext()
        return finished
    }

    mutating func close() {
        if let file { try? FileIO.sync(file.fd, path: file.path) }
        file = nil
        closed = true
        sync.current.withLock { $0 = nil }
    }
}

/// Durability of written WAL bytes, outside the commit lock: group commit
/// for `fsync: always` (one fsync covers every write before it), and the
/// periodic fsync.
final class WALSync: Sendable {
    /// Bytes written to the WAL since start (a logical position).
    let written = Atomic<Int>(0)
    /// The segment being appended to.
    let current = Mutex<OpenFile?>(nil)
    /// The position known to be on disk; the lock serializes fsyncs.
    private let synced = Mutex<Int>(0)
    /// `synced`, readable without waiting for an fsync in progress.
    private let durable = Atomic<Int>(0)
    /// fsyncs run since start, whoever asked (periodic, group commit, inline).
    let fsyncs = Atomic<Int>(0)
    private let group = Mutex(GroupCommit())
    private static let thread = DispatchQueue(label: "agent360.wal-sync")

    private struct GroupCommit {
        var waiters: [(position: Int, done: CheckedContinuation<StorageError?, Never>)] = []
        var running = false
    }

    /// Returns once everything up to `position` is on disk.
    func sync(upTo position: Int) throws(StorageError) {
        try synced.withLock { synced throws(StorageError) in
            guard synced < position else { return }
            // Position first, then file: a segment switch after this point
            // fsyncs the old segment itself.
            let target = written.load(ordering: .acquiring)
            guard let file = current.withLock({ $0 }) else { return }
            try FileIO.sync(file.fd, path: file.path)
            fsyncs.add(1, ordering: .relaxed)
            synced = target
            durable.store(target, ordering: .releasing)
        }
    }

    func syncAll() throws(StorageError) {
        try sync(upTo: written.load(ordering: .acquiring))
    }

    /// Resumes once everything up to `position` is on disk (nil) or the
    /// fsync failed, holding no thread meanwhile: the fsyncs run on one
    /// thread of their own, each covering every write that reached the OS
    /// before it began, so writes arriving during one share the next.
    func waitSynced(upTo position: Int) async -> StorageError? {
        if durable.load(ordering: .acquiring) >= position { return nil }
        return await withCheckedContinuation { (done: CheckedContinuation<StorageError?, Never>) in
            let start = group.withLock { state in
                state.waiters.append((position, done))
                guard !state.running else { return false }
                state.running = true
                return true
            }
            if start { Self.thread.async { self.drain() } }
        }
    }

    private func drain() {
        while true {
            let target = written.load(ordering: .acquiring)
            var failure: StorageError?
            do throws(StorageError) {
                try sync(upTo: target)
            } catch {
                failure = error
            }
            let (ready, more) = group.withLock { state in
                var ready: [CheckedContinuation<StorageError?, Never>] = []
                var waiting: [(position: Int, done: CheckedContinuation<StorageError?, Never>)] = []
                for waiter in state.waiters {
                    if failure != nil || waiter.position <= target { ready.append(waiter.done) } else { waiting.append(waiter) }
                }
                state.waiters = waiting
                state.running = !waiting.isEmpty
                return (ready, state.running)
            }
            for done in ready { done.resume(returning: failure) }
            guard more else { return }
        }
    }
}
