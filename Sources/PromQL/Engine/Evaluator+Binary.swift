import TSDB

extension Evaluator {
    func evalBinary(_ node: BinaryExpr, _ grid: StepGrid) throws -> EvalValue {
        let lhsType = node.lhs.type
        let rhsType = node.rhs.type
        switch (lhsType, rhsType) {
        case (.scalar, .scalar):
            let lhs = try evalScalar(node.lhs, grid)
            let rhs = try evalScalar(node.rhs, grid)
            var values = lhs
            for step in values.indices { values[step] = Self.scalarOperation(node.op, lhs[step], rhs[step]) }
            return .scalar(values)
        case (.vector, .scalar):
            let lhs = try evalVector(node.lhs, grid)
            let rhs = try evalScalar(node.rhs, grid)
            return .vector(try vectorScalar(node, lhs, rhs, swapped: false, grid))
        case (.scalar, .vector):
            let lhs = try evalScalar(node.lhs, grid)
            let rhs = try evalVector(node.rhs, grid)
            return .vector(try vectorScalar(node, rhs, lhs, swapped: true, grid))
        default:
            let lhs = try evalVector(node.lhs, grid)
            let rhs = try evalVector(node.rhs, grid)
            let matching = node.matching ?? VectorMatching(cardinality: node.op.isSetOperator ? .manyToMany : .oneToOne)
            switch node.op {
            case .and, .or, .unless:
                return .vector(try setOperation(node.op, lhs, rhs, matching, grid))
            default:
                return .vector(try vectorVector(node, lhs, rhs, matching, grid))
            }
        }
    }

    /// Scalar ⨯ scalar; comparisons (always with `bool`) give 0 or 1.
    @inline(__always)
    static func scalarOperation(_ op: BinaryOperator, _ lhs: Double, _ rhs: Double) -> Double {
        switch op {
        case .add: return lhs + rhs
        case .sub: return lhs - rhs
        case .mul: return lhs * rhs
        case .div: return lhs / rhs
        case .pow: return GoMath.pow(lhs, rhs)
        case .mod: return GoMath.mod(lhs, rhs)
        case .atan2: return GoTrig.atan2(lhs, rhs)
        case .equal: return lhs == rhs ? 1 : 0
        case .notEqual: return lhs != rhs ? 1 : 0
        case .greater: return lhs > rhs ? 1 : 0
        case .less: return lhs < rhs ? 1 : 0
        case .greaterOrEqual: return lhs >= rhs ? 1 : 0
        case .lessOrEqual: return lhs <= rhs ? 1 : 0
        case .and, .or, .unless: return .nan
        }
    }

    /// Prometheus's `vectorElemBinop`: the value, and whether a comparison holds.
    @inline(__always)
    static func elementOperation(_ op: BinaryOperator, _ lhs: Double, _ rhs: Double) -> (Double, Bool) {
        switch op {
        case .add: return (lhs + rhs, true)
        case .sub: return (lhs - rhs, true)
        case .mul: return (lhs * rhs, true)
        case .div: return (lhs / rhs, true)
        case .pow: return (GoMath.pow(lhs, rhs), true)
        case .mod: return (GoMath.mod(lhs, rhs), true)
        case .atan2: return (GoTrig.atan2(lhs, rhs), true)
        case .equal: return (lhs, lhs == rhs)
        case .notEqual: return (lhs, lhs != rhs)
        case .greater: return (lhs, lhs > rhs)
        case .less: return (lhs, lhs < rhs)
        case .greaterOrEqual: return (lhs, lhs >= rhs)
        case .lessOrEqual: return (lhs, lhs <= rhs)
        case .and, .or, .unless: return (lhs, true)
        }
    }

    /// Vector ⨯ scalar (or scalar ⨯ vector when `swapped`). Comparisons
    /// filter (or give 0/1 with `bool`) and always report the vector's value.
    private func vectorScalar(_ node: BinaryExpr, _ vector: SeriesSet, _ scalar: [Double], swapped: Bool, _ grid: StepGrid) throws -> SeriesSet {
        let op = node.op
        let returnBool = node.returnBool
        var result = SeriesSet(reservingSeries: vector.count, points: vector.points.count)
        for series in 0..<vector.count {
            for point in vector.points[vector.pointRange(series)] {
                let other = scalar[grid.step(of: point.timestamp)]
                var (value, keep) = swapped
                    ? Self.elementOperation(op, other, point.value)
                    : Self.elementOperation(op, point.value, other)
                if op.isComparison && swapped { value = point.value }
                if returnBool {
                    value = keep ? 1 : 0
                    keep = true
                }
                if keep { result.points.append(Sample(timestamp: point.timestamp, value: value)) }
            }
            var metric = vector.metrics[series]
            if op.dropsMetricName || returnBool { metric.dropsName = true }
            result.closeSeries(metric)
        }
        let renamed = op.dropsMetricName || returnBool
        return try result.mergingIfNamesDiffer(renamed && vector.hasDistinctNames)
    }
}
