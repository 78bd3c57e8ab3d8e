import TSDB

extension Evaluator {
    /// A range-vector argument: where its series come from plus the window
    /// geometry.
    struct RangeArgument {
        enum Source {
            /// Streamed from storage (samples may contain stale markers).
            case selector(VectorSelector)
            /// A subquery's points.
            case computed(SeriesSet)
        }

        var source: Source
        var range: Int64
        var offset: Int64
        /// The reference time of every step when pinned by `@`.
        var pinned: Int64?
        /// The selector, for `absent_over_time`'s labels.
        var selector: VectorSelector?

        /// The start of the first window and the last reference time: the
        /// only samples any window can see.
        func span(_ grid: StepGrid) -> (firstStart: Int64, lastRef: Int64) {
            let firstRef = pinned ?? grid.start.minus(offset)
            return (firstRef.minus(range), pinned ?? grid.end.minus(offset))
        }
    }

    func rangeArgument(_ expr: Expr, _ grid: StepGrid) throws -> RangeArgument {
        switch expr.unwrappingParens {
        case .matrixSelector(let node):
            return RangeArgument(
                source: .selector(node.selector), range: node.range, offset: node.selector.offset,
                pinned: atTime(node.selector.at).map { $0.minus(node.selector.offset) }, selector: node.selector)
        case .subquery(let node):
            let (innerGrid, pinned) = try subqueryGrid(node, grid)
            let inner = try evalVector(node.expr, innerGrid)
            return RangeArgument(source: .computed(inner), range: node.range, offset: node.offset, pinned: pinned, selector: nil)
        default:
            throw QueryError.execution("expected range vector, got \(expr.type.documentedName)")
        }
    }

    /// The range argument's position and the other (scalar) arguments'
    /// values at every step, evaluated in argument order.
    func rangeCallArguments(_ node: FunctionCall, _ grid: StepGrid) throws -> (rangeIndex: Int, scalars: [[Double]]) {
        var rangeIndex = 0
        for (index, arg) in node.args.enumerated() where arg.type == .matrix { rangeIndex = index }
        var scalarArgs: [[Double]] = []
        for (index, arg) in node.args.enumerated() where index != rangeIndex {
            scalarArgs.append(try evalScalar(arg, grid))
        }
        return (rangeIndex, scalarArgs)
    }

    /// Applies a range function to every series at every step.
    func evalRangeFunction(_ function: RangeFunction, _ node: FunctionCall, _ grid: StepGrid) throws -> SeriesSet {
        let (rangeIndex, scalarArgs) = try rangeCallArguments(node, grid)
        let argument = try rangeArgument(node.args[rangeIndex], grid)
        var result = SeriesSet()
        var namesDiffer = false
        switch argument.source {
        case .selector(let selector):
            let (firstStart, lastRef) = argument.span(grid)
            let namedOnce = selector.matchers.contains { $0.name == metricNameLabel && $0.kind == .equal }
            var windows = WindowScratch()
            var firstName: String??
            try visit(selector.matchers, minTime: firstStart, maxTime: lastRef) { series in
                try windows.forEachWindow(function, series.samples, argument, scalarArgs, grid) { step, value in
                    result.points.append(Sample(timestamp: grid.time(step), value: value))
                }
                let labels = series.labels
                if !namedOnce && !namesDiffer {
                    // Prometheus: series differ in name when the first has
                    // none and there are several, or any name differs from it.
                    if let first = firstName {
                        namesDiffer = first == nil || labels.metricName != first
                    } else {
                        firstName = .some(labels.metricName)
                    }
                }
                result.closeSeries(SeriesMetric(labels, dropsName: !function.keepsMetricName))
            }
        case .computed(let inner):
            namesDiffer = inner.hasDistinctNames
            result = SeriesSet(reservingSeries: inner.count, points: inner.count * Swift.min(grid.count, 16))
            var windows = WindowScratch()
            try inner.points.withUnsafeBufferPointer { points in
                for series in 0..<inner.count {
                    try checkInterrupt()
                    let range = inner.pointRange(series)
                    try windows.forEachWindow(function, UnsafeBufferPointer(rebasing: points[range]), argument, scalarArgs, grid) { step, value in
                        result.points.append(Sample(timestamp: grid.time(step), value: value))
                    }
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
        if !function.keepsMetricName && namesDiffer {
            try result.requireUniqueLabels()
        }
        return result
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
