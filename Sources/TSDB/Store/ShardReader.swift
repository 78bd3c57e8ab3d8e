/// Reads the series of one shard after another for `visitSeries`.
///
/// It goes in groups, with prefetch hints level by level (see
/// ShardState+Prefetch): the by-id table entries, the records, the chunk
/// headers, then the stream bytes where decoding starts; then it decodes.
///
/// `@unchecked Sendable` for the same reason as `SeriesGather`: its scratch
/// memory is used only within one call, inside shard critical sections.
struct ShardReader: ~Copyable, @unchecked Sendable {
    private let strings: LabelStrings
    private var scratch = SampleScratch()
    private var chain: [UnsafeMutableRawPointer] = []
    private var slots: [Int] = []

    init(strings: LabelStrings) {
        self.strings = strings
    }

    mutating func visit(
        _ state: borrowing ShardState, _ ids: ArraySlice<UInt32>, minTime: Int64, maxTime: Int64,
        selection: SampleSelection, _ visitor: LockedVisitor
    ) throws {
        state.slots(of: ids, into: &slots)
        var start = 0
        while start < slots.count {
            let end = Swift.min(start + 128, slots.count)
            prefetchChunks(state, start ..< end, minTime: minTime, maxTime: maxTime, selection: selection)
            for position in start ..< end {
                let record = state.records[slots[position]]
                guard record.head != nil, record.lastTime >= minTime else { continue }
                if selection == .newest {
                    guard var sample = WindowDecoder.newest(record, minTime: minTime, maxTime: maxTime) else { continue }
                    try withUnsafePointer(to: &sample) { single in
                        try visitor.call(SeriesVisit(
                            seriesID: UInt64(record.id), samples: UnsafeBufferPointer(start: single, count: 1),
                            labelIDs: record.labelSymbols, strings: strings))
                    }
                    continue
                }
                scratch.removeAll()
                guard WindowDecoder.decode(record, minTime: minTime, maxTime: maxTime, chain: &chain, into: &scratch) > 0
                else { continue }
                try visitor.call(SeriesVisit(
                    seriesID: UInt64(record.id), samples: scratch.buffer, labelIDs: record.labelSymbols, strings: strings))
            }
            start = end
        }
    }

    /// Prefetches what decoding the group will read: records, chunk headers,
    /// then the stream where decoding resumes. Series answered from their
    /// record (the newest sample, when the window reaches it) need neither.
    private func prefetchChunks(
        _ state: borrowing ShardState, _ group: Range<Int>, minTime: Int64, maxTime: Int64, selection: SampleSelection
    ) {
        for position in group { state.prefetchRecord(slot: slots[position]) }
        for position in group {
            let record = state.records[slots[position]]
            guard let head = record.head, record.lastTime >= minTime else { continue }
            if selection == .newest && record.lastTime <= maxTime { continue }
            ShardState.prefetch(head, from: 0, to: Chunk.headerSize)
        }
        for position in group {
            let record = state.records[slots[position]]
            guard let head = record.head, record.lastTime >= minTime else { continue }
            if selection == .newest && record.lastTime <= maxTime { continue }
            // Every line of the head's stream from where decoding resumes:
            // decoding is a serial chain of loads, the hints are not.
            let resume = XORChunk.resumeBit(UnsafeRawPointer(head), from: minTime) &>> 3
            let end = (Int(Chunk.header(head).pointee.bitCount) &+ 7) &>> 3
            ShardState.prefetch(Chunk.data(head), from: resume, to: end)
        }
    }
}
