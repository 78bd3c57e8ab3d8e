/// Limits and sizing of a `MemoryStore`.
public struct StoreOptions: Sendable {
    /// How far back samples are kept and accepted (ms). Default 1 h: the store
    /// serves autoscaling and recent dashboards, not long-term history.
    public var retention: Int64
    /// New series beyond this many active ones are refused (`.seriesLimit`);
    /// 0 means unlimited. Default 1 000 000, about 1 GB at the store's
    /// ~1 KB per active series, so a label explosion cannot exhaust memory.
    public var maxActiveSeries: Int
    /// How far ahead of the store's clock a sample may be (ms). Default 10 min.
    public var futureTolerance: Int64
    /// Exemplars kept in a ring, oldest overwritten first. Default 100 000.
    public var exemplarCapacity: Int
    /// Independent series shards, each behind its own lock; rounded up to a
    /// power of two between 1 and 1024. Default 64: plenty of writers can
    /// proceed in parallel and per-shard overhead stays small.
    public var shardCount: Int
    /// Label values a query copies per index-lock hold when a regex must
    /// test every value of a label. Default 4096: series creation waits a
    /// fraction of a millisecond per hold, however many values the label
    /// has; `Int.max` copies them all in one hold (the cost it replaced,
    /// kept measurable by `agent360-bench index-contention`).
    public var valuesPerIndexHold = 4096

    public init(
        retention: Int64 = 3_600_000,
        maxActiveSeries: Int = 1_000_000,
        futureTolerance: Int64 = 600_000,
        exemplarCapacity: Int = 100_000,
        shardCount: Int = 64
    ) {
        self.retention = retention
        self.maxActiveSeries = maxActiveSeries
        self.futureTolerance = futureTolerance
        self.exemplarCapacity = exemplarCapacity
        self.shardCount = shardCount
    }

    /// log2 of the effective shard count.
    var shardBits: Int {
        let wanted = min(max(shardCount, 1), 1024)
        var bits = 0
        while (1 << bits) < wanted { bits += 1 }
        return bits
    }
}

/// A snapshot of the store's size, for `/metrics` and capacity planning.
public struct StoreStats: Sendable, Equatable {
    public var activeSeries: Int
    /// Samples held in chunks (silently accepted duplicates are not stored).
    public var samples: Int
    public var chunks: Int
    /// Distinct interned label names and values.
    public var symbols: Int
    /// Estimated bytes of series, chunks, index and symbols (malloc overhead
    /// included); RSS is higher by the allocator's free space.
    public var memoryBytes: Int
    /// Samples accepted since the store was created (duplicates included).
    public var acceptedSamplesTotal: Int
    /// Series created since the store was created.
    public var createdSeriesTotal: Int

    public init(
        activeSeries: Int = 0, samples: Int = 0, chunks: Int = 0, symbols: Int = 0, memoryBytes: Int = 0,
        acceptedSamplesTotal: Int = 0, createdSeriesTotal: Int = 0
    ) {
        self.activeSeries = activeSeries
        self.samples = samples
        self.chunks = chunks
        self.symbols = symbols
        self.memoryBytes = memoryBytes
        self.acceptedSamplesTotal = acceptedSamplesTotal
        self.createdSeriesTotal = createdSeriesTotal
    }
}

/// What one `applyRetention` call dropped.
public struct RetentionResult: Sendable, Equatable {
    public var removedSeries: Int
    public var removedChunks: Int
    public var removedSamples: Int

    public init(removedSeries: Int = 0, removedChunks: Int = 0, removedSamples: Int = 0) {
        self.removedSeries = removedSeries
        self.removedChunks = removedChunks
        self.removedSamples = removedSamples
    }
}
