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

    /// Series ids selected by all `matchers`, sorted, with Prometheus's rule
    /// that a matcher accepting "" also accepts series without the label.
    func resolve(_ matchers: [LabelMatcher]) -> [UInt32] {
        var required: [[UInt32]] = []
        var excluded: [[UInt32]] = []
        for matcher in matchers {
            if matcher.matchesEmpty {
                // Keep series whose value matches or that lack the label:
                // drop those with a value the matcher refuses.
                let drop = union(of: matcher.name) { !matcher.matches($0) } literals: {
                    matcher.kind == .notEqual ? [matcher.value]
                        : matcher.kind == .regexNoMatch ? matcher.pattern?.literals : nil
                }
                if !drop.isEmpty { excluded.append(drop) }
            } else {
                let keep = union(of: matcher.name) { matcher.matches($0) } literals: {
                    matcher.kind == .equal ? [matcher.value]
                        : matcher.kind == .regexMatch ? matcher.pattern?.literals : nil
                }
                if keep.isEmpty { return [] }
                required.append(keep)
            }
        }
        var result: [UInt32]
        if required.isEmpty {
            result = postings.all
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

    /// Union of the postings of `name`'s values accepted by `accepts`; when
    /// `literals` names the exact values, they are looked up directly.
    private func union(
        of name: String, accepts: (String) -> Bool, literals: () -> Set<String>?
    ) -> [UInt32] {
        guard let nameID = symbols.find(name), let values = postings.byName[nameID] else { return [] }
        var lists: [[UInt32]] = []
        if let exact = literals() {
            for literal in exact {
                if let valueID = symbols.find(literal), let list = values[valueID] { lists.append(list) }
            }
        } else {
            let directory = symbols.directory
            for (valueID, list) in values where accepts(directory.string(valueID)) {
                lists.append(list)
            }
        }
        return PostingList.union(lists)
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
