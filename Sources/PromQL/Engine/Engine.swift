import TSDB

/// Evaluates PromQL against any `SeriesQuerier`, with Prometheus 2.42's
/// semantics and numbers.
///
/// The engine is a value: configure it once and share it; every query gets
/// its own evaluator, so queries can run concurrently.
public struct Engine: Sendable {
    public struct Options: Sendable {
        /// How far back an instant selector looks for the latest sample (ms).
        public var lookbackDelta: Int64
        /// Wall-clock limit per query; nil for none.
        public var timeout: Duration?
        /// Cap on samples loaded from storage plus points held by any single
        /// intermediate result; exceeding it fails the query. Samples count
        /// as decoded (an instant selector in an instant query reads only
        /// each series' newest sample), whether or not they are held at once.
        public var maxSamples: Int
        /// Subquery resolution when none is given (`[1h:]`), in ms; Prometheus
        /// uses the global evaluation interval.
        public var defaultSubqueryStep: Int64
        /// Most steps a range query may have (Prometheus's API allows 11,000).
        public var maxPointsPerSeries: Int

        public init(
            lookbackDelta: Int64 = 300_000,
            timeout: Duration? = .seconds(120),
            maxSamples: Int = 50_000_000,
            defaultSubqueryStep: Int64 = 60_000,
            maxPointsPerSeries: Int = 11_000
        ) {
            self.lookbackDelta = lookbackDelta
            self.timeout = timeout
            self.maxSamples = maxSamples
            self.defaultSubqueryStep = defaultSubqueryStep
            self.maxPointsPerSeries = maxPointsPerSeries
        }
    }

    public var options: Options
    /// Test seam: false sends aggregations down the general path, so tests
    /// can compare the streaming aggregation with it bit for bit.
    var streamsAggregations = true

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Evaluates `query` at `time` (ms since the epoch).
    /// Throws `QueryError` (parse errors are `.badData`).
    public func instantQuery(_ query: String, at time: Int64, querier: some SeriesQuerier) async throws -> QueryResult {
        try await instantQuery(Self.parseForQuery(query), at: time, querier: querier)
    }

    /// Evaluates an already parsed (and possibly rewritten) expression.
    public func instantQuery(_ expr: Expr, at time: Int64, querier: some SeriesQuerier) async throws -> QueryResult {
        let expr = try Self.validated(expr)
        let evaluator = Evaluator(
            querier: querier, options: options, queryStart: time, queryEnd: time, streamsAggregations: streamsAggregations)
        return try ScanDeadline.$current.withValue(ScanDeadline(evaluator.deadline)) {
            try evaluator.instantResult(expr, at: time)
        }
    }

    /// Evaluates `query` at every `step` ms from `start` to `end` (inclusive).
    public func rangeQuery(_ query: String, start: Int64, end: Int64, step: Int64, querier: some SeriesQuerier) async throws -> QueryResult {
        try await rangeQuery(Self.parseForQuery(query), start: start, end: end, step: step, querier: querier)
    }

    public func rangeQuery(_ expr: Expr, start: Int64, end: Int64, step: Int64, querier: some SeriesQuerier) async throws -> QueryResult {
        let expr = try Self.validated(expr)
        if step <= 0 {
            throw QueryError(.badData, "zero or negative query resolution step widths are not accepted. Try a positive integer")
        }
        if end < start {
            throw QueryError(.badData, "end timestamp must not be before start time")
        }
        let (span, overflow) = end.subtractingReportingOverflow(start)
        if overflow || span / step > Int64(options.maxPointsPerSeries) {
            throw QueryError(.badData, "exceeded maximum resolution of \(options.maxPointsPerSeries) points per timeseries. Try decreasing the query resolution (?step=XX)")
        }
        let type = expr.type
        if type != .scalar && type != .vector {
            throw QueryError(.badData, "invalid expression type \(GoQuote.quote(type.documentedName)) for range query, must be Scalar or instant Vector")
        }
        let evaluator = Evaluator(
            querier: querier, options: options, queryStart: start, queryEnd: end, streamsAggregations: streamsAggregations)
        return try ScanDeadline.$current.withValue(ScanDeadline(evaluator.deadline)) {
            try evaluator.rangeResult(expr, grid: StepGrid(start: start, end: end, interval: step))
        }
    }

    /// Expressions built or rewritten in code get the parser's type checks
    /// too, so the evaluator only ever sees well-formed trees.
    static func validated(_ expr: Expr) throws -> Expr {
        do {
            return try TypeChecker(query: expr.description).check(expr)
        } catch let error as ParseError {
            throw QueryError(.badData, error.description, parseError: error)
        }
    }

    static func parseForQuery(_ query: String) throws -> Expr {
        do {
            return try parse(query)
        } catch let error as ParseError {
            throw QueryError(.badData, error.description, parseError: error)
        }
    }
}
