import TSDB

extension Evaluator {
    func evalCall(_ node: FunctionCall, _ grid: StepGrid) throws -> EvalValue {
        let name = node.function.name
        if let function = RangeFunction(name: name) {
            return .vector(try evalRangeFunction(function, node, grid))
        }
        switch name {
        case "time":
            return .scalar((0..<grid.count).map { Double(grid.time($0)) / 1000 })
        case "pi":
            return .scalar([Double](repeating: Double.pi, count: grid.count))
        case "vector":
            let values = try evalScalar(node.args[0], grid)
            var set = SeriesSet(reservingSeries: 1, points: grid.count)
            for step in 0..<grid.count { set.points.append(Sample(timestamp: grid.time(step), value: values[step])) }
            set.closeSeries(SeriesMetric(.empty))
            return .vector(set)
        case "scalar":
            return .scalar(try scalarOf(evalVector(node.args[0], grid), grid))
        case "absent":
            return .vector(try absent(node, grid))
        case "timestamp":
            return .vector(try timestamp(node, grid))
        case "sort", "sort_desc":
            return .vector(try sorted(evalVector(node.args[0], grid), descending: name == "sort_desc", grid))
        case "label_replace":
            return .vector(try labelReplace(node, grid))
        case "label_join":
            return .vector(try labelJoin(node, grid))
        case "histogram_quantile":
            return .vector(try histogramQuantile(node, grid))
        case "histogram_count", "histogram_sum", "histogram_fraction":
            // Only native histograms have these; float series yield nothing.
            for arg in node.args { _ = try evaluate(arg, grid) }
            return .vector(SeriesSet())
        case "round", "clamp", "clamp_min", "clamp_max":
            return .vector(try clampOrRound(name, node, grid))
        case "day_of_month", "day_of_week", "day_of_year", "days_in_month", "hour", "minute", "month", "year":
            return .vector(try dateFunction(name, node, grid))
        default:
            guard let function = MathFunction(rawValue: name) else {
                throw QueryError.execution("function \(GoQuote.quote(name)) is not implemented")
            }
            var set = try evalVector(node.args[0], grid)
            function.apply(to: &set.points)
            return .vector(try set.droppingNames())
        }
    }

    private func scalarOf(_ set: SeriesSet, _ grid: StepGrid) -> [Double] {
        var values = [Double](repeating: .nan, count: grid.count)
        var counts = [Int](repeating: 0, count: grid.count)
        for point in set.points {
            let step = grid.step(of: point.timestamp)
            counts[step] += 1
            values[step] = point.value
        }
        for step in 0..<grid.count where counts[step] != 1 { values[step] = .nan }
        return values
    }

    private func absent(_ node: FunctionCall, _ grid: StepGrid) throws -> SeriesSet {
        let input = try evalVector(node.args[0], grid)
        var covered = [Bool](repeating: false, count: grid.count)
        for point in input.points { covered[grid.step(of: point.timestamp)] = true }
        var result = SeriesSet()
        for step in 0..<grid.count where !covered[step] {
            result.points.append(Sample(timestamp: grid.time(step), value: 1))
        }
        var labels = Labels.empty
        switch node.args[0].unwrappingParens {
        case .vectorSelector(let selector): labels = Self.absentLabels(selector.matchers)
        case .matrixSelector(let selector): labels = Self.absentLabels(selector.selector.matchers)
        default: break
        }
        result.closeSeries(SeriesMetric(labels))
        return result
    }

    /// `timestamp(x)`: of a plain selector, the sample's own time; of any
    /// other expression, the evaluation time (as in Prometheus).
    private func timestamp(_ node: FunctionCall, _ grid: StepGrid) throws -> SeriesSet {
        guard case .vectorSelector(let selector) = node.args[0].unwrappingParens else {
            var set = try evalVector(node.args[0], grid)
            for index in set.points.indices { set.points[index].value = Double(set.points[index].timestamp) / 1000 }
            return try set.droppingNames()
        }
        let reach = reach(selector, grid)
        var result = SeriesSet()
        var names: [String?] = []
        try visit(selector.matchers, minTime: reach.minTime, maxTime: reach.lastRef, samples: reach.selection(grid)) { series in
            let samples = series.samples
            for step in 0..<grid.count {
                let ref = reach.pinned ?? grid.time(step).minus(selector.offset)
                let index = Self.lastIndex(samples, atOrBefore: ref)
                guard index >= 0 else { continue }
                let sample = samples[index]
                guard sample.timestamp >= ref.minus(reach.lookback), !StaleMarker.isStale(sample.value) else { continue }
                result.points.append(Sample(timestamp: grid.time(step), value: Double(sample.timestamp) / 1000))
            }
            let labels = series.labels
            names.append(labels.metricName)
            result.closeSeries(SeriesMetric(labels, dropsName: true))
        }
        return try result.mergingIfNamesDiffer(names.count > 1 && names.contains { $0 != names[0] })
    }

    /// `sort` / `sort_desc` reorder an instant query's result with Go's
    /// unstable sort and Prometheus's NaN placement; range results are
    /// sorted by labels anyway.
    private func sorted(_ input: SeriesSet, descending: Bool, _ grid: StepGrid) throws -> SeriesSet {
        guard grid.count == 1, input.count > 1 else { return input }
        var order: [(index: Int, value: Double)] = (0..<input.count).map { ($0, input.points[input.pointRange($0)].first?.value ?? .nan) }
        if descending {
            GoSort.sort(&order) { a, b in b.value.isNaN || b.value < a.value }
        } else {
            GoSort.sort(&order) { a, b in b.value.isNaN || b.value > a.value }
        }
        var result = SeriesSet(reservingSeries: input.count, points: input.count)
        for entry in order {
            result.append(input.metrics[entry.index], input.points[input.pointRange(entry.index)])
        }
        return result
    }

    private func stringArgument(_ expr: Expr) throws -> String {
        guard case .string(let literal) = expr.unwrappingParens else {
            throw QueryError.execution("expected string literal argument")
        }
        return literal.value
    }

    private func labelReplace(_ node: FunctionCall, _ grid: StepGrid) throws -> SeriesSet {
        var set = try evalVector(node.args[0], grid)
        let replacement = try LabelFunctions.Replacement(
            destination: stringArgument(node.args[1]), replacement: stringArgument(node.args[2]),
            source: stringArgument(node.args[3]), pattern: stringArgument(node.args[4]))
        var changed = false
        for index in set.metrics.indices {
            if let metric = replacement.apply(set.metrics[index]) {
                set.metrics[index] = metric
                changed = true
            }
        }
        return changed ? try set.mergingSameLabels() : set
    }

    private func labelJoin(_ node: FunctionCall, _ grid: StepGrid) throws -> SeriesSet {
        var set = try evalVector(node.args[0], grid)
        let join = try LabelFunctions.Join(
            destination: stringArgument(node.args[1]), separator: stringArgument(node.args[2]),
            sources: node.args.dropFirst(3).map(stringArgument))
        for index in set.metrics.indices { set.metrics[index] = join.apply(set.metrics[index]) }
        return try set.mergingSameLabels()
    }

    private func clampOrRound(_ name: String, _ node: FunctionCall, _ grid: StepGrid) throws -> SeriesSet {
        var set = try evalVector(node.args[0], grid)
        let first = node.args.count > 1 ? try evalScalar(node.args[1], grid) : [Double](repeating: 1, count: grid.count)
        let second = node.args.count > 2 ? try evalScalar(node.args[2], grid) : []
        var kept: [Bool] = []
        if name == "clamp" {
            // No output at steps where max < min.
            kept = (0..<grid.count).map { !(second[$0] < first[$0]) }
        }
        for index in set.points.indices {
            let step = grid.step(of: set.points[index].timestamp)
            let value = set.points[index].value
            switch name {
            case "round":
                let inverse = 1.0 / first[step]
                set.points[index].value = ((value * inverse + 0.5).rounded(.down)) / inverse
            case "clamp_min":
                set.points[index].value = GoMath.max(first[step], value)
            case "clamp_max":
                set.points[index].value = GoMath.min(first[step], value)
            default:
                set.points[index].value = GoMath.max(first[step], GoMath.min(second[step], value))
            }
        }
        if !kept.isEmpty && kept.contains(false) {
            set = set.filteringPoints { kept[grid.step(of: $0.timestamp)] }
        }
        return try set.droppingNames()
    }

    private func dateFunction(_ name: String, _ node: FunctionCall, _ grid: StepGrid) throws -> SeriesSet {
        guard let arg = node.args.first else {
            var set = SeriesSet(reservingSeries: 1, points: grid.count)
            for step in 0..<grid.count {
                let time = grid.time(step)
                set.points.append(Sample(timestamp: time, value: Self.dateField(name, GoCalendar(unixSeconds: time / 1000))))
            }
            set.closeSeries(SeriesMetric(.empty))
            return set
        }
        var set = try evalVector(arg, grid)
        for index in set.points.indices {
            set.points[index].value = Self.dateField(name, GoCalendar(unixSeconds: set.points[index].value))
        }
        return try set.droppingNames()
    }

    private static func dateField(_ name: String, _ date: GoCalendar) -> Double {
        switch name {
        case "day_of_month": return Double(date.day)
        case "day_of_week": return Double(date.weekday)
        case "day_of_year": return Double(date.dayOfYear)
        case "days_in_month": return Double(date.daysInMonth)
        case "hour": return Double(date.hour)
        case "minute": return Double(date.minute)
        case "month": return Double(date.month)
        default: return Double(date.year)
        }
    }
}

extension SeriesSet {
    /// Drops metric names, merging series that then share labels.
    func droppingNames() throws -> SeriesSet {
        var copy = self
        let namesDiffer = hasDistinctNames
        for index in copy.metrics.indices { copy.metrics[index].dropsName = true }
        return try copy.mergingIfNamesDiffer(namesDiffer)
    }

    func mergingIfNamesDiffer(_ namesDiffer: Bool) throws -> SeriesSet {
        namesDiffer ? try mergingSameLabels() : self
    }

    /// Keeps the points satisfying `keep`, dropping series left empty.
    func filteringPoints(_ keep: (Sample) -> Bool) -> SeriesSet {
        var result = SeriesSet(reservingSeries: count, points: points.count)
        for series in 0..<count {
            for point in points[pointRange(series)] where keep(point) { result.points.append(point) }
            result.closeSeries(metrics[series])
        }
        return result
    }
}
