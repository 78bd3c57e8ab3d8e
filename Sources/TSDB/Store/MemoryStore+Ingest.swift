extension MemoryStore {
    /// Hot path for remote write: batch labels are raw bytes (see
    /// `IngestBatch`'s invariants). Series found by hash + byte comparison take
    /// no allocation; Swift strings are made only for never-seen symbols.
    /// A series whose label or sample range lies outside the batch arrays is
    /// skipped (a producer bug, not data to store).
    public func ingest(_ batch: IngestBatch, now: Int64) -> IngestResult {
        ingest(batch, now: now, deferringSync: false)
    }

    /// `deferringSync`: with `fsync: always`, returns before the fsync with
    /// `IngestResult.syncPosition` set, which the caller awaits
    /// (`waitSynced(upTo:)`) before acknowledging the batch.
    public func ingest(_ batch: IngestBatch, now: Int64, deferringSync: Bool) -> IngestResult {
        if wal.current != .memoryOnly { return ingestLogged(batch, now: now, deferringSync: deferringSync) }
        var tally = IngestTally()
        apply(batch, now: now, tally: &tally)
        return tally.result
    }

    /// Applies a batch without logging it (the memory-only store, and the
    /// logged path inside its commit).
    func apply(_ batch: IngestBatch, now: Int64, tally: inout IngestTally) {
        let bounds = TimeBounds(now: now, retention: options.retention, futureTolerance: options.futureTolerance)
        batch.labels.withUnsafeBufferPointer { labels in
            batch.samples.withUnsafeBufferPointer { samples in
                batch.series.withUnsafeBufferPointer { series in
                    ingest(BatchView(labels: labels, samples: samples, series: series), bounds: bounds, tally: &tally)
                }
            }
        }
        totals.accepted.add(tally.accepted, ordering: .relaxed)
        totals.created.add(tally.created, ordering: .relaxed)
    }

    /// Convenience for recording rules, collectors and tests; the labels take
    /// the same byte path (and hash) as remote write.
    public func append(_ labels: Labels, _ samples: [Sample], now: Int64) -> IngestResult {
        labels.withRawLabels { raw in
            var batch = IngestBatch()
            batch.labels = Array(raw)
            batch.samples = samples
            batch.series = [IngestSeries(
                labelStart: 0, labelCount: Int32(clamping: raw.count),
                sampleStart: 0, sampleCount: Int32(clamping: samples.count)
            )]
            return ingest(batch, now: now)
        }
    }

    func ingest(_ batch: BatchView, bounds: TimeBounds, tally: inout IngestTally) {
        let count = batch.series.count
        guard count > 0 else { return }
        // Plan: hash every series and order the batch by shard (counting sort),
        // so each shard lock is taken once.
        var hashes = [UInt64](repeating: 0, count: count)
        var shardOf = [Int32](repeating: -1, count: count)
        var starts = [Int](repeating: 0, count: shards.count + 1)
        for i in 0 ..< count where batch.isValid(i) {
            let hash = LabelHash.hash(batch.labels(of: i)) & hashMask
            hashes[i] = hash
            let shard = shardIndex(ofHash: hash)
            shardOf[i] = Int32(truncatingIfNeeded: shard)
            starts[shard + 1] += 1
        }
        for shard in 0 ..< shards.count { starts[shard + 1] += starts[shard] }
        var order = [Int32](repeating: 0, count: starts[shards.count])
        var fill = starts
        for i in 0 ..< count where shardOf[i] >= 0 {
            let shard = Int(shardOf[i])
            order[fill[shard]] = Int32(truncatingIfNeeded: i)
            fill[shard] += 1
        }

        var misses: [Int32] = []
        var slots = [Int](repeating: -1, count: order.count)
        let directory = symbolDirectory
        for shard in 0 ..< shards.count where starts[shard] < starts[shard + 1] {
            let range = starts[shard] ..< starts[shard + 1]
            shards[shard].state.withLock { state in
                // Prefetch level by level (see ShardState+Append), then find
                // every series, then append.
                for position in range { state.prefetchEntry(hash: hashes[Int(order[position])]) }
                for position in range { state.prefetchRecord(hash: hashes[Int(order[position])]) }
                for position in range { state.prefetchLabelsAndHead(hash: hashes[Int(order[position])]) }
                for position in range {
                    let i = Int(order[position])
                    if let slot = state.find(hash: hashes[i], labels: batch.labels(of: i), symbols: directory) {
                        slots[position] = slot
                        tally.noteID(state.records[slot].id, at: i)
                    } else {
                        misses.append(Int32(truncatingIfNeeded: i))
                    }
                }
                for position in range where slots[position] >= 0 {
                    state.prefetchAppendPoint(slot: slots[position])
                }
                for position in range where slots[position] >= 0 {
                    let i = Int(order[position])
                    state.append(
                        slot: slots[position], samples: batch.samples(of: i), seriesIndex: i, bounds: bounds,
                        tally: &tally
                    )
                }
            }
        }
        if !misses.isEmpty {
            createSeries(misses, batch: batch, hashes: hashes, shardOf: shardOf, bounds: bounds, tally: &tally)
        }
    }
}
