import CPrefetch

/// The inclusive range of timestamps the store accepts at one `now`.
struct TimeBounds {
    var oldest: Int64
    var newest: Int64

    init(now: Int64, retention: Int64, futureTolerance: Int64) {
        // Saturating: a wild `now` from a caller must not trap.
        let (low, lowOverflow) = now.subtractingReportingOverflow(retention)
        let (high, highOverflow) = now.addingReportingOverflow(futureTolerance)
        oldest = lowOverflow ? Int64.min : low
        newest = highOverflow ? Int64.max : high
    }

    @inline(__always)
    func rejection(_ time: Int64) -> RejectionReason? {
        if time > newest { return .tooFarInFuture }
        if time < oldest { return .tooOld }
        return nil
    }
}

extension ShardState {
    // Prefetch passes. A batch's series sit in random places of a shard's
    // tables, records and chunks, so each step of an append would miss the
    // cache. The ingest loop runs these hints over all of a shard's series
    // first, one dependent level at a time (table entry, record, the record's
    // symbol ids and head chunk header, end of the head chunk's stream), so the
    // misses of a level overlap instead of queueing. Hints never fault: a
    // wrong address costs nothing but the hint.

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
        records.withUnsafeBufferPointer { records in
            guard let base = records.baseAddress else { return }
            agent360_prefetch(base + SlotTable.slot(entry))
        }
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

    /// Level 4: where the next sample's bits go in the head chunk.
    @inline(__always)
    func prefetchAppendPoint(slot: Int) {
        guard let head = records[slot].head else { return }
        agent360_prefetch_write(Chunk.data(head) + Int(Chunk.header(head).pointee.bitCount &>> 3))
    }

    /// Appends a series' samples in arrival order with Prometheus's rules:
    /// out-of-bounds first, then order against the newest sample; an exact
    /// repeat of the newest sample is accepted without being stored.
    ///
    /// This and `MemoryStore.createSeries` are the only places where accepted
    /// data enters the store: a write-ahead log would record here.
    @inline(__always)
    mutating func append(
        slot: Int, samples: UnsafeBufferPointer<Sample>, seriesIndex: Int, bounds: TimeBounds,
        tally: inout IngestTally
    ) {
        var record = records[slot]
        var newest = Int64.min
        for offset in 0 ..< samples.count {
            let sample = samples[offset]
            let time = sample.timestamp
            let bits = sample.value.bitPattern
            if let reason = bounds.rejection(time) {
                tally.reject(seriesIndex: seriesIndex, offset: offset, time: time, reason: reason)
                continue
            }
            if record.head != nil && time <= record.lastTime {
                if time == record.lastTime {
                    if bits == record.lastValue {
                        tally.accepted &+= 1
                    } else {
                        tally.reject(seriesIndex: seriesIndex, offset: offset, time: time, reason: .duplicateTimestamp)
                    }
                } else {
                    tally.reject(seriesIndex: seriesIndex, offset: offset, time: time, reason: .outOfOrder)
                }
                continue
            }
            appendSample(&record, time: time, bits: bits)
            tally.accepted &+= 1
            newest = time
        }
        records[slot] = record
        if newest > maxTime { maxTime = newest }
    }

    @inline(__always)
    private mutating func appendSample(_ record: inout SeriesRecord, time: Int64, bits: UInt64) {
        if let head = record.head, !Chunk.isSealed(head), Chunk.header(head).pointee.sampleCount < UInt16(Chunk.samplesPerChunk) {
            let header = Chunk.header(head).pointee
            let used = (Int(header.bitCount) &+ 7) &>> 3
            if Int(header.capacity) &- used < Chunk.appendSlack {
                // Steps of 1/4: little slack in every head (~20 B per series
                // more than 1/8 steps), ~10 moves of a few hundred bytes per
                // 120 samples (half of 1/8's, measured ~7 % less ingest CPU),
                // and the blocks left behind are small enough to be reused.
                let capacity = Chunk.fittedCapacity(atLeast: max(Int(header.capacity) * 5 / 4, used + Chunk.appendSlack))
                record.head = Chunk.resize(head, capacity: capacity)
                counters.chunkBytes &+= capacity &- Int(header.capacity)
            }
        } else {
            // A full head is sealed only when the next sample arrives, so a
            // series that stops at a chunk boundary keeps no duplicate.
            if let full = record.head, !Chunk.isSealed(full) { record.head = seal(full) }
            if record.head == nil && time < minTime { minTime = time }
            let capacity = Chunk.fittedCapacity(atLeast: 40)
            record.head = Chunk.allocate(capacity: capacity, older: record.head, time: time)
            counters.chunks &+= 1
            counters.chunkBytes &+= Chunk.footprint(capacity: capacity)
        }
        guard let head = record.head else { return }
        XORChunk.append(head, &record, time: time, value: bits)
        counters.samples &+= 1
    }

    /// Moves a full head into the shard's arena at its exact size.
    private mutating func seal(_ block: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer {
        var header = Chunk.header(block).pointee
        let used = (Int(header.bitCount) + 7) / 8
        let size = Chunk.sealedSize(streamBytes: used)
        let sealed = arena.allocate(size)
        counters.chunkBytes &+= size &- Chunk.footprint(capacity: Int(header.capacity))
        counters.sealedBytes &+= size
        header.capacity = 0
        sealed.bindMemory(to: ChunkHeader.self, capacity: 1).initialize(to: header)
        Chunk.data(sealed).copyMemory(from: Chunk.data(block), byteCount: used)
        (Chunk.data(sealed) + used).initializeMemory(as: UInt8.self, repeating: 0, count: size - Chunk.headerSize - used)
        block.deallocate()
        return sealed
    }

    /// Frees one chunk block, wherever it lives, and updates the counters.
    mutating func release(chunk block: UnsafeMutableRawPointer) {
        let header = Chunk.header(block).pointee
        counters.chunks &-= 1
        counters.samples &-= Int(header.sampleCount)
        if Chunk.isSealed(block) {
            let size = Chunk.sealedSize(streamBytes: (Int(header.bitCount) + 7) / 8)
            counters.chunkBytes &-= size
            counters.sealedBytes &-= size
            arena.free(block)
        } else {
            counters.chunkBytes &-= Chunk.footprint(capacity: Int(header.capacity))
            block.deallocate()
        }
    }
}
