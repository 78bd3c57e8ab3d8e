import Testing
import TSDB
@testable import PromQL

@Suite("Selectors, lookback and staleness")
struct SelectorTests {
    /// a: 1 2 3 stale at 0..45 s; b: one sample at 0 s; c: every 15 s.
    let fixture = try! Fixture(interval: 15_000, """
        a{x="1"} 1 2 3 stale
        b{x="1"} 7
        c{x="1"} 0+1x100
        c{x="2"} 100-1x100
        """)

    @Test("the latest sample within five minutes is the value")
    func lookback() async throws {
        #expect(try await fixture.value("b", at: 0) == 7)
        #expect(try await fixture.value("b", at: 300) == 7)       // exactly 5 m later: still visible
        #expect(try await fixture.vector("b", at: 300.001).isEmpty)  // 1 ms later: gone
        #expect(try await fixture.value("b", at: 20) == 7)
    }

    @Test("a stale marker ends the series immediately")
    func staleness() async throws {
        #expect(try await fixture.value("a", at: 40) == 3)
        #expect(try await fixture.vector("a", at: 45).isEmpty)
        #expect(try await fixture.vector("a", at: 100).isEmpty)
        // Range selectors skip the marker: [0, 60] counts 3 samples.
        #expect(try await fixture.value("count_over_time(a[1m])", at: 60) == 3)
    }

    @Test("offset looks back, negative offset forward")
    func offsets() async throws {
        #expect(try await fixture.value(#"c{x="1"} offset 1m"#, at: 120) == 4)   // value at 60 s
        #expect(try await fixture.value(#"c{x="1"} offset -1m"#, at: 120) == 12) // value at 180 s
    }

    @Test("@ pins the evaluation time, offset applies on top")
    func atModifier() async throws {
        #expect(try await fixture.value(#"c{x="1"} @ 30"#, at: 1000) == 2)
        #expect(try await fixture.value(#"c{x="1"} @ 60 offset 30s"#, at: 1000) == 2)
        #expect(try await fixture.value(#"c{x="1"} @ start()"#, at: 75) == 5)
        #expect(try await fixture.value(#"sum_over_time(c{x="1"}[30s] @ 45)"#, at: 0) == 1 + 2 + 3)
    }

    @Test("regex and negative matchers select like Prometheus (fully anchored)")
    func matchers() async throws {
        #expect(try await fixture.vector(#"c{x=~"1|2"}"#, at: 0).count == 2)
        #expect(try await fixture.vector(#"c{x=~"1.*"}"#, at: 0).count == 1)
        #expect(try await fixture.vector(#"c{x!="1"}"#, at: 0).keys.sorted() == [#"c{x="2"}"#])
        #expect(try await fixture.vector(#"{__name__=~"a|b", x="1"}"#, at: 0).count == 2)
        #expect(try await fixture.vector(#"c{y=""}"#, at: 0).count == 2) // missing label matches ""
    }

    @Test("an instant query of a range selector returns the raw samples")
    func rangeSelectorResult() async throws {
        guard case .matrix(let series) = try await fixture.result(#"c{x="1"}[30s]"#, at: 60).value else {
            Issue.record("expected a matrix")
            return
        }
        #expect(series.count == 1)
        #expect(series[0].labels.metricName == "c")
        #expect(series[0].samples.map(\.value) == [2, 3, 4]) // 30, 45, 60 s: the window is closed
        #expect(series[0].samples.map(\.timestamp) == [30_000, 45_000, 60_000])
    }

    @Test("a subquery alone returns its inner points")
    func subqueryResult() async throws {
        guard case .matrix(let series) = try await fixture.result(#"c{x="1"}[1m:30s]"#, at: 100).value else {
            Issue.record("expected a matrix")
            return
        }
        // Steps aligned to 30 s within [40 s, 100 s]: 60 and 90 s.
        #expect(series.first?.samples == [Sample(timestamp: 60_000, value: 4), Sample(timestamp: 90_000, value: 6)])
    }
}
