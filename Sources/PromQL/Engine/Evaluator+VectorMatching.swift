import TSDB

extension Evaluator {
    /// The match-signature projection of `on(...)` / `ignoring(...)`.
    static func matchingProjection(_ matching: VectorMatching) -> LabelProjection {
        matching.on
            ? LabelProjection(.including, names: matching.matchingLabels)
            : LabelProjection(.excluding, names: matching.matchingLabels)
    }

    /// Arithmetic and comparison between two vectors: one-to-one, or
    /// many-to-one / one-to-many with `group_left` / `group_right`.
    func vectorVector(_ node: BinaryExpr, _ lhs: SeriesSet, _ rhs: SeriesSet, _ matching: VectorMatching, _ grid: StepGrid) throws -> SeriesSet {
        let op = node.op
        let returnBool = node.returnBool
        let oneToMany = matching.cardinality == .oneToMany
        let oneToOne = matching.cardinality == .oneToOne
        // Prometheus swaps the sides for one-to-many so the right is the "one" side.
        let many = oneToMany ? rhs : lhs
        let one = oneToMany ? lhs : rhs
        let projection = Self.matchingProjection(matching)
        var signatures = GroupIndex(projection)
        let oneSignatures = one.metrics.map { signatures.group(of: $0) }
        let manySignatures = many.metrics.map { signatures.group(of: $0) }
        let signatureCount = signatures.count

        var oneStamp = [Int](repeating: -1, count: signatureCount)
        var oneSeries = [Int](repeating: 0, count: signatureCount)
        var oneValue = [Double](repeating: 0, count: signatureCount)
        var matchedStamp = [Int](repeating: -1, count: signatureCount)
        var oneCursor = StepCursor(one)
        var manyCursor = StepCursor(many)

        let plainOneToOne = oneToOne && !matching.on && matching.matchingLabels.isEmpty && matching.include.isEmpty
        let dropsName = op.dropsMetricName || returnBool
        var output = OutputAssembler(
            grid: grid, mergesByLabels: grid.count > 1 || !oneToOne,
            duplicateError: oneToOne ? .duplicateLabelset
                : QueryError.execution("multiple matches for labels: grouping labels must ensure unique matches"))
        // The output series of a (many, one) pair; pairs are stable across steps.
        var lastPair = [Int](repeating: -1, count: many.count)
        var lastOutput = [Int](repeating: 0, count: many.count)
        var pairOutput: [Int: Int] = [:]

        for step in 0..<grid.count {
            try checkInterrupt()
            let time = grid.time(step)
            for series in 0..<one.count {
                guard let value = oneCursor.value(series, at: time, in: one) else { continue }
                let signature = Int(oneSignatures[series])
                if oneStamp[signature] == step {
                    throw duplicateOneSide(one.metrics[series], one.metrics[oneSeries[signature]], projection, oneToMany)
                }
                oneStamp[signature] = step
                oneSeries[signature] = series
                oneValue[signature] = value
            }
            for series in 0..<many.count {
                guard let manyValue = manyCursor.value(series, at: time, in: many) else { continue }
                let signature = Int(manySignatures[series])
                guard oneStamp[signature] == step else { continue }
                let partner = oneSeries[signature]
                let (left, right) = oneToMany ? (oneValue[signature], manyValue) : (manyValue, oneValue[signature])
                var (value, keep) = Self.elementOperation(op, left, right)
                if returnBool {
                    value = keep ? 1 : 0
                } else if !keep {
                    continue
                }
                if oneToOne {
                    if matchedStamp[signature] == step {
                        throw QueryError.execution("multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)")
                    }
                    matchedStamp[signature] = step
                }
                let outputSeries: Int
                if lastPair[series] == partner {
                    outputSeries = lastOutput[series]
                } else if let known = pairOutput[series &* one.count &+ partner] {
                    outputSeries = known
                } else {
                    let metric: SeriesMetric
                    if plainOneToOne {
                        var copy = many.metrics[series]
                        if dropsName { copy.dropsName = true }
                        metric = copy
                    } else {
                        metric = Self.resultMetric(many.metrics[series], one.metrics[partner], op, matching, returnBool)
                    }
                    outputSeries = output.series(for: metric)
                    if grid.count > 1 { pairOutput[series &* one.count &+ partner] = outputSeries }
                }
                lastPair[series] = partner
                lastOutput[series] = outputSeries
                try output.append(outputSeries, step: step, value: value)
            }
        }
        return output.build()
    }

    /// Prometheus's `resultMetric`: labels of the "many" side, adjusted by
    /// the operator and matching clauses.
    static func resultMetric(_ many: SeriesMetric, _ one: SeriesMetric, _ op: BinaryOperator, _ matching: VectorMatching, _ returnBool: Bool) -> SeriesMetric {
        var labels = many.materialized
        if op.dropsMetricName { labels = labels.droppingMetricName() }
        if matching.cardinality == .oneToOne {
            if matching.on {
                let kept = Set(matching.matchingLabels)
                labels = Labels(sorted: labels.filter { kept.contains($0.name) })
            } else if !matching.matchingLabels.isEmpty {
                labels = labels.removing(Set(matching.matchingLabels))
            }
        }
        for name in matching.include {
            labels.set(name, one[name] ?? "")
        }
        return SeriesMetric(labels, dropsName: returnBool)
    }

    private func duplicateOneSide(_ current: SeriesMetric, _ previous: SeriesMetric, _ projection: LabelProjection, _ oneToMany: Bool) -> QueryError {
        let side = oneToMany ? "left" : "right"
        let group = PrometheusText.labels(projection.project(current))
        return QueryError.execution(
            "found duplicate series for the match group \(group) on the \(side) hand-side of the operation: "
                + "[\(PrometheusText.labels(current.materialized)), \(PrometheusText.labels(previous.materialized))]"
                + ";many-to-many matching not allowed: matching labels must be unique on one side")
    }

    /// `and`, `or`, `unless`: filter or combine whole samples by signature.
    func setOperation(_ op: BinaryOperator, _ lhs: SeriesSet, _ rhs: SeriesSet, _ matching: VectorMatching, _ grid: StepGrid) throws -> SeriesSet {
        let projection = Self.matchingProjection(matching)
        var signatures = GroupIndex(projection)
        let lhsSignatures = lhs.metrics.map { signatures.group(of: $0) }
        let rhsSignatures = rhs.metrics.map { signatures.group(of: $0) }
        var stamp = [Int](repeating: -1, count: signatures.count)
        var lhsCursor = StepCursor(lhs)
        var rhsCursor = StepCursor(rhs)
        var output = OutputAssembler(grid: grid, mergesByLabels: grid.count > 1 && op == .or)
        var lhsOutput = [Int](repeating: -1, count: lhs.count)
        var rhsOutput = [Int](repeating: -1, count: rhs.count)
        var lhsPresent: [(Int, Double)] = []
        var rhsPresent: [(Int, Double)] = []

        for step in 0..<grid.count {
            try checkInterrupt()
            let time = grid.time(step)
            lhsPresent.removeAll(keepingCapacity: true)
            rhsPresent.removeAll(keepingCapacity: true)
            for series in 0..<lhs.count {
                if let value = lhsCursor.value(series, at: time, in: lhs) { lhsPresent.append((series, value)) }
            }
            for series in 0..<rhs.count {
                if let value = rhsCursor.value(series, at: time, in: rhs) { rhsPresent.append((series, value)) }
            }
            func emitLeft(_ series: Int, _ value: Double) throws {
                if lhsOutput[series] < 0 { lhsOutput[series] = output.series(for: lhs.metrics[series]) }
                try output.append(lhsOutput[series], step: step, value: value)
            }
            func emitRight(_ series: Int, _ value: Double) throws {
                if rhsOutput[series] < 0 { rhsOutput[series] = output.series(for: rhs.metrics[series]) }
                try output.append(rhsOutput[series], step: step, value: value)
            }
            switch op {
            case .and:
                if lhsPresent.isEmpty || rhsPresent.isEmpty { continue }
                for (series, _) in rhsPresent { stamp[Int(rhsSignatures[series])] = step }
                for (series, value) in lhsPresent where stamp[Int(lhsSignatures[series])] == step {
                    try emitLeft(series, value)
                }
            case .unless:
                for (series, _) in rhsPresent { stamp[Int(rhsSignatures[series])] = step }
                for (series, value) in lhsPresent where stamp[Int(lhsSignatures[series])] != step {
                    try emitLeft(series, value)
                }
            default:
                for (series, value) in lhsPresent {
                    stamp[Int(lhsSignatures[series])] = step
                    try emitLeft(series, value)
                }
                for (series, value) in rhsPresent where lhsPresent.isEmpty || stamp[Int(rhsSignatures[series])] != step {
                    try emitRight(series, value)
                }
            }
        }
        return output.build()
    }
}
