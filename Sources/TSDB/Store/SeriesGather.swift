/// Collects selected series under shard locks and orders them by labels.
///
/// Sorting by `Labels` compares Swift strings, far too slow for 100k series,
/// so each series is kept as a run of symbol ids; the distinct symbols are
/// ranked once by string and series are then sorted by integer ranks.
///
/// Keying by symbol id is safe for the whole query: every series read was
/// alive when the query resolved its postings, and a symbol cannot change
/// its string while a live series uses it.
///
/// `@unchecked Sendable` only because of the `chain` scratch array of chunk
/// pointers, which is filled and read within one shard critical section.
struct SeriesGather: @unchecked Sendable {
    private var local: LocalSymbolMap
    private(set) var strings: [String] = []
    /// Per series: local symbol indices, name/value pairs.
    private var keys: [UInt32] = []
    private var keyStarts: [Int] = [0]
    /// Per series (in `select`): its samples, copied out of `scratch` at
    /// their exact size.
    private var sampleArrays: [[Sample]] = []
    private var scratch: [Sample] = []
    private var chain: [UnsafeMutableRawPointer] = []
    private var slots: [Int] = []

    init(symbolHighWater: Int, expectedSeries: Int) {
        local = LocalSymbolMap(highWater: symbolHighWater, expected: expectedSeries)
        keys.reserveCapacity(expectedSeries * 16)
        keyStarts.reserveCapacity(expectedSeries + 1)
        scratch.reserveCapacity(256)
    }

    var count: Int { keyStarts.count - 1 }

    /// Records a series' labels (call under its shard lock).
    mutating func addLabels(_ record: SeriesRecord, _ directory: SymbolDirectory) {
        for symbol in record.labelSymbols {
            let index = local.index(of: symbol) { strings.count }
            if index == strings.count { strings.append(directory.string(symbol)) }
            keys.append(UInt32(truncatingIfNeeded: index))
        }
        keyStarts.append(keys.count)
    }

    /// Selects the live series among `ids` (all in this shard) that have
    /// samples in [minTime, maxTime], with their samples and labels.
    ///
    /// Reading 100k series is bound by cache misses on chunk memory, one
    /// series after another. So it goes in groups, with prefetch hints level
    /// by level (see ShardState+Prefetch): the records, every chunk header,
    /// then the stream where decoding will start; the decode pass then finds
    /// the lines in cache.
    mutating func collect(
        from state: borrowing ShardState, ids: ArraySlice<UInt32>, minTime: Int64, maxTime: Int64,
        directory: SymbolDirectory
    ) {
        state.slots(of: ids, into: &slots)
        var start = 0
        while start < slots.count {
            let end = min(start + 128, slots.count)
            for position in start ..< end { state.prefetchRecord(slot: slots[position]) }
            for position in start ..< end {
                guard let head = state.records[slots[position]].head else { continue }
                ShardState.prefetch(head, from: 0, to: Chunk.headerSize)
            }
            for position in start ..< end {
                guard let head = state.records[slots[position]].head else { continue }
                let byte = XORChunk.resumeBit(UnsafeRawPointer(head), from: minTime) &>> 3
                ShardState.prefetch(Chunk.data(head), from: byte, to: byte &+ 1)
            }
            for position in start ..< end {
                let record = state.records[slots[position]]
                scratch.removeAll(keepingCapacity: true)
                if decode(record, minTime: minTime, maxTime: maxTime) > 0 {
                    // A fresh exact-size copy: `Array(scratch)` would share the
                    // buffer and make the next `removeAll` reallocate it.
                    sampleArrays.append(scratch.withUnsafeBufferPointer { source in
                        [Sample](unsafeUninitializedCapacity: source.count) { target, initialized in
                            _ = target.initialize(fromContentsOf: source)
                            initialized = source.count
                        }
                    })
                    addLabels(record, directory)
                }
            }
            start = end
        }
    }

    /// Decodes the record's samples in [minTime, maxTime] into `scratch`;
    /// returns how many were added.
    @inline(__always)
    mutating func decode(_ record: SeriesRecord, minTime: Int64, maxTime: Int64) -> Int {
        WindowDecoder.decode(record, minTime: minTime, maxTime: maxTime, chain: &chain, into: &scratch)
    }

    /// Series indices in label order.
    ///
    /// Each series' (name, value) rank sequence is packed, position by
    /// position, into one 64-bit key using as few bits per position as that
    /// position has distinct ranks; an integer sort then does nearly all the
    /// work, and full comparison only breaks ties of keys that could not hold
    /// every position.
    func sortedOrder() -> [Int] {
        let count = self.count
        guard count > 1 else { return Array(0 ..< count) }
        let ranks = rankSymbols()
        var rankKeys = keys
        for index in rankKeys.indices { rankKeys[index] = ranks[Int(rankKeys[index])] }
        var packed = [UInt64](repeating: 0, count: count)
        var longest = 0
        for series in 0 ..< count { longest = max(longest, keyStarts[series + 1] - keyStarts[series]) }
        // Dense per-position codes; when some series lack the position, 0
        // means absent (shorter sorts first) and codes start at 1.
        var codes = [UInt32](repeating: 0, count: strings.count)
        var usedBits = 0
        var packedPositions = 0
        while packedPositions < longest {
            let position = packedPositions
            for index in codes.indices { codes[index] = 0 }
            var present = 0
            for series in 0 ..< count where keyStarts[series] + position < keyStarts[series + 1] {
                codes[Int(rankKeys[keyStarts[series] + position])] = 1
                present += 1
            }
            var next: UInt32 = present == count ? 0 : 1
            for index in codes.indices where codes[index] != 0 {
                codes[index] = next
                next += 1
            }
            let bits = UInt32.bitWidth - (next - 1).leadingZeroBitCount
            guard usedBits + bits <= 64 else { break }
            usedBits += bits
            if bits > 0 {
                for series in 0 ..< count {
                    let at = keyStarts[series] + position
                    let code = at < keyStarts[series + 1] ? UInt64(codes[Int(rankKeys[at])]) : 0
                    packed[series] = packed[series] &<< UInt64(bits) | code
                }
            }
            packedPositions += 1
        }
        let complete = packedPositions >= longest
        let indexBits = Int.bitWidth - (count - 1).leadingZeroBitCount
        if complete && usedBits + indexBits <= 64 {
            // Every key is unique and fits with its index: sort plain integers.
            var keyed = (0 ..< count).map { packed[$0] &<< UInt64(indexBits) | UInt64($0) }
            keyed.sort()
            let mask = (UInt64(1) &<< UInt64(indexBits)) &- 1
            return keyed.map { Int($0 & mask) }
        }
        // Left-align so keys that stopped packing early still compare right.
        if usedBits < 64 && usedBits > 0 {
            for series in 0 ..< count { packed[series] &<<= UInt64(64 - usedBits) }
        }
        var order = (0 ..< count).map { (key: packed[$0], series: Int32(truncatingIfNeeded: $0)) }
        rankKeys.withUnsafeBufferPointer { keys in
            keyStarts.withUnsafeBufferPointer { starts in
                order.sort { a, b in
                    if a.key != b.key || complete { return a.key < b.key }
                    let x = Int(a.series)
                    let y = Int(b.series)
                    var i = starts[x] + packedPositions
                    var j = starts[y] + packedPositions
                    let endA = starts[x + 1]
                    let endB = starts[y + 1]
                    while i < endA && j < endB {
                        if keys[i] != keys[j] { return keys[i] < keys[j] }
                        i += 1
                        j += 1
                    }
                    return endA - i < endB - j
                }
            }
        }
        return order.map { Int($0.series) }
    }

    private func rankSymbols() -> [UInt32] {
        let byString = strings.indices.sorted { strings[$0] < strings[$1] }
        var ranks = [UInt32](repeating: 0, count: strings.count)
        for (rank, index) in byString.enumerated() { ranks[index] = UInt32(rank) }
        return ranks
    }

    func labels(of series: Int) -> Labels {
        let start = keyStarts[series]
        let count = (keyStarts[series + 1] - start) / 2
        let labels = strings.withUnsafeBufferPointer { strings in
            keys.withUnsafeBufferPointer { keys in
                [Label](unsafeUninitializedCapacity: count) { buffer, initialized in
                    for i in 0 ..< count {
                        let name = strings[Int(keys[start + 2 * i])]
                        let value = strings[Int(keys[start + 2 * i + 1])]
                        buffer.initializeElement(at: i, to: Label(name, value))
                    }
                    initialized = count
                }
            }
        }
        return Labels(sorted: labels)
    }

    func samples(of series: Int) -> [Sample] {
        sampleArrays[series]
    }
}

/// Symbol id → query-local index: a flat array when the symbol space is
/// small relative to the query, a dictionary otherwise.
struct LocalSymbolMap {
    private var flat: [Int32]
    private var sparse: [UInt32: Int32] = [:]
    private let useFlat: Bool

    init(highWater: Int, expected: Int) {
        useFlat = highWater <= max(1 << 16, expected * 32)
        flat = useFlat ? [Int32](repeating: -1, count: highWater) : []
    }

    /// The index for `symbol`, assigning `next()` when first seen.
    @inline(__always)
    mutating func index(of symbol: UInt32, next: () -> Int) -> Int {
        if useFlat, Int(symbol) < flat.count {
            let known = flat[Int(symbol)]
            if known >= 0 { return Int(known) }
            let assigned = next()
            flat[Int(symbol)] = Int32(truncatingIfNeeded: assigned)
            return assigned
        }
        if let known = sparse[symbol] { return Int(known) }
        let assigned = next()
        sparse[symbol] = Int32(truncatingIfNeeded: assigned)
        return assigned
    }
}
