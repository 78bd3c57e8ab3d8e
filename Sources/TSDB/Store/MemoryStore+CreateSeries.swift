extension MemoryStore {
    /// Creates the batch's unknown series (or finds them, if a concurrent
    /// request created them meanwhile) and appends their samples.
    ///
    /// Holds the index lock throughout, so a series becomes visible in its
    /// shard and in the postings within one index critical section: a
    /// concurrent retention pass cannot interleave between the two.
    func createSeries(
        _ misses: [Int32], batch: BatchView, hashes: [UInt64], shardOf: [Int32], bounds: TimeBounds,
        tally: inout IngestTally
    ) {
        // A series none of whose samples is in bounds is not created at all.
        var creatable: [Int32] = []
        for miss in misses {
            let i = Int(miss)
            let samples = batch.samples(of: i)
            if samples.contains(where: { bounds.rejection($0.timestamp) == nil }) {
                creatable.append(miss)
            } else {
                for (offset, sample) in samples.enumerated() {
                    if let reason = bounds.rejection(sample.timestamp) {
                        tally.reject(seriesIndex: i, offset: offset, time: sample.timestamp, reason: reason)
                    }
                }
            }
        }
        guard !creatable.isEmpty else { return }
        let directory = symbolDirectory
        let limit = options.maxActiveSeries
        index.withLock { index in
            // Under a series limit, the first new series in batch order win.
            var permitted = [Bool](repeating: true, count: creatable.count)
            if limit > 0 && index.activeSeries + creatable.count > limit {
                let quota = max(0, limit - index.activeSeries)
                let byBatchOrder = creatable.indices.sorted { creatable[$0] < creatable[$1] }
                for position in byBatchOrder.dropFirst(quota) { permitted[position] = false }
            }
            var created: [SeriesRef] = []
            var symbols: [UInt32] = []
            var start = 0
            while start < creatable.count {
                let shard = Int(shardOf[Int(creatable[start])])
                var end = start + 1
                while end < creatable.count && Int(shardOf[Int(creatable[end])]) == shard { end += 1 }
                shards[shard].state.withLock { state in
                    for position in start ..< end {
                        let i = Int(creatable[position])
                        let labels = batch.labels(of: i)
                        let samples = batch.samples(of: i)
                        if let slot = state.find(hash: hashes[i], labels: labels, symbols: directory) {
                            tally.noteID(state.records[slot].id, at: i)
                            state.append(slot: slot, samples: samples, seriesIndex: i, bounds: bounds, tally: &tally)
                            continue
                        }
                        guard permitted[position], limit == 0 || index.activeSeries < limit,
                              index.symbols.retain(labels, into: &symbols),
                              let (slot, id) = symbols.withUnsafeBufferPointer({ state.create(hash: hashes[i], symbols: $0) })
                        else {
                            for symbol in symbols { index.symbols.release(symbol) }
                            symbols.removeAll(keepingCapacity: true)
                            for (offset, sample) in samples.enumerated() {
                                tally.reject(seriesIndex: i, offset: offset, time: sample.timestamp, reason: .seriesLimit)
                            }
                            continue
                        }
                        created.append(SeriesRef(id: id, symbols: symbols))
                        symbols.removeAll(keepingCapacity: true)
                        index.activeSeries += 1
                        tally.created += 1
                        tally.noteCreated(id, at: i)
                        state.append(slot: slot, samples: samples, seriesIndex: i, bounds: bounds, tally: &tally)
                    }
                }
                start = end
            }
            // Ascending ids make every postings insertion land at (or next to) the end.
            created.sort { $0.id < $1.id }
            for series in created {
                series.symbols.withUnsafeBufferPointer { index.postings.add(id: series.id, symbols: $0) }
            }
        }
    }
}

extension SymbolTable {
    /// Retains the symbols of one series' labels (skipping empty values) into
    /// `symbols` as name/value pairs. On failure (directory full) `symbols`
    /// holds what was retained so far, for the caller to release.
    mutating func retain(_ labels: UnsafeBufferPointer<RawLabel>, into symbols: inout [UInt32]) -> Bool {
        for label in labels where label.value.count > 0 {
            guard let name = retain(label.name) else { return false }
            symbols.append(name)
            guard let value = retain(label.value) else { return false }
            symbols.append(value)
        }
        return true
    }
}
