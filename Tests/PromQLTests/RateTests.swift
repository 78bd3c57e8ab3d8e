import Testing
import TSDB
@testable import PromQL

/// `rate`, `increase`, `delta`, `irate` worked by hand through Prometheus's
/// extrapolation rules (and confirmed with promtool).
@Suite("Counter functions")
struct RateTests {
    /// x rises by 10 every 15 s: 0 at 0 s, 10 at 15 s, …
    let fixture = try! Fixture(interval: 15_000, """
        x{job="a"} 0+10x40
        reset{job="a"} 0 10 20 5 15
        late{job="a"} _ _ _ _ 100 110 120
        gauge{job="a"} 50 40 45 30 35
        """)

    @Test("rate over a window exactly covering five samples")
    func rateAligned() async throws {
        // [60s, 120s] holds samples at 60..120 s with values 40..80.
        // increase 40 over 60 s sampled; both edges coincide with samples, so
        // no extrapolation: 40 / 60 s = 0.6666666666666666.
        #expect(try await fixture.value("rate(x[1m])", at: 120) == 40.0 / 60)
        #expect(try await fixture.value("increase(x[1m])", at: 120) == 40)
    }

    @Test("rate extrapolates to the window edge when the gap is small")
    func rateExtrapolated() async throws {
        // [70s, 120s]: samples 75..120 s (values 50..80), increase 30 over 45 s.
        // Gap to start 5 s < 1.1 × 15 s → extrapolate by 5 s: 30 × 50/45 over 50 s.
        let expected = 30.0 * (50.0 / 45.0) / 50.0
        #expect(try await fixture.value("rate(x[50s])", at: 120) == expected)
    }

    @Test("increase extrapolates half an interval when the gap is large")
    func increaseHalfInterval() async throws {
        // late: first sample 100 at 60 s; at 90 s a 2 min window [-30s, 90s]
        // holds 100, 110, 120 at 60, 75, 90 s: increase 20 over 30 s.
        // Gap to start 90 s ≥ 16.5 s → add half an interval (7.5 s) at the start;
        // but the counter would reach zero only 30 × 100/20 = 150 s before, so no clamp.
        // 20 × (30 + 7.5) / 30 = 25.
        #expect(try await fixture.value("increase(late[2m])", at: 90) == 25)
    }

    @Test("the zero point clamps extrapolation of a young counter")
    func zeroClamp() async throws {
        // x at [-15s, 45s]: samples 0..30 at 0..45 s; increase 30 over 45 s.
        // Gap to start 15 s < 16.5 s would extrapolate by 15 s, but the counter
        // started at 0 at 0 s: durationToZero = 45 × 0/30 = 0 → no start extension.
        // 30 × 45/45 = 30.
        #expect(try await fixture.value("increase(x[1m])", at: 45) == 30)
    }

    @Test("counter resets add the value before the reset")
    func resets() async throws {
        // reset: 0 10 20 5 15 at 0..60 s. Window [0, 60]: raw 15 - 0 = 15,
        // one reset after 20 adds 20 → 35 over 60 s, edges on samples.
        #expect(try await fixture.value("increase(reset[1m])", at: 60) == 35)
        #expect(try await fixture.value("resets(reset[1m])", at: 60) == 1)
        #expect(try await fixture.value("changes(reset[1m])", at: 60) == 4)
        // irate across the reset uses the post-reset value: 15 - 5 over 15 s.
        #expect(try await fixture.value("irate(reset[1m])", at: 60) == 10.0 / 15)
        #expect(try await fixture.value("irate(reset[1m])", at: 45) == 5.0 / 15) // 5 after 20: reset → 5/15
    }

    @Test("delta and idelta do not treat decreases as resets")
    func gaugeDelta() async throws {
        // gauge 50 40 45 30 35 at 0..60 s: delta over [0, 60] is 35 - 50 = -15.
        #expect(try await fixture.value("delta(gauge[1m])", at: 60) == -15)
        #expect(try await fixture.value("idelta(gauge[1m])", at: 60) == 5)
        #expect(try await fixture.value("idelta(gauge[1m])", at: 45) == -15)
    }

    @Test("fewer than two samples give no rate")
    func tooFewSamples() async throws {
        #expect(try await fixture.vector("rate(x[10s])", at: 60).isEmpty)
        #expect(try await fixture.vector("irate(late[10s])", at: 60).isEmpty)
    }

    @Test("rate drops the metric name")
    func rateLabels() async throws {
        #expect(try await fixture.vector("rate(x[1m])", at: 120).keys.sorted() == [#"{job="a"}"#])
    }
}
