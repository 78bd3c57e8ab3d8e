/// Puts checkpoint and WAL contents back into a store, keeping series ids.
///
/// Postings are added once at the end (`finish`): replay finds series by id
/// and by label hash, never through the postings, and one batched merge is
/// far cheaper than inserting ids from every shard one by one.
struct StoreRestorer {
    let store: MemoryStore
    let bounds: TimeBounds
    /// WAL ids that had to be given another id (rare: a series recreated
    /// under a new id whose older incarnation is still in the WAL).
    var remapped: [UInt32: UInt32] = [:]
    /// Series restored, for the postings (`finish`).
    var created = PostingsBatch()
    /// Series a checkpoint restored, added to the active count at `finish`.
    var restoredActive = 0
    private var symbols: [UInt32] = []
    private var tally = IngestTally()
    private var shardBuckets: [[Int32]]
    /// Scratch for `samples`: each sample's id after remapping, and slots.
    private var resolved: [UInt32] = []
    private var slots: [Int] = []
    var report = ReplayReport()

    init(store: MemoryStore, now: Int64) {
        self.store = store
        bounds = TimeBounds(now: now, retention: store.options.retention, futureTolerance: store.options.futureTolerance)
        shardBuckets = Array(repeating: [], count: store.shards.count)
    }

    /// A series record: the series under its id, unless it already exists.
    mutating func series(id: UInt32, labels: [RawLabel]) {
        let valued = labels.filter { $0.value.count > 0 }
        valued.withUnsafeBufferPointer { buffer in
            let labels = Borrowed(buffer: buffer)
            let hash = LabelHash.hash(labels.buffer) & store.hashMask
            let shard = store.shardIndex(ofHash: hash)
            let directory = store.symbolDirectory
            store.index.withLock { index in
                store.shards[shard].state.withLock { state in
                    if let slot = state.find(hash: hash, labels: labels.buffer, symbols: directory) {
                        let existing = state.records[slot].id
                        if existing != id { remapped[id] = existing }
                        return
                    }
                    symbols.removeAll(keepingCapacity: true)
                    guard index.symbols.retain(labels.buffer, into: &symbols),
                          let slot = symbols.withUnsafeBufferPointer({ place(id: id, hash: hash, symbols: $0, in: &state) })
                    else {
                        for symbol in symbols { index.symbols.release(symbol) }
                        report.droppedSeries += 1
                        return
                    }
                    created.append(id: state.records[slot].id, symbols: symbols)
                    index.activeSeries += 1
                    report.series += 1
                }
            }
        }
    }

    /// Adds a series (its symbols already retained) under its id from
    /// before the restart, or under a new one that later records of the
    /// old id are remapped to; nil when the shard has no id left.
    mutating func place(id: UInt32, hash: UInt64, symbols: UnsafeBufferPointer<UInt32>, in state: inout ShardState) -> Int? {
        if let restored = state.restore(hash: hash, symbols: symbols, id: id) { return restored }
        guard let (fresh, freshID) = state.create(hash: hash, symbols: symbols) else { return nil }
        remapped[id] = freshID
        return fresh
    }

    /// A samples record: appended by id with the store's usual rules, so
    /// samples a checkpoint already holds count as duplicates, not twice.
    /// Within each shard the series' memory is prefetched level by level
    /// (by-id entry, record, head chunk, append point) before appending, as
    /// ingest does: a record's series sit in random places, and replay
    /// otherwise waits on one cache miss after another.
    mutating func samples(ids: [UInt32], samples: [Sample]) {
        for bucket in shardBuckets.indices { shardBuckets[bucket].removeAll(keepingCapacity: true) }
        resolved.removeAll(keepingCapacity: true)
        for index in ids.indices {
            let id = remapped.isEmpty ? ids[index] : (remapped[ids[index]] ?? ids[index])
            resolved.append(id)
            shardBuckets[SeriesID.shard(id, mask: store.shardMask)].append(Int32(truncatingIfNeeded: index))
        }
        let before = tally.accepted
        var unknown = 0
        samples.withUnsafeBufferPointer { buffer in
            let samples = Borrowed(buffer: buffer)
            for shard in shardBuckets.indices where !shardBuckets[shard].isEmpty {
                store.shards[shard].state.withLock { state in
                    let bucket = shardBuckets[shard]
                    for position in bucket { state.prefetchIDEntry(resolved[Int(position)]) }
                    slots.removeAll(keepingCapacity: true)
                    for position in bucket { slots.append(state.slot(forID: resolved[Int(position)]) ?? -1) }
                    for slot in slots where slot >= 0 { state.prefetchRecord(slot: slot) }
                    for slot in slots where slot >= 0 { state.prefetchHead(slot: slot) }
                    for slot in slots where slot >= 0 { state.prefetchAppendPoint(slot: slot) }
                    for (offset, position) in bucket.enumerated() {
                        let slot = slots[offset]
                        guard slot >= 0 else { unknown += 1; continue }
                        let index = Int(position)
                        state.append(slot: slot, samples: UnsafeBufferPointer(rebasing: samples.buffer[index ..< index + 1]),
                                     seriesIndex: index, bounds: bounds, tally: &tally)
                    }
                }
            }
        }
        report.samples += samples.count
        report.appliedSamples += tally.accepted - before
        report.unknownSeriesSamples += unknown
    }

    /// A metadata record into the store; false when malformed.
    func metadata(_ payload: UnsafeRawBufferPointer) -> Bool {
        guard let metadata = WALRecords.readMetadata(payload) else { return false }
        store.metadataStore.withLock { _ = $0.set(metadata) }
        return true
    }

    mutating func addCheckpointSamples(_ count: Int) { report.checkpointSamples += count }

    mutating func addBytes(_ count: Int) { report.bytes += count }

    mutating func noteDamage(_ name: String, at offset: Int, of size: Int, _ what: String) {
        report.repairs.append("\(name) at byte \(offset): \(what), \(size - offset) bytes dropped")
        report.droppedBytes += size - offset
    }

    /// Makes restored series visible to queries.
    mutating func finish() -> ReplayReport {
        let refs = created
        created = PostingsBatch()
        let active = restoredActive
        restoredActive = 0
        store.index.withLock { index in
            index.postings.add(refs)
            index.activeSeries += active
        }
        store.totals.created.add(report.series, ordering: .relaxed)
        return report
    }
}

/// What a start-up replay found, for the log and `/metrics`.
public struct ReplayReport: Sendable, Equatable {
    /// Series restored (checkpoint and WAL series records).
    public var series = 0
    /// Samples read from the WAL, and how many of them were new to the store
    /// (the rest were in the checkpoint already, or outside retention).
    public var samples = 0
    public var appliedSamples = 0
    /// Samples from the checkpoint's chunks.
    public var checkpointSamples = 0
    /// Samples whose series record was lost to damage (not restorable).
    public var unknownSeriesSamples = 0
    public var droppedSeries = 0
    public var checkpoint: Int?
    public var segments = 0
    public var bytes = 0
    /// Damage found and repaired: one line per place ("wal/00000003 at byte
    /// 1234: checksum mismatch, 5678 bytes dropped").
    public var repairs: [String] = []
    public var droppedBytes = 0

    public init() {}
}
