extension MemoryStore {
    /// Matching ids (sorted) and the symbol-id high-water mark at the start.
    /// Stops when the query's `ScanDeadline` passes.
    func resolve(_ matchers: [LabelMatcher]) throws -> ([UInt32], Int) {
        var (snapshot, highWater) = index.withLock { index in (index.snapshot(matchers), Int(index.symbols.highWater)) }
        try fillCandidates(&snapshot)
        return (try filter(try snapshot.resolve(), by: snapshot.deferred), highWater)
    }

    /// Copies the values (with postings) of every label a regex must test,
    /// `options.valuesPerIndexHold` at a time. Values created or removed
    /// between holds may be seen or not, as series created during a query
    /// may.
    func fillCandidates(_ snapshot: inout ResolveSnapshot) throws(ScanInterrupted) {
        let deadline = ScanDeadline.current
        for step in snapshot.steps.indices {
            guard let nameID = snapshot.steps[step].pendingName else { continue }
            let name = snapshot.steps[step].matcher.name
            var candidates: [(String, [UInt32])] = []
            var bucket = 0
            while bucket < ValuePostings.bucketCount {
                try deadline.check()
                bucket = index.withLock { index in
                    index.forValues(nameID, named: name, from: bucket, budget: options.valuesPerIndexHold) {
                        candidates.append(($0, $1))
                    }
                }
            }
            snapshot.steps[step].candidates = candidates
            snapshot.steps[step].pendingName = nil
        }
    }

    /// Sorted values of `name` over all series: copied
    /// `options.valuesPerIndexHold` at a time, sorted after the lock is
    /// released.
    func allLabelValues(_ name: String) throws(ScanInterrupted) -> [String] {
        guard let nameID = index.withLock({ $0.symbols.find(name) }) else { return [] }
        let deadline = ScanDeadline.current
        var values: [String] = []
        var bucket = 0
        while bucket < ValuePostings.bucketCount {
            try deadline.check()
            bucket = index.withLock { index in
                index.forValues(nameID, named: name, from: bucket, budget: options.valuesPerIndexHold) { value, _ in
                    values.append(value)
                }
            }
        }
        return values.sorted()
    }
}
