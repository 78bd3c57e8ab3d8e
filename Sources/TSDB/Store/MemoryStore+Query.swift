extension MemoryStore {
    public func select(_ matchers: [LabelMatcher], minTime: Int64, maxTime: Int64) throws -> [SelectedSeries] {
        guard minTime <= maxTime else { return [] }
        let (ids, highWater) = try resolve(matchers)
        guard !ids.isEmpty else { return [] }
        var gather = SeriesGather(symbolHighWater: highWater, expectedSeries: ids.count)
        let directory = symbolDirectory
        try forEachSpan(of: ids) { shard, shardIDs in
            shards[shard].state.withLock { state in
                gather.collect(from: state, ids: shardIDs, minTime: minTime, maxTime: maxTime, directory: directory)
            }
        }
        // Built in gather order (sequential memory), then permuted: building
        // in sorted order would miss the cache once per series.
        let built = (0 ..< gather.count).map { series in
            SelectedSeries(labels: gather.labels(of: series), samples: gather.samples(of: series))
        }
        return gather.sortedOrder().map { built[$0] }
    }

    public func series(_ matchers: [LabelMatcher], minTime: Int64, maxTime: Int64) throws -> [Labels] {
        guard minTime <= maxTime else { return [] }
        let (ids, highWater) = try resolve(matchers)
        guard !ids.isEmpty else { return [] }
        var gather = SeriesGather(symbolHighWater: highWater, expectedSeries: ids.count)
        let directory = symbolDirectory
        try visit(ids) { record in
            if MemoryStore.overlaps(record, minTime, maxTime) { gather.addLabels(record, directory) }
        }
        let built = (0 ..< gather.count).map { gather.labels(of: $0) }
        return gather.sortedOrder().map { built[$0] }
    }

    public func labelNames(_ matchers: [LabelMatcher], minTime: Int64, maxTime: Int64) throws -> [String] {
        guard minTime <= maxTime else { return [] }
        if matchers.isEmpty {
            guard headOverlaps(minTime, maxTime) else { return [] }
            return index.withLock { $0.allLabelNames() }
        }
        let (ids, _) = try resolve(matchers)
        var names: [UInt32: String] = [:]
        let directory = symbolDirectory
        try visit(ids) { record in
            guard MemoryStore.overlaps(record, minTime, maxTime) else { return }
            let symbols = record.labelSymbols
            var pair = 0
            while pair < symbols.count {
                if names[symbols[pair]] == nil { names[symbols[pair]] = directory.string(symbols[pair]) }
                pair += 2
            }
        }
        return names.values.sorted()
    }

    public func labelValues(_ name: String, _ matchers: [LabelMatcher], minTime: Int64, maxTime: Int64) throws -> [String] {
        guard minTime <= maxTime else { return [] }
        if matchers.isEmpty {
            guard headOverlaps(minTime, maxTime) else { return [] }
            return try allLabelValues(name)
        }
        let (ids, _) = try resolve(matchers)
        guard let nameID = index.withLock({ $0.symbols.find(name) }) else { return [] }
        var values: [UInt32: String] = [:]
        let directory = symbolDirectory
        try visit(ids) { record in
            guard MemoryStore.overlaps(record, minTime, maxTime) else { return }
            let symbols = record.labelSymbols
            var pair = 0
            while pair < symbols.count {
                if symbols[pair] == nameID {
                    let value = symbols[pair + 1]
                    if values[value] == nil { values[value] = directory.string(value) }
                    break
                }
                pair += 2
            }
        }
        return values.values.sorted()
    }

    // MARK: shared steps

    /// Keeps the ids (sorted) whose series' own label values satisfy the
    /// matchers `IndexState.snapshot` deferred; a missing label reads as "".
    func filter(_ ids: [UInt32], by deferred: [ResolveSnapshot.Deferred]) throws -> [UInt32] {
        guard !deferred.isEmpty, !ids.isEmpty else { return ids }
        var kept: [UInt32] = []
        kept.reserveCapacity(ids.count)
        let directory = symbolDirectory
        try visit(ids) { record in
            let symbols = record.labelSymbols
            for step in deferred {
                var value = ""
                var pair = 0
                while pair < symbols.count {
                    if symbols[pair] == step.nameID {
                        value = directory.string(symbols[pair + 1])
                        break
                    }
                    pair += 2
                }
                if !step.matcher.matches(value) { return }
            }
            kept.append(record.id)
        }
        kept.sort()
        return kept
    }

    /// Calls `body` for each live series among `ids`, one span of a shard
    /// under its lock at a time. Ids of series removed since resolution are
    /// skipped.
    func visit(_ ids: [UInt32], _ body: (SeriesRecord) -> Void) throws {
        try forEachSpan(of: ids) { shard, shardIDs in
            shards[shard].state.withLock { state in
                for id in shardIDs {
                    if let slot = state.slot(forID: id) { body(state.records[slot]) }
                }
            }
        }
    }

    /// Series read per shard-lock hold by a scan: ingest into that shard
    /// waits for at most this many series, and the query's deadline is
    /// checked between spans.
    static let scanSpan = ScanDeadline.checkInterval

    /// `forEachShard` in spans of at most `scanSpan` ids (each span sorted,
    /// all in one shard), checking the current `ScanDeadline` before each.
    func forEachSpan(of ids: [UInt32], _ body: (Int, ArraySlice<UInt32>) throws -> Void) throws {
        let deadline = ScanDeadline.current
        try forEachShard(of: ids) { shard, shardIDs in
            var start = shardIDs.startIndex
            while start < shardIDs.endIndex {
                try deadline.check()
                let end = min(start + Self.scanSpan, shardIDs.endIndex)
                try body(shard, shardIDs[start ..< end])
                start = end
            }
        }
    }

    /// Groups sorted ids by shard (each group stays sorted) and calls `body`
    /// once per shard that has any.
    func forEachShard(of ids: [UInt32], _ body: (Int, ArraySlice<UInt32>) throws -> Void) rethrows {
        guard !ids.isEmpty else { return }
        var starts = [Int](repeating: 0, count: shards.count + 1)
        for id in ids { starts[SeriesID.shard(id, mask: shardMask) + 1] += 1 }
        for shard in 0 ..< shards.count { starts[shard + 1] += starts[shard] }
        var grouped = [UInt32](repeating: 0, count: ids.count)
        var fill = starts
        for id in ids {
            let shard = SeriesID.shard(id, mask: shardMask)
            grouped[fill[shard]] = id
            fill[shard] += 1
        }
        for shard in 0 ..< shards.count where starts[shard] < starts[shard + 1] {
            try body(shard, grouped[starts[shard] ..< starts[shard + 1]])
        }
    }

    static func overlaps(_ record: SeriesRecord, _ minTime: Int64, _ maxTime: Int64) -> Bool {
        record.head != nil && record.maxTime >= minTime && record.minTime <= maxTime
    }

    /// Whether any data in the store may fall in the range (Prometheus answers
    /// label queries without matchers from the index after this check).
    func headOverlaps(_ minTime: Int64, _ maxTime: Int64) -> Bool {
        var low = Int64.max
        var high = Int64.min
        for shard in shards {
            shard.state.withLock { state in
                if state.counters.series > 0 {
                    low = min(low, state.minTime)
                    high = max(high, state.maxTime)
                }
            }
        }
        return low <= maxTime && high >= minTime
    }
}
