import CPrefetch

/// Prefetch hints over a shard's memory, for ingest and for queries.
///
/// A batch's series sit in random places of a shard's tables, records and
/// chunks, so each step of reading or appending would miss the cache. The
/// callers run these hints over a whole group of series first, one dependent
/// level at a time, so the misses of a level overlap instead of queueing.
/// Hints never fault and never wait: a wrong address costs only the hint.
extension ShardState {
    // MARK: ingest (by label hash)

    /// Level 1: the hash-table entry a lookup probes first.
    @inline(__always)
    func prefetchEntry(hash: UInt64) {
        byHash.entries.withUnsafeBufferPointer { entries in
            guard let base = entries.baseAddress else { return }
            agent360_prefetch(base + (Int(truncatingIfNeeded: hash) & byHash.mask))
        }
    }

    /// Level 2: the record that entry points to.
    @inline(__always)
    func prefetchRecord(hash: UInt64) {
        let entry = byHash.entries[Int(truncatingIfNeeded: hash) & byHash.mask]
        guard entry != 0 else { return }
        prefetchRecord(slot: SlotTable.slot(entry))
    }

    /// Level 3: the record's label symbol ids (what `find` compares) and its
    /// head chunk's header.
    @inline(__always)
    func prefetchLabelsAndHead(hash: UInt64) {
        let entry = byHash.entries[Int(truncatingIfNeeded: hash) & byHash.mask]
        guard entry != 0 else { return }
        let record = records[SlotTable.slot(entry)]
        agent360_prefetch(record.labels)
        if let head = record.head { agent360_prefetch_write(head) }
    }

    /// Level 3 by slot (replay finds series by id): the head chunk's header.
    @inline(__always)
    func prefetchHead(slot: Int) {
        if let head = records[slot].head { agent360_prefetch_write(head) }
    }

    /// Level 4: where the next sample's bits go in the head chunk.
    @inline(__always)
    func prefetchAppendPoint(slot: Int) {
        guard let head = records[slot].head else { return }
        agent360_prefetch_write(Chunk.data(head) + Int(Chunk.header(head).pointee.bitCount &>> 3))
    }

    // MARK: queries (by series id)

    /// The by-id table entry `slot(forID:)` probes first.
    @inline(__always)
    func prefetchIDEntry(_ id: UInt32) {
        byID.entries.withUnsafeBufferPointer { entries in
            guard let base = entries.baseAddress else { return }
            agent360_prefetch(base + (Int(truncatingIfNeeded: id &>> UInt32(shardBits)) & byID.mask))
        }
    }

    /// The slots of the live series among `ids` (all in this shard), in
    /// order, into `slots` (cleared first): the by-id entries are prefetched
    /// for all ids before any is probed.
    @inline(__always)
    func slots(of ids: ArraySlice<UInt32>, into slots: inout [Int]) {
        slots.removeAll(keepingCapacity: true)
        for id in ids { prefetchIDEntry(id) }
        for id in ids {
            if let slot = slot(forID: id) { slots.append(slot) }
        }
    }

    @inline(__always)
    func prefetchRecord(slot: Int) {
        records.withUnsafeBufferPointer { records in
            guard let base = records.baseAddress else { return }
            agent360_prefetch(base + slot)
        }
    }

    /// Every cache line holding a byte of `block[offset..<end]` (at least the
    /// one at `offset`).
    @inline(__always)
    static func prefetch(_ block: UnsafeRawPointer, from offset: Int, to end: Int) {
        var line = Int(bitPattern: block + offset) & ~63
        let last = Int(bitPattern: block + Swift.max(end, offset &+ 1) - 1)
        repeat {
            agent360_prefetch(UnsafeRawPointer(bitPattern: line))
            line &+= 64
        } while line <= last
    }
}
