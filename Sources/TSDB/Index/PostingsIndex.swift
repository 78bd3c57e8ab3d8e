/// The inverted index: label name → value → sorted series ids, by symbol id.
///
/// Touched only when series are created or removed and when a query
/// resolves its matchers, never per sample.
struct PostingsIndex {
    private(set) var byName: [UInt32: ValuePostings] = [:]
    /// Every live series, for selectors whose matchers all accept "".
    private(set) var all: [UInt32] = []
    private(set) var entryCount = 0
    private(set) var listCount = 0

    mutating func add(id: UInt32, symbols: UnsafeBufferPointer<UInt32>) {
        var pair = 0
        while pair + 1 < symbols.count {
            if byName[symbols[pair], default: ValuePostings()].insert(id, value: symbols[pair + 1]) { listCount += 1 }
            entryCount += 1
            pair += 2
        }
        PostingList.insert(id, into: &all)
    }

    /// Merges sorted new ids into one list (batch adds).
    mutating func insert(_ ids: [UInt32], name: UInt32, value: UInt32) {
        let list = byName[name]?[value] ?? []
        if list.isEmpty { listCount += 1 }
        let merged = list.isEmpty ? ids : PostingList.merge(list, ids)
        entryCount += merged.count - list.count
        // Nested accessors modify in place: no copy of the name's values.
        byName[name, default: ValuePostings()].set(merged, value: value)
    }

    mutating func mergeIntoAll(_ ids: [UInt32]) {
        all = all.isEmpty ? ids : PostingList.merge(all, ids)
    }

    /// Removes many series at once: one pass per touched list, so retention
    /// of thousands of series does not shift the big lists thousands of times.
    mutating func remove(_ removed: [SeriesRef]) {
        guard !removed.isEmpty else { return }
        var perList: [UInt64: [UInt32]] = [:]
        var ids: [UInt32] = []
        ids.reserveCapacity(removed.count)
        for series in removed {
            ids.append(series.id)
            let symbols = series.symbols
            var pair = 0
            while pair + 1 < symbols.count {
                perList[UInt64(symbols[pair]) << 32 | UInt64(symbols[pair + 1]), default: []].append(series.id)
                pair += 2
            }
        }
        for (key, listIDs) in perList {
            let name = UInt32(truncatingIfNeeded: key >> 32)
            let value = UInt32(truncatingIfNeeded: key)
            guard var values = byName.removeValue(forKey: name) else { continue }
            if var list = values.remove(value: value) {
                let before = list.count
                PostingList.subtract(listIDs.sorted(), from: &list)
                entryCount -= before - list.count
                if list.isEmpty { listCount -= 1 } else { values.set(list, value: value) }
            }
            if !values.isEmpty { byName[name] = values }
        }
        ids.sort()
        PostingList.subtract(ids, from: &all)
    }

    var estimatedBytes: Int {
        // ids, per-list array headers + malloc, dictionary slots, buckets.
        entryCount * 4 + all.capacity * 4 + listCount * 64 + byName.count * (96 + ValuePostings.bucketCount * 8)
    }
}
