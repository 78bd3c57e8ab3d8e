import TSDB

extension Evaluator {
    /// A range-vector argument resolved to series plus its window geometry.
    struct RangeArgument {
        enum Source {
            /// Straight from storage (may contain stale markers).
            case selected([SelectedSeries])
            /// A subquery's points.
            case computed(SeriesSet)
        }

        var source: Source
        var range: Int64
        var offset: Int64
        /// The reference time of every step when pinned by `@`.
        var pinned: Int64?
        /// Whether the inputs can collide once names are dropped.
        var namesDiffer: Bool
        /// The selector, for `absent_over_time`'s labels.
        var selector: VectorSelector?

        var seriesCount: Int {
            switch source {
            case .selected(let series): return series.count
            case .computed(let set): return set.count
            }
        }
    }

    func rangeArgument(_ expr: Expr, _ grid: StepGrid) throws -> RangeArgument {
        switch expr.unwrappingParens {
        case .matrixSelector(let node):
            let pinned = atTime(node.selector.at).map { $0.minus(node.selector.offset) }
            let firstRef = pinned ?? grid.start.minus(node.selector.offset)
            let lastRef = pinned ?? grid.end.minus(node.selector.offset)
            let selected = try select(node.selector.matchers, minTime: firstRef.minus(node.range), maxTime: lastRef)
            let namedOnce = node.selector.matchers.contains { $0.name == metricNameLabel && $0.kind == .equal }
            return RangeArgument(
                source: .selected(selected), range: node.range, offset: node.selector.offset, pinned: pinned,
                namesDiffer: !namedOnce && Self.namesDiffer(selected), selector: node.selector)
        case .subquery(let node):
            let (innerGrid, pinned) = try subqueryGrid(node, grid)
            let inner = try evalVector(node.expr, innerGrid)
            return RangeArgument(
                source: .computed(inner), range: node.range, offset: node.offset, pinned: pinned,
                namesDiffer: inner.hasDistinctNames, selector: nil)
        default:
            throw QueryError.execution("expected range vector, got \(expr.type.documentedName)")
        }
    }

    private static func namesDiffer(_ selected: [SelectedSeries]) -> Bool {
        guard let first = selected.first?.labels.metricName else { return selected.count > 1 }
        for index in selected.indices.dropFirst() where selected[index].labels.metricName != first { return true }
        return false
    }

    /// Applies a range function to every series at every step.
    func evalRangeFunction(_ function: RangeFunction, _ node: FunctionCall, _ grid: StepGrid) throws -> SeriesSet {
        var rangeIndex = 0
        for (index, arg) in node.args.enumerated() where arg.type == .matrix { rangeIndex = index }
        var scalarArgs: [[Double]] = []
        for (index, arg) in node.args.enumerated() where index != rangeIndex {
            scalarArgs.append(try evalScalar(arg, grid))
        }
        let argument = try rangeArgument(node.args[rangeIndex], grid)
        let count = argument.seriesCount
        var result = SeriesSet(reservingSeries: count, points: count * Swift.min(grid.count, 16))
        // Only samples in [first window start, last reference time] matter.
        let firstStart = (argument.pinned ?? grid.start.minus(argument.offset)).minus(argument.range)
        let lastRef = argument.pinned ?? grid.end.minus(argument.offset)
        switch argument.source {
        case .selected(let selected):
            var filtered: [Sample] = []
            for index in selected.indices {
                try checkInterrupt()
                try selected[index].samples.withUnsafeBufferPointer { all in
                    let lower = Self.lastIndex(all, atOrBefore: firstStart.minus(1)) + 1
                    let upper = Swift.max(lower, Self.lastIndex(all, atOrBefore: lastRef) + 1)
                    let buffer = UnsafeBufferPointer(rebasing: all[lower..<upper])
                    guard Self.containsStaleMarker(buffer) else {
                        try appendWindows(function, buffer, argument, scalarArgs, grid, into: &result)
                        return
                    }
                    filtered.removeAll(keepingCapacity: true)
                    for sample in buffer where !StaleMarker.isStale(sample.value) { filtered.append(sample) }
                    try filtered.withUnsafeBufferPointer { clean in
                        try appendWindows(function, clean, argument, scalarArgs, grid, into: &result)
                    }
                }
                result.closeSeries(SeriesMetric(selected[index].labels, dropsName: !function.keepsMetricName))
            }
        case .computed(let inner):
            try inner.points.withUnsafeBufferPointer { points in
                for series in 0..<inner.count {
                    try checkInterrupt()
                    let range = inner.pointRange(series)
                    try appendWindows(function, UnsafeBufferPointer(rebasing: points[range]), argument, scalarArgs, grid, into: &result)
                    var metric = inner.metrics[series]
                    if !function.keepsMetricName { metric.dropsName = true }
                    result.closeSeries(metric)
                }
            }
        }
        try checkPoints(result.points.count)
        if function == .absentOverTime {
            return absentOverTime(result, argument, grid)
        }
        if !function.keepsMetricName && argument.namesDiffer {
            try result.requireUniqueLabels()
        }
        return result
    }

    @inline(__always)
    private static func containsStaleMarker(_ samples: UnsafeBufferPointer<Sample>) -> Bool {
        for sample in samples where StaleMarker.isStale(sample.value) { return true }
        return false
    }

    /// Slides the window `[ref - range, ref]` over one series' samples.
    private func appendWindows(
        _ function: RangeFunction, _ samples: UnsafeBufferPointer<Sample>, _ argument: RangeArgument,
        _ scalarArgs: [[Double]], _ grid: StepGrid, into result: inout SeriesSet
    ) throws {
        // The first window is found by binary search, later ones by sliding.
        let firstStart = (argument.pinned ?? grid.start.minus(argument.offset)).minus(argument.range)
        var low = samples.count > 8 ? Self.lastIndex(samples, atOrBefore: firstStart.minus(1)) + 1 : 0
        var high = low
        for step in 0..<grid.count {
            let time = grid.time(step)
            let ref = argument.pinned ?? time.minus(argument.offset)
            let start = ref.minus(argument.range)
            while low < samples.count && samples[low].timestamp < start { low += 1 }
            if high < low { high = low }
            while high < samples.count && samples[high].timestamp <= ref { high += 1 }
            if high == low { continue }
            let context = RangeFunction.Context(
                stepTime: time, rangeStart: start, rangeEnd: ref, range: argument.range,
                scalars: (scalarArgs.first?[step] ?? 0, scalarArgs.count > 1 ? scalarArgs[1][step] : 0))
            let window = UnsafeBufferPointer(rebasing: samples[low..<high])
            if let value = try function.evaluate(window, context) {
                result.points.append(Sample(timestamp: time, value: value))
            }
        }
    }

    /// 1 with the selector's equality-matcher labels at steps where no series
    /// has samples in its window.
    private func absentOverTime(_ present: SeriesSet, _ argument: RangeArgument, _ grid: StepGrid) -> SeriesSet {
        var covered = [Bool](repeating: false, count: grid.count)
        for point in present.points { covered[grid.step(of: point.timestamp)] = true }
        var result = SeriesSet()
        for step in 0..<grid.count where !covered[step] {
            result.points.append(Sample(timestamp: grid.time(step), value: 1))
        }
        let labels = argument.selector.map { Self.absentLabels($0.matchers) } ?? .empty
        result.closeSeries(SeriesMetric(labels))
        return result
    }

    /// Labels `absent()` reports: those fixed by equality matchers, except
    /// when the same label is also constrained otherwise.
    static func absentLabels(_ matchers: [LabelMatcher]) -> Labels {
        var labels = Labels.empty
        var dropped: [String] = []
        for matcher in matchers where matcher.name != metricNameLabel {
            if matcher.kind == .equal && labels[matcher.name] == nil {
                labels.set(matcher.name, matcher.value)
            } else {
                dropped.append(matcher.name)
            }
        }
        for name in dropped { labels.set(name, "") }
        return labels
    }
}
