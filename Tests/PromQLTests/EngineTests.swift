import Testing
import TSDB
@testable import PromQL

@Suite("Engine behaviour")
struct EngineTests {
    let fixture = try! Fixture(interval: 1_000, """
        x{i="1"} 0+1x1000
        x{i="2"} 0+1x1000
        """)

    @Test("result types and their Prometheus names")
    func resultTypes() async throws {
        #expect(try await fixture.result("1", at: 5).resultType == "scalar")
        #expect(try await fixture.result(#""hi""#, at: 5).resultType == "string")
        #expect(try await fixture.result("x", at: 5).resultType == "vector")
        #expect(try await fixture.result("x[2s]", at: 5).resultType == "matrix")
        guard case .scalar(let time, let value) = try await fixture.result("2 * 3", at: 5).value else { return }
        #expect(time == 5000 && value == 6)
        guard case .vector(let samples) = try await fixture.result("x", at: 5).value else { return }
        #expect(samples.allSatisfy { $0.timestamp == 5000 })
    }

    @Test("parse errors become bad-data query errors")
    func parseErrors() async throws {
        let error = await fixture.error("sum(", at: 0)
        #expect(error?.kind == .badData)
        #expect(error?.errorType == "bad_data")
        #expect(error?.parseError?.message == "unclosed left parenthesis")
    }

    @Test("the sample limit stops big queries")
    func maxSamples() async throws {
        var limited = fixture
        limited.engine = Engine(options: .init(lookbackDelta: 10_000, maxSamples: 100))
        // 2 series × 301 samples in [200 s, 500 s] is over the limit …
        let error = await limited.error("sum_over_time(x[5m])", at: 500)
        #expect(error?.kind == .execution)
        #expect(error?.message == "query processing would load too many samples into memory in query execution")
        // … 11 samples (the 10 s lookback window) are not.
        #expect(try await limited.value(#"x{i="1"}"#, at: 500) == 500)
    }

    @Test("a cancelled query stops with a canceled error")
    func cancellation() async throws {
        let store = fixture.store
        let task = Task {
            try await Engine().rangeQuery("sum(rate(x[10s]))", start: 0, end: 1_000_000, step: 1000, querier: store)
        }
        task.cancel()
        do {
            _ = try await task.value
            // Finishing before noticing the cancellation is fine too.
        } catch let error as QueryError {
            #expect(error.kind == .canceled)
        }
    }

    @Test("a zero timeout times out")
    func timeout() async throws {
        var limited = fixture
        limited.engine = Engine(options: .init(timeout: .zero))
        let error = await limited.error("sum(x)", at: 100)
        #expect(error?.kind == .timeout)
    }

    @Test("a custom lookback delta")
    func lookback() async throws {
        var short = try Fixture(interval: 60_000, "y 1")
        short.engine = Engine(options: .init(lookbackDelta: 30_000))
        #expect(try await short.value("y", at: 30) == 1)
        #expect(try await short.vector("y", at: 31).isEmpty)
    }

    @Test("the default subquery step is configurable")
    func subqueryStep() async throws {
        var custom = fixture
        custom.engine = Engine(options: .init(defaultSubqueryStep: 10_000))
        // Steps 10 s apart within [60 s, 120 s]: 7 points.
        #expect(try await custom.value(#"count_over_time(x{i="1"}[1m:])"#, at: 120) == 7)
        #expect(try await fixture.value(#"count_over_time(x{i="1"}[1m:])"#, at: 120) == 2) // default 1 m
    }

    @Test("queries run concurrently on one engine")
    func concurrency() async throws {
        let engine = Engine()
        let store = fixture.store
        try await withThrowingTaskGroup(of: Double?.self) { group in
            for second in 1...20 {
                group.addTask {
                    let result = try await engine.instantQuery("sum(x)", at: Int64(second) * 1000, querier: store)
                    if case .vector(let samples) = result.value { return samples.first?.value }
                    return nil
                }
            }
            var total = 0.0
            for try await value in group { total += value ?? 0 }
            // sum(x) at t seconds is 2t; Σ 2t for t = 1…20 = 420.
            #expect(total == 420)
        }
    }
}

@Suite("Robustness against hostile input")
struct RobustnessTests {
    let fixture = try! Fixture(interval: 15_000, "x{a=\"1\"} 1 2 3")

    @Test("extreme times, offsets and @ values do not trap")
    func extremeTimes() async throws {
        let engine = Engine()
        for time in [Int64.max, Int64.min, 0] {
            for query in ["x offset -1h", "rate(x[5m] offset -1w)", "x @ -9223372036854775", "max_over_time(x[1h:1m] offset -1d)", "timestamp(x offset -1m)"] {
                _ = try? await engine.instantQuery(query, at: time, querier: fixture.store)
            }
        }
        _ = try? await engine.rangeQuery("x", start: Int64.min, end: Int64.max, step: 1, querier: fixture.store)
    }

    @Test("subqueries with absurd resolution hit the sample limit")
    func hugeSubquery() async throws {
        let error = await fixture.error("max_over_time(x[10y:1ms])", at: 100)
        #expect(error?.message == "query processing would load too many samples into memory in query execution")
    }

    @Test("hand-built expressions are type checked before evaluation")
    func handBuiltExpressions() async throws {
        let engine = Engine()
        guard let rate = FunctionSignature.named("rate") else { return }
        let noArguments = Expr.call(FunctionCall(function: rate, args: []))
        await #expect(throws: QueryError.self) {
            _ = try await engine.instantQuery(noArguments, at: 0, querier: fixture.store)
        }
        let topkWithoutK = Expr.aggregate(AggregateExpr(op: .topk, expr: .vectorSelector(VectorSelector(name: "x", matchers: [.equal("__name__", "x")]))))
        await #expect(throws: QueryError.self) {
            _ = try await engine.instantQuery(topkWithoutK, at: 0, querier: fixture.store)
        }
        let everything = Expr.vectorSelector(VectorSelector(matchers: []))
        await #expect(throws: QueryError.self) {
            _ = try await engine.instantQuery(everything, at: 0, querier: fixture.store)
        }
    }

    @Test("random garbage never crashes the parser")
    func fuzz() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array(#"abc{}[]()"'`=~!<>+-*/%^@:,.# 0123456789xmshdwy\\nsumbyoffsetrate_éπ"#)
        for _ in 0..<3000 {
            let length = Int.random(in: 0...24, using: &generator)
            let query = String((0..<length).map { _ in alphabet.randomElement(using: &generator) ?? "x" })
            _ = try? parse(query)
        }
    }
}
