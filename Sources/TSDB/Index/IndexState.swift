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
    ///
    /// A matcher without exact values on a label with more values than an
    /// exact matcher's series (`pod!=""` beside `workload="x"`, as every
    /// custom metrics `pods/*` request has) is deferred: copying and
    /// unioning every pod's postings would cost the whole store under the
    /// lock, while `MemoryStore.filter` checks the few selected series'
    /// own labels.
    func snapshot(_ matchers: [LabelMatcher]) -> ResolveSnapshot {
        var snapshot = ResolveSnapshot(all: postings.all)
        var bound: Int?
        for matcher in matchers {
            if let count = exactUnionBound(matcher) { bound = min(bound ?? count, count) }
        }
        for matcher in matchers {
            // A matcher accepting "" also accepts series without the label:
            // it drops the series whose value it refuses.
            let drops = matcher.matchesEmpty
            let exact = Self.exactValues(matcher)
            guard let nameID = symbols.find(matcher.name), let values = postings.byName[nameID] else {
                snapshot.steps.append(ResolveSnapshot.Step(matcher: matcher, drops: drops, lists: [], candidates: []))
                continue
            }
            if exact == nil, let bound, bound < values.count {
                snapshot.deferred.append(ResolveSnapshot.Deferred(matcher: matcher, nameID: nameID))
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

    /// The values whose postings count for `matcher` without testing the
    /// others: its accepted values, or for a matcher accepting "" its refused
    /// ones; nil when every value has to be tested.
    static func exactValues(_ matcher: LabelMatcher) -> Set<String>? {
        matcher.matchesEmpty
            ? (matcher.kind == .notEqual ? [matcher.value] : matcher.kind == .regexNoMatch ? matcher.pattern?.literals : nil)
            : (matcher.kind == .equal ? [matcher.value] : matcher.kind == .regexMatch ? matcher.pattern?.literals : nil)
    }

    /// How many series at most a required matcher with exact values keeps
    /// (the sum of its values' postings); nil for other matchers.
    func exactUnionBound(_ matcher: LabelMatcher) -> Int? {
        guard !matcher.matchesEmpty, let exact = Self.exactValues(matcher) else { return nil }
        guard let nameID = symbols.find(matcher.name), let values = postings.byName[nameID] else { return 0 }
        var total = 0
        for literal in exact {
            if let valueID = symbols.find(literal), let list = values[valueID] { total += list.count }
        }
        return total
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

    /// A matcher left for `MemoryStore.filter` to test on the series' labels.
    struct Deferred {
        let matcher: LabelMatcher
        let nameID: UInt32
    }

    let all: [UInt32]
    var steps: [Step] = []
    var deferred: [Deferred] = []

    init(all: [UInt32]) { self.all = all }

    /// Series ids selected by all matchers but the deferred ones, sorted,
    /// with Prometheus's rule that a matcher accepting "" also accepts
    /// series without the label.
    func resolve() -> [UInt32] {
        var required: [[UInt32]] = []
        var excluded: [[UInt32]] = []
        for step in steps {
            var lists = step.lists
            for (value, list) in step.candidates where step.matcher.matches(value) != step.drops { lists.append(list) }
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
