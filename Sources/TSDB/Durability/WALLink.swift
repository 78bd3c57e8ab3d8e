import Synchronization

/// When an acknowledged write is on disk.
public enum FsyncPolicy: String, Sendable, CaseIterable {
    /// Written to the OS before the answer (survives a crash of agent360),
    /// fsynced in the background every `fsyncInterval` (survives most of a
    /// machine crash). Prometheus's WAL works this way.
    case periodic
    /// fsynced before the answer; concurrent writes share one fsync.
    case always
}

/// The store's side of durability: whether writes are logged, and the
/// commit lock that keeps WAL order equal to the order the store applied
/// them in (a series' samples must replay in the order they were accepted).
final class WALLink: Sendable {
    enum Mode: UInt8 {
        /// No storage directory: nothing is logged.
        case memoryOnly = 0
        /// Restoring from disk: other writers are refused until it is done.
        case replaying = 1
        case logging = 2
    }

    let mode = Atomic<UInt8>(Mode.memoryOnly.rawValue)
    let sync = WALSync()
    let commit: Mutex<WALWriter>
    let alwaysSync = Atomic<Bool>(false)
    let counters = WALCounters()

    init() {
        commit = Mutex(WALWriter(sync: sync))
    }

    var current: Mode { Mode(rawValue: mode.load(ordering: .acquiring)) ?? .memoryOnly }

    func set(_ mode: Mode) { self.mode.store(mode.rawValue, ordering: .releasing) }
}

/// Lifetime WAL counters for `/metrics`.
final class WALCounters: Sendable {
    let records = Atomic<Int>(0)
    let failures = Atomic<Int>(0)
}

/// WAL activity and health, for `/metrics` and logs.
public struct WALStats: Sendable, Equatable {
    public var enabled = false
    /// Bytes written since start.
    public var bytesWritten = 0
    public var records = 0
    /// Writes that failed (each answered 503 or, for rules, logged).
    public var failures = 0
    public var fsyncs = 0
    public var checkpoints = 0
    public var currentSegment = 0
    /// Bytes of WAL segments on disk now.
    public var segmentBytes = 0

    public init() {}
}
