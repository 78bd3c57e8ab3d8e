/// Counters a shard keeps for `MemoryStore.stats`.
struct ShardCounters {
    var series = 0
    var samples = 0
    var chunks = 0
    /// Chunk blocks including headers and malloc overhead.
    var chunkBytes = 0
    /// Part of `chunkBytes` in the arena (the rest of its pages is slack).
    var sealedBytes = 0
}

/// Everything behind one shard lock: the series records and the two tables
/// that find them (by label hash for ingest, by id for queries).
///
/// `~Copyable` so exactly one owner exists and `deinit` can free the chunk
/// blocks and label arrays, which are manually managed memory.
struct ShardState: ~Copyable {
    let shardIndex: UInt32
    let shardBits: Int
    var records: ContiguousArray<SeriesRecord> = []
    var freeSlots: [Int32] = []
    var byHash = SlotTable()
    var byID = SlotTable()
    var nextLocal: UInt32 = 0
    var counters = ShardCounters()
    var arena = ChunkArena()
    var labelPool = LabelPool()
    /// Newest sample time accepted here (for label-name/value time checks).
    var maxTime = Int64.min
    var minTime = Int64.max

    init(shardIndex: Int, shardBits: Int) {
        self.shardIndex = UInt32(shardIndex)
        self.shardBits = shardBits
    }

    deinit {
        // Sealed chunks and label arrays go with their pools' pages; only
        // heads are malloc'd.
        for index in records.indices {
            if let head = records[index].head, !Chunk.isSealed(head) { head.deallocate() }
        }
    }

    @inline(__always)
    static func hashTag(_ hash: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: hash &>> 24) }

    // MARK: lookup

    /// The slot of the series with exactly these labels, if present.
    @inline(__always)
    func find(hash: UInt64, labels: UnsafeBufferPointer<RawLabel>, symbols: SymbolDirectory) -> Int? {
        let tag = ShardState.hashTag(hash)
        let mask = byHash.mask
        var index = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = byHash.entries[index]
            if entry == 0 { return nil }
            if SlotTable.tag(entry) == tag {
                let slot = SlotTable.slot(entry)
                let record = records[slot]
                if record.hash == hash && ShardState.sameLabels(record, labels, symbols) { return slot }
            }
            index = (index &+ 1) & mask
        }
    }

    /// Full comparison of a record's symbols with raw label bytes.
    @inline(__always)
    static func sameLabels(_ record: SeriesRecord, _ labels: UnsafeBufferPointer<RawLabel>, _ symbols: SymbolDirectory) -> Bool {
        let count = Int(record.labelCount)
        var stored = 0
        for label in labels where label.value.count > 0 {
            guard stored < count else { return false }
            if !bytesEqual(symbols.bytes(record.labels[stored &* 2]), label.name) { return false }
            if !bytesEqual(symbols.bytes(record.labels[stored &* 2 &+ 1]), label.value) { return false }
            stored &+= 1
        }
        return stored == count
    }

    @inline(__always)
    func slot(forID id: UInt32) -> Int? {
        let mask = byID.mask
        var index = Int(truncatingIfNeeded: id &>> UInt32(shardBits)) & mask
        while true {
            let entry = byID.entries[index]
            if entry == 0 { return nil }
            if SlotTable.tag(entry) == id { return SlotTable.slot(entry) }
            index = (index &+ 1) & mask
        }
    }

    // MARK: creation and removal

    /// Adds a series with the given symbols (pairs) and no samples yet.
    /// Nil when this shard has used up its id space.
    mutating func create(hash: UInt64, symbols: UnsafeBufferPointer<UInt32>) -> (slot: Int, id: UInt32)? {
        guard nextLocal < (UInt32.max &>> UInt32(shardBits)) else { return nil }
        let id = nextLocal &<< UInt32(shardBits) | shardIndex
        nextLocal &+= 1
        return (insert(hash: hash, symbols: symbols, id: id), id)
    }

    /// Adds a series under the id it had before a restart, so WAL records
    /// written with that id still point at it. Nil when the id belongs to
    /// another shard or is taken (the caller then creates it anew).
    mutating func restore(hash: UInt64, symbols: UnsafeBufferPointer<UInt32>, id: UInt32) -> Int? {
        guard id & ((1 << UInt32(shardBits)) &- 1) == shardIndex, slot(forID: id) == nil else { return nil }
        let local = id &>> UInt32(shardBits)
        if local >= nextLocal { nextLocal = local &+ 1 }
        return insert(hash: hash, symbols: symbols, id: id)
    }

    private mutating func insert(hash: UInt64, symbols: UnsafeBufferPointer<UInt32>, id: UInt32) -> Int {
        let labels = labelPool.allocate(words: symbols.count)
        if let base = symbols.baseAddress { labels.initialize(from: base, count: symbols.count) }
        let record = SeriesRecord(hash: hash, labels: labels, id: id, labelCount: UInt16(symbols.count / 2))
        let slot: Int
        if let free = freeSlots.popLast() {
            slot = Int(free)
            records[slot] = record
        } else {
            slot = records.count
            records.append(record)
        }
        let shardBits = self.shardBits
        byHash.reserveOne { [records] entry in Int(truncatingIfNeeded: records[SlotTable.slot(entry)].hash) }
        byHash.insert(SlotTable.entry(tag: ShardState.hashTag(hash), slot: slot), home: Int(truncatingIfNeeded: hash))
        byID.reserveOne { entry in Int(truncatingIfNeeded: SlotTable.tag(entry) &>> UInt32(shardBits)) }
        byID.insert(SlotTable.entry(tag: id, slot: slot), home: Int(truncatingIfNeeded: id &>> UInt32(shardBits)))
        counters.series &+= 1
        return slot
    }

    /// Unlinks a series and frees its chunks and labels; the returned copy of
    /// its symbols is what the postings and symbol table still need released.
    mutating func remove(slot: Int) -> SeriesRef {
        let record = records[slot]
        let shardBits = self.shardBits
        byHash.remove(SlotTable.entry(tag: ShardState.hashTag(record.hash), slot: slot)) { [records] entry in
            Int(truncatingIfNeeded: records[SlotTable.slot(entry)].hash)
        }
        byID.remove(SlotTable.entry(tag: record.id, slot: slot)) { entry in
            Int(truncatingIfNeeded: SlotTable.tag(entry) &>> UInt32(shardBits))
        }
        var chunk = record.head
        while let block = chunk {
            chunk = Chunk.header(block).pointee.older
            release(chunk: block)
        }
        records[slot].head = nil
        freeSlots.append(Int32(slot))
        counters.series &-= 1
        let symbols = Array(record.labelSymbols)
        labelPool.release(record.labels, words: symbols.count)
        return SeriesRef(id: record.id, symbols: symbols)
    }

    var estimatedBytes: Int {
        records.capacity * MemoryLayout<SeriesRecord>.stride + freeSlots.capacity * 4
            + byHash.allocatedBytes + byID.allocatedBytes + counters.chunkBytes + labelPool.allocatedBytes
            + max(0, arena.allocatedBytes - counters.sealedBytes)
    }
}

/// A series' id and label symbols outside its shard lock: a new series on
/// its way into the postings, or a removed one whose postings and symbols
/// still need releasing.
struct SeriesRef: Sendable {
    var id: UInt32
    /// (name, value) symbol pairs.
    var symbols: [UInt32]
}
