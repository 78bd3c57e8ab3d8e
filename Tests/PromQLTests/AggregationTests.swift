import Testing
import TSDB
@testable import PromQL

@Suite("Aggregations")
struct AggregationTests {
    /// Values at 0 s: api 1, 2, 3, 4 (instances 0..3), web 10, 20.
    let fixture = try! Fixture(interval: 15_000, """
        req{job="api", instance="0"} 1
        req{job="api", instance="1"} 2
        req{job="api", instance="2"} 3
        req{job="api", instance="3"} 4
        req{job="web", instance="0"} 10
        req{job="web", instance="1"} 20
        big{i="0"} 1e308
        big{i="1"} 1e308
        big{i="2"} 1e308
        odd{i="0"} NaN
        odd{i="1"} 5
        odd{i="2"} Inf
        """)

    @Test("sum, avg, min, max, count, group by label")
    func basics() async throws {
        #expect(try await fixture.vector("sum by (job) (req)", at: 0) == [#"{job="api"}"#: 10, #"{job="web"}"#: 30])
        #expect(try await fixture.vector("avg by (job) (req)", at: 0) == [#"{job="api"}"#: 2.5, #"{job="web"}"#: 15])
        #expect(try await fixture.vector("min without (instance) (req)", at: 0) == [#"{job="api"}"#: 1, #"{job="web"}"#: 10])
        #expect(try await fixture.vector("max(req)", at: 0) == ["{}": 20])
        #expect(try await fixture.vector("count(req) by (job)", at: 0) == [#"{job="api"}"#: 4, #"{job="web"}"#: 2])
        #expect(try await fixture.vector("group(req) by (job)", at: 0) == [#"{job="api"}"#: 1, #"{job="web"}"#: 1])
    }

    @Test("avg keeps a finite mean where a plain sum would overflow")
    func avgOverflow() async throws {
        // The incremental mean never holds 3e308 (which is +Inf).
        #expect(try await fixture.value("avg(big)", at: 0) == 1e308)
        #expect(try await fixture.value("sum(big)", at: 0) == .infinity)
    }

    @Test("stddev and stdvar are population statistics")
    func spread() async throws {
        // api: 1 2 3 4 → mean 2.5, squared deviations 2.25+0.25+0.25+2.25 = 5, /4 = 1.25.
        #expect(try await fixture.value(#"stdvar(req{job="api"})"#, at: 0) == 1.25)
        #expect(try await fixture.value(#"stddev(req{job="api"})"#, at: 0) == 1.25.squareRoot())
    }

    @Test("quantile interpolates between ranks")
    func quantile() async throws {
        // api sorted 1 2 3 4; φ=0.5 → rank 1.5 → 2 + 0.5 × (3 - 2) = 2.5.
        #expect(try await fixture.value(#"quantile(0.5, req{job="api"})"#, at: 0) == 2.5)
        // φ=0.9 → rank 2.7 → 3 + 0.7 × 1 = 3.7 (float: 3*0.3 + 4*0.7).
        #expect(try await fixture.value(#"quantile(0.9, req{job="api"})"#, at: 0) == 3 * (1 - 0.7000000000000002) + 4 * 0.7000000000000002)
        #expect(try await fixture.value(#"quantile(1.5, req{job="api"})"#, at: 0) == .infinity)
        #expect(try await fixture.value(#"quantile(-1, req{job="api"})"#, at: 0) == -.infinity)
    }

    @Test("topk and bottomk keep the input labels, best first")
    func topk() async throws {
        #expect(try await fixture.order("topk(3, req)", at: 0) == [
            #"req{instance="1", job="web"}"#, #"req{instance="0", job="web"}"#, #"req{instance="3", job="api"}"#,
        ])
        #expect(try await fixture.order("bottomk(2, req)", at: 0) == [
            #"req{instance="0", job="api"}"#, #"req{instance="1", job="api"}"#,
        ])
        #expect(try await fixture.vector("topk by (job) (1, req)", at: 0).count == 2)
        #expect(try await fixture.vector("topk(0, req)", at: 0).isEmpty)
        #expect(try await fixture.vector("topk(2.9, req)", at: 0).count == 2) // truncated to 2
    }

    @Test("NaN handling in min, max and topk")
    func nans() async throws {
        // A NaN is replaced by any later value; Inf wins max.
        #expect(try await fixture.value("max(odd)", at: 0) == .infinity)
        #expect(try await fixture.value("min(odd)", at: 0) == 5)
        #expect(try await fixture.order("topk(1, odd)", at: 0) == [#"odd{i="2"}"#])
        #expect(try await fixture.order("bottomk(1, odd)", at: 0) == [#"odd{i="1"}"#])
    }

    @Test("count_values turns values into a label with Go's shortest formatting")
    func countValues() async throws {
        let values = try await fixture.vector(#"count_values("v", req / 4)"#, at: 0)
        // 1/4, 2/4, 3/4, 4/4, 10/4, 20/4
        #expect(values == [#"{v="0.25"}"#: 1, #"{v="0.5"}"#: 1, #"{v="0.75"}"#: 1, #"{v="1"}"#: 1, #"{v="2.5"}"#: 1, #"{v="5"}"#: 1])
        #expect(try await fixture.vector(#"count_values by (job) ("v", req > 2 < 5)"#, at: 0)
            == [#"{job="api", v="3"}"#: 1, #"{job="api", v="4"}"#: 1])
        // 1e308 in 'f' format: all 309 digits.
        let huge = "1" + String(repeating: "0", count: 308)
        #expect(try await fixture.vector(#"count_values("v", big)"#, at: 0) == ["{v=\"\(huge)\"}": 3])
    }

    @Test("aggregation parameters are checked when the query runs")
    func parameterErrors() async throws {
        #expect(await fixture.error(#"count_values("not valid", req)"#, at: 0)?.message == #"invalid label name "not valid""#)
        #expect(await fixture.error("topk(NaN, req)", at: 0)?.message == "Scalar value NaN overflows int64")
    }

    @Test("by (__name__) keeps the metric name")
    func byName() async throws {
        #expect(try await fixture.vector(#"sum by (__name__) ({__name__=~"req|big"})"#, at: 0) == ["req": 40, "big": .infinity])
    }
}
