import Synchronization

/// agent360's in-memory time-series store (the Prometheus "head").
///
/// Series are spread over shards by label hash, each shard behind its own
/// lock, so remote-write requests ingest in parallel and a batch takes each
/// shard lock once. The index lock (symbols + postings) is taken only when
/// series are created or removed and when a query resolves its matchers.
/// Lock order is index → shard; no code holds two shard locks at once.
public final class MemoryStore: SeriesQuerier, Sendable {
    public let options: StoreOptions
    let shards: [Shard]
    let shardBits: Int
    let shardMask: UInt32
    let symbolDirectory: SymbolDirectory
    let index: Mutex<IndexState>
    let metadataStore: Mutex<MetadataStore>
    let exemplarRing: Mutex<ExemplarRing>
    let totals = Totals()
    /// Logging to the write-ahead log, when a storage directory is attached.
    let wal = WALLink()
    /// Test seam: AND-ed into every series hash; 0 forces every series onto
    /// one hash to exercise collision handling.
    let hashMask: UInt64

    public convenience init(options: StoreOptions = .init()) {
        self.init(options: options, hashMask: ~0)
    }

    init(options: StoreOptions, hashMask: UInt64) {
        self.options = options
        self.hashMask = hashMask
        shardBits = options.shardBits
        shardMask = UInt32((1 << shardBits) - 1)
        shards = (0 ..< (1 << shardBits)).map { Shard(index: $0, shardBits: options.shardBits) }
        symbolDirectory = SymbolDirectory()
        index = Mutex(IndexState(directory: symbolDirectory))
        metadataStore = Mutex(MetadataStore())
        exemplarRing = Mutex(ExemplarRing(capacity: options.exemplarCapacity))
    }

    @inline(__always)
    func shardIndex(ofHash hash: UInt64) -> Int {
        shardBits == 0 ? 0 : Int(truncatingIfNeeded: hash &>> UInt64(64 - shardBits))
    }

    public var stats: StoreStats {
        var stats = StoreStats()
        var bytes = shards.count * 256
        for shard in shards {
            shard.state.withLock { state in
                stats.samples += state.counters.samples
                stats.chunks += state.counters.chunks
                bytes += state.estimatedBytes
            }
        }
        index.withLock { index in
            stats.activeSeries = index.activeSeries
            stats.symbols = index.symbols.count
            bytes += index.symbols.estimatedBytes + index.postings.estimatedBytes
        }
        stats.memoryBytes = bytes
        stats.acceptedSamplesTotal = totals.accepted.load(ordering: .relaxed)
        stats.createdSeriesTotal = totals.created.load(ordering: .relaxed)
        return stats
    }
}

/// One shard: a lock around its series.
final class Shard: Sendable {
    let state: Mutex<ShardState>

    init(index: Int, shardBits: Int) {
        state = Mutex(ShardState(shardIndex: index, shardBits: shardBits))
    }
}

/// Lifetime counters, updated once per ingest call.
final class Totals: Sendable {
    let accepted = Atomic<Int>(0)
    let created = Atomic<Int>(0)
}
