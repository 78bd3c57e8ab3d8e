/// A bounded ring of exemplars; the oldest is overwritten when full.
///
/// Like Prometheus's circular exemplar storage it refuses an exemplar older
/// than the newest one of its series, and an exact repeat of that newest one.
struct ExemplarRing {
    private struct SeriesInfo {
        var count: Int
        var newest: Exemplar
    }

    let capacity: Int
    private var buffer: [Exemplar] = []
    private var next = 0
    private var bySeries: [Labels: SeriesInfo] = [:]

    init(capacity: Int) {
        self.capacity = max(capacity, 0)
    }

    var count: Int { buffer.count }

    /// False when refused (duplicate, out of order or capacity 0).
    mutating func add(_ exemplar: Exemplar) -> Bool {
        guard capacity > 0 else { return false }
        if let info = bySeries[exemplar.seriesLabels] {
            if exemplar.timestamp < info.newest.timestamp || exemplar == info.newest { return false }
        }
        if buffer.count < capacity {
            buffer.append(exemplar)
        } else {
            forget(buffer[next])
            buffer[next] = exemplar
            next = (next + 1) % capacity
        }
        let count = (bySeries[exemplar.seriesLabels]?.count ?? 0) + 1
        bySeries[exemplar.seriesLabels] = SeriesInfo(count: count, newest: exemplar)
        return true
    }

    private mutating func forget(_ exemplar: Exemplar) {
        guard var info = bySeries[exemplar.seriesLabels] else { return }
        info.count -= 1
        bySeries[exemplar.seriesLabels] = info.count == 0 ? nil : info
    }

    /// Exemplars of matching series in [minTime, maxTime], by series then time.
    func query(_ matchers: [LabelMatcher], minTime: Int64, maxTime: Int64) -> [Exemplar] {
        let selected = buffer.filter { exemplar in
            exemplar.timestamp >= minTime && exemplar.timestamp <= maxTime
                && matchers.allSatisfy { $0.matches(exemplar.seriesLabels[$0.name] ?? "") }
        }
        return selected.sorted {
            $0.seriesLabels != $1.seriesLabels ? $0.seriesLabels < $1.seriesLabels : $0.timestamp < $1.timestamp
        }
    }
}

extension MemoryStore {
    /// Adds exemplars to the bounded ring (oldest overwritten; out-of-order
    /// and repeated exemplars of a series are dropped, as in Prometheus).
    public func addExemplars(_ exemplars: [Exemplar]) {
        _ = keepExemplars(exemplars)
    }

    /// `addExemplars`, returning how many were kept.
    public func keepExemplars(_ exemplars: [Exemplar]) -> Int {
        guard !exemplars.isEmpty else { return 0 }
        return exemplarRing.withLock { ring in
            var kept = 0
            for exemplar in exemplars where ring.add(exemplar) { kept += 1 }
            return kept
        }
    }

    public func exemplars(_ matchers: [LabelMatcher], minTime: Int64, maxTime: Int64) -> [Exemplar] {
        exemplarRing.withLock { $0.query(matchers, minTime: minTime, maxTime: maxTime) }
    }
}
