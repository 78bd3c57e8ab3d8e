extension SeriesQuerier {
    /// `visitSeries` lending all samples in range.
    public func visitSeries(
        _ matchers: [LabelMatcher], minTime: Int64, maxTime: Int64, _ visitor: (borrowing SeriesVisit) throws -> Void
    ) throws {
        try visitSeries(matchers, minTime: minTime, maxTime: maxTime, samples: .all, visitor)
    }

    /// The default for queriers without a streaming read path: `select`,
    /// then the series in its (label) order, numbered from 0, with label ids
    /// from a table interned for this call.
    public func visitSeries(
        _ matchers: [LabelMatcher], minTime: Int64, maxTime: Int64, samples selection: SampleSelection,
        _ visitor: (borrowing SeriesVisit) throws -> Void
    ) throws {
        let selected = try select(matchers, minTime: minTime, maxTime: maxTime)
        var strings: [String] = []
        var idOf: [String: UInt32] = [:]
        var ids: [UInt32] = []
        var ends: [Int] = []
        ends.reserveCapacity(selected.count)
        func intern(_ text: String) {
            if let id = idOf[text] {
                ids.append(id)
                return
            }
            let id = UInt32(truncatingIfNeeded: strings.count)
            idOf[text] = id
            strings.append(text)
            ids.append(id)
        }
        for series in selected {
            for label in series.labels {
                intern(label.name)
                intern(label.value)
            }
            ends.append(ids.count)
        }
        try strings.withUnsafeBufferPointer { table in
            try ids.withUnsafeBufferPointer { allIDs in
                var start = 0
                for (index, series) in selected.enumerated() {
                    let labelIDs = UnsafeBufferPointer(rebasing: allIDs[start ..< ends[index]])
                    start = ends[index]
                    try series.samples.withUnsafeBufferPointer { all in
                        try Self.lend(all, selection, minTime, maxTime) { samples in
                            try visitor(SeriesVisit(
                                seriesID: UInt64(index), samples: samples, labelIDs: labelIDs, strings: .table(table)))
                        }
                    }
                }
            }
        }
    }

    /// Trims to `[minTime, maxTime]` (a querier may return more), keeps only
    /// the newest sample when asked, and skips series left without samples.
    private static func lend(
        _ all: UnsafeBufferPointer<Sample>, _ selection: SampleSelection, _ minTime: Int64, _ maxTime: Int64,
        _ body: (UnsafeBufferPointer<Sample>) throws -> Void
    ) rethrows {
        var lower = 0
        while lower < all.count && all[lower].timestamp < minTime { lower += 1 }
        var upper = all.count
        while upper > lower && all[upper - 1].timestamp > maxTime { upper -= 1 }
        guard upper > lower else { return }
        if selection == .newest { lower = upper - 1 }
        try body(UnsafeBufferPointer(rebasing: all[lower ..< upper]))
    }
}
