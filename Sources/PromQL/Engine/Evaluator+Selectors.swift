import TSDB

extension Evaluator {
    /// Where and how far an instant selector looks, after `@` and `offset`.
    struct SelectorReach {
        /// The reference time of every step when pinned by `@`.
        var pinned: Int64?
        var offset: Int64
        var lookback: Int64
        /// Reference times of the first and last step.
        var firstRef: Int64
        var lastRef: Int64

        /// The range storage must provide.
        var minTime: Int64 { firstRef.minus(lookback) }

        /// An instant query, or a pinned selector, needs only each series'
        /// newest sample in range; the store can answer that without decoding.
        func selection(_ grid: StepGrid) -> SampleSelection {
            pinned != nil || grid.count == 1 ? .newest : .all
        }
    }

    func reach(_ node: VectorSelector, _ grid: StepGrid) -> SelectorReach {
        let pinned = atTime(node.at).map { $0.minus(node.offset) }
        return SelectorReach(
            pinned: pinned, offset: node.offset, lookback: options.lookbackDelta,
            firstRef: pinned ?? grid.start.minus(node.offset), lastRef: pinned ?? grid.end.minus(node.offset))
    }

    /// Instant selector: per step, the latest sample at or before the
    /// reference time (step time, or the `@` time, minus `offset`) and no
    /// older than the lookback delta; a stale marker there means no value.
    func evalVectorSelector(_ node: VectorSelector, _ grid: StepGrid) throws -> SeriesSet {
        let reach = reach(node, grid)
        var result = SeriesSet()
        try visit(node.matchers, minTime: reach.minTime, maxTime: reach.lastRef, samples: reach.selection(grid)) { series in
            Self.selectorPoints(series.samples, reach, grid) { step, value in
                result.points.append(Sample(timestamp: grid.time(step), value: value))
            }
            result.closeSeries(SeriesMetric(series.labels))
        }
        try checkPoints(result.points.count)
        return result
    }

    /// Calls `emit(step, value)` at every step where an instant selector
    /// finds a value among one series' `samples` (all samples it may need).
    @inline(__always)
    static func selectorPoints(
        _ samples: UnsafeBufferPointer<Sample>, _ reach: SelectorReach, _ grid: StepGrid, _ emit: (Int, Double) throws -> Void
    ) rethrows {
        if let pinned = reach.pinned {
            guard let value = latestValue(samples, at: pinned, lookback: reach.lookback) else { return }
            for step in 0..<grid.count { try emit(step, value) }
            return
        }
        // Reference times ascend with the steps, so one cursor suffices.
        var latest = lastIndex(samples, atOrBefore: reach.firstRef)
        for step in 0..<grid.count {
            let ref = grid.time(step).minus(reach.offset)
            while latest + 1 < samples.count && samples[latest + 1].timestamp <= ref { latest += 1 }
            guard latest >= 0 else { continue }
            let sample = samples[latest]
            if sample.timestamp >= ref.minus(reach.lookback) && !StaleMarker.isStale(sample.value) {
                try emit(step, sample.value)
            }
        }
    }

    /// Index of the last sample with timestamp ≤ `time`, or -1.
    static func lastIndex(_ samples: UnsafeBufferPointer<Sample>, atOrBefore time: Int64) -> Int {
        var low = 0
        var high = samples.count
        while low < high {
            let mid = (low + high) >> 1
            if samples[mid].timestamp <= time { low = mid + 1 } else { high = mid }
        }
        return low - 1
    }

    static func latestValue(_ samples: UnsafeBufferPointer<Sample>, at ref: Int64, lookback: Int64) -> Double? {
        let index = lastIndex(samples, atOrBefore: ref)
        guard index >= 0 else { return nil }
        let sample = samples[index]
        guard sample.timestamp >= ref.minus(lookback), !StaleMarker.isStale(sample.value) else { return nil }
        return sample.value
    }

    /// A range selector as a result of its own (instant queries only): the
    /// samples in `[ref - range, ref]`, stale markers removed, names kept.
    func evalMatrixSelector(_ node: MatrixSelector, _ grid: StepGrid) throws -> SeriesSet {
        let ref = atTime(node.selector.at).map { $0.minus(node.selector.offset) } ?? grid.start.minus(node.selector.offset)
        let earliest = ref.minus(node.range)
        var result = SeriesSet()
        try visit(node.selector.matchers, minTime: earliest, maxTime: ref) { series in
            for sample in series.samples where !sample.isStaleMarker {
                result.points.append(sample)
            }
            result.closeSeries(SeriesMetric(series.labels))
        }
        return result
    }

    /// A subquery as a result of its own: the inner expression's points.
    func evalSubquery(_ node: SubqueryExpr, _ grid: StepGrid) throws -> SeriesSet {
        let (innerGrid, _) = try subqueryGrid(node, grid)
        return try evalVector(node.expr, innerGrid)
    }

    /// The inner evaluation grid of a subquery: aligned to multiples of its
    /// step, covering every outer step's window `[ref - range, ref]`.
    func subqueryGrid(_ node: SubqueryExpr, _ grid: StepGrid) throws -> (StepGrid, pinned: Int64?) {
        let step = Swift.max(node.step > 0 ? node.step : options.defaultSubqueryStep, 1)
        let pinned = atTime(node.at).map { $0.minus(node.offset) }
        let firstRef = pinned ?? grid.start.minus(node.offset)
        let lastRef = pinned ?? grid.end.minus(node.offset)
        let earliest = firstRef.minus(node.range)
        var start = step * (earliest / step)
        if start < earliest { start = start.plus(step) }
        let inner = StepGrid(start: start, end: lastRef, interval: step)
        // Every inner step holds at least a value per series; refuse grids
        // that could never fit the sample limit (e.g. `x[10y:1ms]`).
        if inner.count > options.maxSamples { throw QueryError.tooManySamples }
        return (inner, pinned)
    }
}
