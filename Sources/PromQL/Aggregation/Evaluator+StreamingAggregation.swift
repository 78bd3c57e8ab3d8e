import TSDB

extension Evaluator {
    /// An aggregation input that can be folded straight from storage.
    enum StreamedInput {
        /// `sum(x)`.
        case selector(VectorSelector)
        /// `sum(rate(x[1m]))`: a range function over a selector.
        case rangeFunction(RangeFunction, FunctionCall)
    }

    /// Whether `node` can be evaluated by streaming: an operator folded by
    /// `Accumulator` over a selector, or over a range function of a
    /// selector whose series keep distinct labels once their names are
    /// dropped (the selector fixes the name, or the function keeps it) —
    /// otherwise Prometheus's duplicate-labelset check needs every series'
    /// labels, and the general path runs.
    func streamedInput(_ node: AggregateExpr) -> StreamedInput? {
        guard node.param == nil, Accumulator.supports(node.op) else { return nil }
        switch node.expr.unwrappingParens {
        case .vectorSelector(let selector):
            return .selector(selector)
        case .call(let call):
            guard let function = RangeFunction(name: call.function.name), function != .absentOverTime,
                  let range = call.args.last(where: { $0.type == .matrix }),
                  case .matrixSelector(let matrix) = range.unwrappingParens
            else { return nil }
            let namedOnce = matrix.selector.matchers.contains { $0.name == metricNameLabel && $0.kind == .equal }
            guard namedOnce || function.keepsMetricName else { return nil }
            return .rangeFunction(function, call)
        default:
            return nil
        }
    }

    /// The streaming aggregation: each series is visited once, its values at
    /// all steps go straight into its group's accumulators, and no labels,
    /// sample arrays or intermediate series set are built. Results, limits
    /// and errors are the general path's.
    func evalStreamingAggregation(_ node: AggregateExpr, _ input: StreamedInput, _ grid: StepGrid) throws -> SeriesSet {
        let projection = LabelProjection(node.without ? .excluding : .including, names: node.grouping)
        var accumulators = StepAccumulators(op: node.op, steps: grid.count)
        var produced = 0
        var series = 0
        let grouping: LabelIDGrouping
        switch input {
        case .selector(let selector):
            let reach = reach(selector, grid)
            var groups = LabelIDGrouping(projection, dropsName: false)
            try visit(selector.matchers, minTime: reach.minTime, maxTime: reach.lastRef, samples: reach.selection(grid)) { visit in
                let group = groups.group(of: visit)
                Self.selectorPoints(visit.samples, reach, grid) { step, value in
                    accumulators.add(value, group: group, step: step, series: series)
                    produced &+= 1
                }
                series &+= 1
            }
            grouping = groups
        case .rangeFunction(let function, let call):
            let (rangeIndex, scalarArgs) = try rangeCallArguments(call, grid)
            let argument = try rangeArgument(call.args[rangeIndex], grid)
            guard case .selector(let selector) = argument.source else {
                throw QueryError.execution("expected range vector selector")
            }
            let (firstStart, lastRef) = argument.span(grid)
            var groups = LabelIDGrouping(projection, dropsName: !function.keepsMetricName)
            var windows = WindowScratch()
            try visit(selector.matchers, minTime: firstStart, maxTime: lastRef) { visit in
                let group = groups.group(of: visit)
                try windows.forEachWindow(function, visit.samples, argument, scalarArgs, grid) { step, value in
                    accumulators.add(value, group: group, step: step, series: series)
                    produced &+= 1
                }
                series &+= 1
            }
            grouping = groups
        }
        // The general path holds the input's points before aggregating.
        try checkPoints(produced)
        let result = accumulators.build(grid, labelsOfGroup: grouping.labelsOfGroup)
        try checkPoints(result.points.count)
        return result
    }
}
