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
    /// lock: matchers with exact values are looked up now. The values of a
    /// label a regex must test are copied later, a few buckets per lock
    /// hold (`MemoryStore.fillCandidates`, `forValues`), and
    /// `ResolveSnapshot.resolve` runs the regexes after the lock is
    /// released, so neither a user-supplied pattern nor a copy of a million
    /// values runs while series creation and other queries wait.
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
            guard let nameID = symbols.find(matcher.name), let values = postings.byName[nameID] else {
                snapshot.steps.append(ResolveSnapshot.Step(matcher: matcher, drops: drops, lists: [], pendingName: nil))
                continue
            }
            guard let exact = Self.exactValues(matcher) else {
                if let bound, bound < values.count {
                    snapshot.deferred.append(ResolveSnapshot.Deferred(matcher: matcher, nameID: nameID))
                } else {
                    snapshot.steps.append(ResolveSnapshot.Step(matcher: matcher, drops: drops, lists: [], pendingName: nameID))
                }
                continue
            }
            var lists: [[UInt32]] = []
            for literal in exact {
                if let valueID = symbols.find(literal), let list = values[valueID] { lists.append(list) }
            }
            snapshot.steps.append(ResolveSnapshot.Step(matcher: matcher, drops: drops, lists: lists, pendingName: nil))
        }
        return snapshot
    }

    /// Calls `body` with the values of label `nameID` and their postings,
    /// bucket after bucket from `first`, until about `budget` values have
    /// been passed; returns the next bucket (`ValuePostings.bucketCount`
    /// when done, or when `name` no longer has that symbol: the label went
    /// away and its id may name something else now).
    func forValues(
        _ nameID: UInt32, named name: String, from first: Int, budget: Int, _ body: (String, [UInt32]) -> Void
    ) -> Int {
        guard symbols.find(name) == nameID, let values = postings.byName[nameID] else { return ValuePostings.bucketCount }
        var bucket = first
        var passed = 0
        while bucket < ValuePostings.bucketCount && passed < budget {
            for (valueID, list) in values.buckets[bucket] { body(symbols.directory.string(valueID), list) }
            passed += values.buckets[bucket].count
            bucket += 1
        }
        return bucket
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
}
