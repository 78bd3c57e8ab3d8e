import Testing
import TSDB
@testable import PromQL

@Suite("Range queries")
struct RangeQueryTests {
    /// a every 10 s from 0 to 100 s; b only from 50 s.
    let fixture = try! Fixture(interval: 10_000, """
        a{x="1"} 0+1x10
        b{x="1"} _ _ _ _ _ 5 6 7
        """)

    @Test("every step is evaluated; series appear only where they have values")
    func steps() async throws {
        let result = try await fixture.range(#"{__name__=~"a|b"}"#, from: 0, to: 120, step: 20)
        #expect(result[#"a{x="1"}"#]?.map(\.value) == [0, 2, 4, 6, 8, 10, 10])
        #expect(result[#"a{x="1"}"#]?.map(\.timestamp) == [0, 20_000, 40_000, 60_000, 80_000, 100_000, 120_000])
        // b exists from 50 s: steps 60..120 s (lookback keeps 70 s's value alive).
        #expect(result[#"b{x="1"}"#]?.map(\.timestamp) == [60_000, 80_000, 100_000, 120_000])
    }

    @Test("results are sorted by labels")
    func sorting() async throws {
        let engine = Engine()
        let result = try await engine.rangeQuery(#"{__name__=~"a|b"}"#, start: 0, end: 100_000, step: 50_000, querier: fixture.store)
        guard case .matrix(let series) = result.value else {
            Issue.record("expected a matrix")
            return
        }
        #expect(series.map { $0.labels.metricName } == ["a", "b"])
    }

    @Test("a scalar becomes one series without labels")
    func scalarRange() async throws {
        let result = try await fixture.range("time() * 2", from: 0, to: 30, step: 10)
        #expect(result["{}"]?.map(\.value) == [0, 20, 40, 60])
    }

    @Test("aggregations and functions per step")
    func perStep() async throws {
        // a rises 1 per 10 s: a 30 s window always holds 4 samples, increase 3 over
        // 30 s with both edges on samples → 0.1/s at every step.
        let result = try await fixture.range("sum(rate(a[30s])) * 10", from: 30, to: 90, step: 30)
        #expect(result["{}"]?.map(\.value) == [1, 1, 1])
        // a and b both become {x="1"} without their names: Prometheus refuses that.
        let engine = Engine()
        do {
            _ = try await engine.rangeQuery(#"rate({__name__=~"a|b"}[30s])"#, start: 60_000, end: 90_000, step: 30_000, querier: fixture.store)
            Issue.record("accepted colliding label sets")
        } catch let error as QueryError {
            #expect(error.message == "vector cannot contain metrics with the same labelset")
        }
    }

    @Test("@ start() and @ end() pin to the query's bounds")
    func atStartEnd() async throws {
        let start = try await fixture.range(#"a @ start()"#, from: 20, to: 60, step: 20)
        #expect(start[#"a{x="1"}"#]?.map(\.value) == [2, 2, 2])
        let end = try await fixture.range(#"a @ end()"#, from: 20, to: 60, step: 20)
        #expect(end[#"a{x="1"}"#]?.map(\.value) == [6, 6, 6])
    }

    @Test("invalid ranges are bad requests")
    func validation() async throws {
        let engine = Engine()
        await #expect(throws: QueryError.self) {
            _ = try await engine.rangeQuery("a", start: 0, end: 10_000, step: 0, querier: fixture.store)
        }
        do {
            _ = try await engine.rangeQuery("a", start: 10_000, end: 0, step: 1000, querier: fixture.store)
            Issue.record("accepted end before start")
        } catch let error as QueryError {
            #expect(error.kind == .badData)
            #expect(error.message == "end timestamp must not be before start time")
        }
        do {
            _ = try await engine.rangeQuery("a[5m]", start: 0, end: 10_000, step: 1000, querier: fixture.store)
            Issue.record("accepted a range vector")
        } catch let error as QueryError {
            #expect(error.message == #"invalid expression type "range vector" for range query, must be Scalar or instant Vector"#)
        }
        do {
            _ = try await engine.rangeQuery("a", start: 0, end: 20_000_000, step: 1000, querier: fixture.store)
            Issue.record("accepted 20001 steps")
        } catch let error as QueryError {
            #expect(error.kind == .badData)
        }
    }
}
