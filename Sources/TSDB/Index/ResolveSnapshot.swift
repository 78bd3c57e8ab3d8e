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
        /// The label whose every value must be tested, until
        /// `MemoryStore.fillCandidates` has copied them into `candidates`.
        var pendingName: UInt32?
        /// Every value of the label with its postings, to test here.
        var candidates: [(String, [UInt32])] = []
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

    /// Series ids selected by all matchers but the deferred ones, sorted, with Prometheus's rule
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
