import TSDB

extension Evaluator {
    func evalAggregation(_ node: AggregateExpr, _ grid: StepGrid) throws -> SeriesSet {
        // Prometheus evaluates the parameter before the body.
        var parameters: [Double] = []
        var valueLabel = ""
        if let param = node.param {
            if node.op == .countValues {
                guard case .string(let literal) = param.unwrappingParens else {
                    throw QueryError.execution("expected string literal in count_values")
                }
                valueLabel = literal.value
                guard Parser.isLabelName(valueLabel) else {
                    throw QueryError.execution("invalid label name \(GoQuote.quote(valueLabel))")
                }
            } else {
                parameters = try evalScalar(param, grid)
            }
        }
        if streamsAggregations, let streamed = streamedInput(node) {
            return try evalStreamingAggregation(node, streamed, grid)
        }
        let input = try evalVector(node.expr, grid)
        if node.op == .countValues {
            return try countValues(node, input, valueLabel, grid)
        }
        let projection = LabelProjection(node.without ? .excluding : .including, names: node.grouping)
        var groups = GroupIndex(projection)
        var groupOf = [Int32](repeating: 0, count: input.count)
        if projection.isTrivial {
            // One group with no labels: no need to look at any series' labels.
            if !input.isEmpty { _ = groups.group(of: SeriesMetric(.empty)) }
        } else {
            for series in 0..<input.count {
                groupOf[series] = groups.group(of: input.metrics[series])
            }
        }
        var aggregator = Aggregator(op: node.op, groupCount: groups.count, grid: grid)
        var cursor = StepCursor(input)
        var groupOutput = [Int](repeating: -1, count: groups.count)
        var seriesOutput = [Int](repeating: -1, count: (node.op == .topk || node.op == .bottomk) ? input.count : 0)
        var output = OutputAssembler(grid: grid, mergesByLabels: false)

        for step in 0..<grid.count {
            try checkInterrupt()
            let time = grid.time(step)
            var k = 0
            if node.op == .topk || node.op == .bottomk {
                k = try Self.topkParameter(parameters[step])
                if k < 1 {
                    // Consume this step's points; nothing is output.
                    for series in 0..<input.count { _ = cursor.value(series, at: time, in: input) }
                    continue
                }
            }
            aggregator.beginStep(step, k: k)
            for series in 0..<input.count {
                guard let value = cursor.value(series, at: time, in: input) else { continue }
                aggregator.add(value, series: series, group: Int(groupOf[series]))
            }
            for group in aggregator.touchedGroups {
                switch node.op {
                case .topk, .bottomk:
                    for (value, series) in aggregator.rankedEntries(group) {
                        if seriesOutput[series] < 0 { seriesOutput[series] = output.series(for: input.metrics[series]) }
                        try output.append(seriesOutput[series], step: step, value: value)
                    }
                default:
                    if groupOutput[group] < 0 {
                        let labels = projection.project(groups.representatives[group])
                        groupOutput[group] = output.series(for: SeriesMetric(labels))
                    }
                    let q = node.op == .quantile ? parameters[step] : 0
                    try output.append(groupOutput[group], step: step, value: aggregator.result(group, quantile: q))
                }
            }
        }
        let result = output.build()
        try checkPoints(result.points.count)
        return result
    }

    /// topk/bottomk's k: the scalar truncated to an integer, like Go's int64().
    static func topkParameter(_ value: Double) throws -> Int {
        guard value <= 9_223_372_036_854_774_784, value >= -9_223_372_036_854_775_808 else {
            throw QueryError.execution("Scalar value \(GoFloatFormat.formatG(value)) overflows int64")
        }
        let truncated = Int64(value.rounded(.towardZero))
        return Int(clamping: truncated)
    }

    /// `count_values("label", v)`: counts series per distinct value, the
    /// value (Go's shortest `%f` text) becoming a label.
    private func countValues(_ node: AggregateExpr, _ input: SeriesSet, _ valueLabel: String, _ grid: StepGrid) throws -> SeriesSet {
        var grouping = node.grouping
        if !node.without { grouping.append(valueLabel) }
        let projection = LabelProjection(node.without ? .excluding : .including, names: grouping)
        var cursor = StepCursor(input)
        var output = OutputAssembler(grid: grid, mergesByLabels: true)
        var counts: [Int: Int] = [:]
        var order: [Int] = []
        for step in 0..<grid.count {
            try checkInterrupt()
            let time = grid.time(step)
            counts.removeAll(keepingCapacity: true)
            order.removeAll(keepingCapacity: true)
            for series in 0..<input.count {
                guard let value = cursor.value(series, at: time, in: input) else { continue }
                var labels = input.metrics[series].materialized
                labels.set(valueLabel, GoFloatFormat.formatF(value))
                let key = output.series(for: SeriesMetric(projection.project(SeriesMetric(labels))))
                if let count = counts[key] {
                    counts[key] = count + 1
                } else {
                    counts[key] = 1
                    order.append(key)
                }
            }
            for key in order {
                try output.append(key, step: step, value: Double(counts[key] ?? 0))
            }
        }
        return output.build()
    }
}
