/// Everything behind the index lock: symbols, postings and the series count.
struct IndexState: ~Copyable {
    var symbols: SymbolTable
    var postings = PostingsIndex()
    var activeSeries = 0

    init(directory: SymbolDirectory) {
        symbols = SymbolTable(directory: directory)
    }

    deinit {
        symbols.destroy()
    }

    /// What resolving `matchers` needs from the index, taken under the
    /// lock: matchers with exact values are looked up now; for the others,
    /// each value of the label is copied with its postings (a reference
    /// count each), and `ResolveSnapshot.resolve` runs the regexes after
    /// the lock is released, so no user-supplied pattern runs while ingest
    /// and other queries wait for the index.
    func snapshot(_ matchers: [LabelMatcher]) -> ResolveSnapshot {
        var snapshot = ResolveSnapshot(all: postings.all)
        for matcher in matchers {
            // A matcher accepting "" also accepts series without the label:
            // it drops the series whose value it refuses.
            let drops = matcher.matchesEmpty
            let exact: Set<String>? = drops
                ? (matcher.kind == .notEqual ? [matcher.value] : matcher.kind == .regexNoMatch ? matcher.pattern?.literals : nil)
                : (matcher.kind == .equal ? [matcher.value] : matcher.kind == .regexMatch ? matcher.pattern?.literals : nil)
            guard let nameID = symbols.find(matcher.name), let values = postings.byName[nameID] else {
                snapshot.steps.append(ResolveSnapshot.Step(matcher: matcher, drops: drops, lists: [], candidates: []))
                continue
            }
            var lists: [[UInt32]] = []
            var candidates: [(String, [UInt32])] = []
            if let exact {
                for literal in exact {
                    if let valueID = symbols.find(literal), let list = values[valueID] { lists.append(list) }
                }
            } else {
                candidates.reserveCapacity(values.count)
                for (valueID, list) in values { candidates.append((symbols.directory.string(valueID), list)) }
            }
            snapshot.steps.append(ResolveSnapshot.Step(matcher: matcher, drops: drops, lists: lists, candidates: candidates))
        }
        return snapshot
    }

    /// Sorted names of all labels in the index.
    func allLabelNames() -> [String] {
        postings.byName.keys.map { symbols.directory.string($0) }.sorted()
    }

    /// Sorted values of `name` over all series.
    func allLabelValues(_ name: String) -> [String] {
        guard let nameID = symbols.find(name), let values = postings.byName[nameID] else { return [] }
        return values.keys.map { symbols.directory.string($0) }.sorted()
    }
}

/// The index's side of a selector, copied out under the lock (see
/// `IndexState.snapshot`); `resolve` finishes the work without it.
struct ResolveSnapshot {
    struct Step {
        let matcher: LabelMatcher
        /// True: the series whose value is refused are dropped (the matcher
        /// accepts ""); false: only series with an accepted value are kept.
        let drops: Bool
        /// Postings of values already known to be the ones that count.
        let lists: [[UInt32]]
        /// Every value of the label with its postings, to test here.
        let candidates: [(String, [UInt32])]
    }

    let all: [UInt32]
    var steps: [Step] = []

    init(all: [UInt32]) { self.all = all }

    /// Series ids selected by all matchers, sorted, with Prometheus's rule
    /// that a matcher accepting "" also accepts series without the label.
    /// Stops when the current query's deadline passes (`ScanDeadline`).
    func resolve() throws(ScanInterrupted) -> [UInt32] {
        let deadline = ScanDeadline.current
        var checks = 0
        var required: [[UInt32]] = []
        var excluded: [[UInt32]] = []
        for step in steps {
            var lists = step.lists
            for (value, list) in step.candidates {
                try deadline.check(every: &checks)
                if step.matcher.matches(value) != step.drops { lists.append(list) }
            }
            try deadline.check()
            let union = PostingList.union(lists)
            if step.drops {
                if !union.isEmpty { excluded.append(union) }
            } else {
                if union.isEmpty { return [] }
                required.append(union)
            }
        }
        var result: [UInt32]
        if required.isEmpty {
            result = all
        } else {
            required.sort { $0.count < $1.count }
            result = required[0]
            for list in required.dropFirst() {
                try deadline.check()
                result = PostingList.intersect(result, list)
                if result.isEmpty { return [] }
            }
        }
        if !excluded.isEmpty {
            PostingList.subtract(PostingList.union(excluded), from: &result)
        }
        return result
    }
}
