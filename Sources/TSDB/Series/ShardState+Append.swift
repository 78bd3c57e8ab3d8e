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
