/// Series waiting to enter the postings together (a restart's restore):
/// ids and their (name, value) symbol pairs in flat arrays, so collecting
/// a hundred thousand series allocates a few arrays, not one per series.
struct PostingsBatch {
    private(set) var ids: [UInt32] = []
    /// Series `i`'s symbols are `symbols[starts[i] ..< starts[i + 1]]`.
    private(set) var starts: [Int] = [0]
    private(set) var symbols: [UInt32] = []

    var isEmpty: Bool { ids.isEmpty }

    mutating func append(id: UInt32, symbols pairs: some Collection<UInt32>) {
        ids.append(id)
        symbols.append(contentsOf: pairs)
        starts.append(symbols.count)
    }
}

extension PostingsIndex {
    /// Adds a batch: each touched list gets its new ids in one merge. The
    /// lists are numbered first and the ids placed by counting, so the
    /// cost is a dictionary probe per label and one array per list.
    mutating func add(_ batch: PostingsBatch) {
        guard !batch.isEmpty else { return }
        var numbers: [UInt64: Int32] = [:]
        numbers.reserveCapacity(batch.symbols.count / 4)
        var keys: [UInt64] = []
        var counts: [Int] = []
        var listOfLabel = [Int32](repeating: 0, count: batch.symbols.count / 2)
        for pair in 0 ..< batch.symbols.count / 2 {
            let key = UInt64(batch.symbols[pair * 2]) << 32 | UInt64(batch.symbols[pair * 2 + 1])
            let number: Int32
            if let known = numbers[key] {
                number = known
            } else {
                number = Int32(keys.count)
                numbers[key] = number
                keys.append(key)
                counts.append(0)
            }
            counts[Int(number)] += 1
            listOfLabel[pair] = number
        }
        var offsets = [Int](repeating: 0, count: keys.count + 1)
        for list in keys.indices { offsets[list + 1] = offsets[list] + counts[list] }
        var cursor = offsets
        var grouped = [UInt32](repeating: 0, count: listOfLabel.count)
        for series in batch.ids.indices {
            for pair in batch.starts[series] / 2 ..< batch.starts[series + 1] / 2 {
                let list = Int(listOfLabel[pair])
                grouped[cursor[list]] = batch.ids[series]
                cursor[list] += 1
            }
        }
        for list in keys.indices {
            // Runs of ascending ids, one per shard: the sort merges them.
            let ids = grouped[offsets[list] ..< offsets[list + 1]].sorted()
            let name = UInt32(truncatingIfNeeded: keys[list] >> 32)
            let value = UInt32(truncatingIfNeeded: keys[list])
            insert(ids, name: name, value: value)
        }
        mergeIntoAll(batch.ids.sorted())
    }
}
