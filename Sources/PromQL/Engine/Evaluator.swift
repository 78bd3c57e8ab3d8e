import TSDB

/// An intermediate value during evaluation, over all steps of the grid.
enum EvalValue {
    /// One value per step.
    case scalar([Double])
    case string(String)
    case vector(SeriesSet)
    /// Raw samples of a range selector or subquery (only as a final result).
    case matrix(SeriesSet)
}

/// Runs one query. Not shared between threads; the `Engine` makes one per query.
final class Evaluator {
    let querier: any SeriesQuerier
    let options: Engine.Options
    /// The query's start and end, which `@ start()` and `@ end()` refer to.
    let queryStart: Int64
    let queryEnd: Int64
    let streamsAggregations: Bool
    /// When the query times out; the store's scans see it as `ScanDeadline`.
    let deadline: ContinuousClock.Instant?
    private(set) var loadedSamples = 0
    private var interruptCheckCounter = 0

    init(
        querier: any SeriesQuerier, options: Engine.Options, queryStart: Int64, queryEnd: Int64,
        streamsAggregations: Bool = true
    ) {
        self.querier = querier
        self.streamsAggregations = streamsAggregations
        self.options = options
        self.queryStart = queryStart
        self.queryEnd = queryEnd
        self.deadline = options.timeout.map { ContinuousClock.now.advanced(by: $0) }
    }

    // MARK: - Results

    func instantResult(_ expr: Expr, at time: Int64) throws -> QueryResult {
        let grid = StepGrid.instant(time)
        switch try evaluate(expr, grid) {
        case .scalar(let values):
            return QueryResult(value: .scalar(timestamp: time, value: values.first ?? .nan))
        case .string(let text):
            return QueryResult(value: .string(timestamp: time, value: text))
        case .vector(let set):
            var samples: [VectorSample] = []
            samples.reserveCapacity(set.count)
            for series in 0..<set.count {
                let range = set.pointRange(series)
                guard let point = set.points[range].first else { continue }
                samples.append(VectorSample(labels: set.metrics[series].materialized, timestamp: time, value: point.value))
            }
            return QueryResult(value: .vector(samples))
        case .matrix(let set):
            return QueryResult(value: .matrix(Self.matrixSeries(set, sorted: false)))
        }
    }

    func rangeResult(_ expr: Expr, grid: StepGrid) throws -> QueryResult {
        switch try evaluate(expr, grid) {
        case .scalar(let values):
            let samples = values.enumerated().map { Sample(timestamp: grid.time($0.offset), value: $0.element) }
            return QueryResult(value: .matrix([MatrixSeries(labels: .empty, samples: samples)]))
        case .vector(let set):
            return QueryResult(value: .matrix(Self.matrixSeries(set, sorted: true)))
        case .string, .matrix:
            throw QueryError(.badData, "invalid expression type for range query, must be Scalar or instant Vector")
        }
    }

    private static func matrixSeries(_ set: SeriesSet, sorted: Bool) -> [MatrixSeries] {
        var result: [MatrixSeries] = []
        result.reserveCapacity(set.count)
        for series in 0..<set.count {
            result.append(MatrixSeries(labels: set.metrics[series].materialized, samples: Array(set.points[set.pointRange(series)])))
        }
        if sorted { result.sort { $0.labels < $1.labels } }
        return result
    }

    // MARK: - Limits

    /// Checks cancellation and the deadline; cheap enough to call per series.
    @inline(__always)
    func checkInterrupt(_ stage: String = "expression evaluation") throws {
        interruptCheckCounter &+= 1
        if interruptCheckCounter & 1023 != 0 { return }
        try checkInterruptNow(stage)
    }

    func checkInterruptNow(_ stage: String = "expression evaluation") throws {
        if Task.isCancelled { throw QueryError.canceled(stage) }
        if let deadline, ContinuousClock.now >= deadline { throw QueryError.timedOut(stage) }
    }

    /// Fails the query when an intermediate result holds too many points.
    func checkPoints(_ count: Int) throws {
        if count > options.maxSamples { throw QueryError.tooManySamples }
    }

    /// Streams series from storage, counting loaded samples against the
    /// limit and checking for interruption every 64 series (the store
    /// checks too, while it resolves postings and between spans of series).
    ///
    /// Counters live in locals while the visit runs: class properties would
    /// cost a dynamic exclusivity check per series.
    func visit(
        _ matchers: [LabelMatcher], minTime: Int64, maxTime: Int64, samples selection: SampleSelection = .all,
        _ body: (borrowing SeriesVisit) throws -> Void
    ) throws {
        try checkInterruptNow("query preparation")
        let allowance = options.maxSamples - loadedSamples
        var loaded = 0
        var visited = 0
        do {
            try querier.visitSeries(matchers, minTime: minTime, maxTime: maxTime, samples: selection) { series in
                loaded &+= series.samples.count
                if loaded > allowance { throw QueryError.tooManySamples }
                visited &+= 1
                if visited & 63 == 0 { try checkInterruptNow() }
                try body(series)
            }
        } catch let error as QueryError {
            throw error
        } catch let error as ScanInterrupted {
            throw error.isTimeout ? QueryError.timedOut("expression evaluation") : QueryError.canceled("expression evaluation")
        } catch {
            throw QueryError(.storage, "expanding series: \(error)")
        }
        loadedSamples += loaded
    }

    // MARK: - Dispatch

    func evaluate(_ expr: Expr, _ grid: StepGrid) throws -> EvalValue {
        try checkInterrupt()
        switch expr {
        case .number(let node):
            return .scalar([Double](repeating: node.value, count: grid.count))
        case .string(let node):
            return .string(node.value)
        case .paren(let node):
            return try evaluate(node.expr, grid)
        case .vectorSelector(let node):
            return .vector(try evalVectorSelector(node, grid))
        case .matrixSelector(let node):
            return .matrix(try evalMatrixSelector(node, grid))
        case .subquery(let node):
            return .matrix(try evalSubquery(node, grid))
        case .unary(let node):
            return try evalUnary(node, grid)
        case .binary(let node):
            return try evalBinary(node, grid)
        case .aggregate(let node):
            return .vector(try evalAggregation(node, grid))
        case .call(let node):
            return try evalCall(node, grid)
        }
    }

    func evalVector(_ expr: Expr, _ grid: StepGrid) throws -> SeriesSet {
        switch try evaluate(expr, grid) {
        case .vector(let set): return set
        default: throw QueryError.execution("expected instant vector, got \(expr.type.documentedName)")
        }
    }

    func evalScalar(_ expr: Expr, _ grid: StepGrid) throws -> [Double] {
        switch try evaluate(expr, grid) {
        case .scalar(let values): return values
        default: throw QueryError.execution("expected scalar, got \(expr.type.documentedName)")
        }
    }

    private func evalUnary(_ node: UnaryExpr, _ grid: StepGrid) throws -> EvalValue {
        let value = try evaluate(node.expr, grid)
        guard node.op == .minus else { return value }
        switch value {
        case .scalar(let values):
            return .scalar(values.map { -$0 })
        case .vector(var set):
            for index in set.points.indices { set.points[index].value = -set.points[index].value }
            let namesDiffer = set.hasDistinctNames
            for index in set.metrics.indices { set.metrics[index].dropsName = true }
            if namesDiffer { try set.requireUniqueLabels() }
            return .vector(set)
        default:
            return value
        }
    }

    // MARK: - Time references

    /// The time an `@` modifier pins evaluation to, if any.
    func atTime(_ modifier: AtModifier?) -> Int64? {
        switch modifier {
        case .none: return nil
        case .timestamp(let time): return time
        case .start: return queryStart
        case .end: return queryEnd
        }
    }
}

extension SeriesSet {
    /// Whether dropping metric names could make two series collide.
    var hasDistinctNames: Bool {
        var first: String??
        for metric in metrics {
            let name = metric.metricName
            if let seen = first {
                if seen != name { return true }
            } else {
                first = .some(name)
            }
        }
        return false
    }

    /// Prometheus's check for the whole result of range functions and unary
    /// minus: no two series may have the same labels.
    func requireUniqueLabels() throws {
        var seen = Set<Labels>()
        seen.reserveCapacity(count)
        for metric in metrics where !seen.insert(metric.materialized).inserted {
            throw QueryError.duplicateLabelset
        }
    }

    /// Prometheus's per-step rule for functions and operators that rewrite
    /// labels: series that now share labels are merged (they describe one
    /// series over different steps), and two values at the same step fail.
    func mergingSameLabels() throws -> SeriesSet {
        var index: [Labels: Int] = [:]
        var groups: [[Int]] = []
        var labelsOfGroup: [Labels] = []
        for series in 0..<count {
            let labels = metrics[series].materialized
            if let group = index[labels] {
                groups[group].append(series)
            } else {
                index[labels] = groups.count
                groups.append([series])
                labelsOfGroup.append(labels)
            }
        }
        if groups.count == count { return self }
        var merged = SeriesSet(reservingSeries: groups.count, points: points.count)
        for (group, members) in groups.enumerated() {
            if members.count == 1 {
                merged.append(metrics[members[0]], points[pointRange(members[0])])
                continue
            }
            var combined: [Sample] = []
            for member in members { combined.append(contentsOf: points[pointRange(member)]) }
            combined.sort { $0.timestamp < $1.timestamp }
            for i in 1..<combined.count where combined[i].timestamp == combined[i - 1].timestamp {
                throw QueryError.duplicateLabelset
            }
            merged.append(SeriesMetric(labelsOfGroup[group]), combined)
        }
        return merged
    }
}
