import Testing
import TSDB
@testable import PromQL

@Suite("Instant-vector functions")
struct FunctionTests {
    let fixture = try! Fixture(interval: 15_000, """
        latency_bucket{job="api", le="0.1"} 10
        latency_bucket{job="api", le="0.5"} 30
        latency_bucket{job="api", le="1"} 38
        latency_bucket{job="api", le="+Inf"} 40
        odd_bucket{le="1"} 5
        odd_bucket{le="2"} 3
        odd_bucket{le="+Inf"} 8
        pods{pod="web-1", ns="prod"} 4
        pods{pod="web-2", ns="dev"} -2.5
        t{x="1"} 1709251199
        """)

    @Test("histogram_quantile interpolates linearly inside the bucket")
    func histogramQuantile() async throws {
        // 40 observations; φ=0.5 → rank 20, in (0.1, 0.5] which holds 20 (10..30):
        // 0.1 + 0.4 × (20 - 10)/20 = 0.30000000000000004.
        #expect(try await fixture.vector("histogram_quantile(0.5, latency_bucket)", at: 0) == [#"{job="api"}"#: 0.1 + (0.5 - 0.1) * (10.0 / 20)])
        // φ=0.95 → rank 38 lands exactly on the le=1 bucket's count: 0.5 + 0.5 × 8/8 = 1.
        #expect(try await fixture.value("histogram_quantile(0.95, latency_bucket)", at: 0) == 1)
        // φ=0.99 → rank 39.6 is in the +Inf bucket: the highest finite bound.
        #expect(try await fixture.value("histogram_quantile(0.99, latency_bucket)", at: 0) == 1)
        // φ=0.01 → rank 0.4 in the first bucket, interpolated from 0: 0.1 × 0.4/10.
        #expect(try await fixture.value("histogram_quantile(0.01, latency_bucket)", at: 0) == 0.1 * (0.4 / 10))
        #expect(try await fixture.value("histogram_quantile(-1, latency_bucket)", at: 0) == -.infinity)
        #expect(try await fixture.value("histogram_quantile(2, latency_bucket)", at: 0) == .infinity)
        #expect(try await fixture.value("histogram_quantile(NaN, latency_bucket)", at: 0)?.isNaN == true)
    }

    @Test("histogram_quantile repairs non-monotonic buckets")
    func monotonic() async throws {
        // Counts 5, 3, 8 become 5, 5, 8. φ=0.5 → rank 4 in (0, 1]: 1 × 4/5 = 0.8.
        #expect(try await fixture.value("histogram_quantile(0.5, odd_bucket)", at: 0) == 0.8)
        // rank 6 is past le=2 (count 5) → +Inf bucket → highest finite bound 2.
        #expect(try await fixture.value("histogram_quantile(0.75, odd_bucket)", at: 0) == 2)
    }

    @Test("label_replace expands $1 and ${1}; no match leaves labels alone")
    func labelReplace() async throws {
        let result = try await fixture.vector(#"label_replace(pods, "app", "$1-${2}x", "pod", "(.*)-(\\d+)")"#, at: 0)
        #expect(result.keys.sorted() == [#"pods{app="web-1x", ns="prod", pod="web-1"}"#, #"pods{app="web-2x", ns="dev", pod="web-2"}"#])
        let unchanged = try await fixture.vector(#"label_replace(pods, "app", "x", "pod", "db.*")"#, at: 0)
        #expect(unchanged.keys.sorted() == [#"pods{ns="dev", pod="web-2"}"#, #"pods{ns="prod", pod="web-1"}"#])
        // `$1x` names a group "1x", which does not exist: empty, so the label is removed.
        let removed = try await fixture.vector(#"label_replace(pods, "ns", "$1x", "pod", "(.*)")"#, at: 0)
        #expect(removed.keys.sorted() == [#"pods{pod="web-1"}"#, #"pods{pod="web-2"}"#])
        #expect(await fixture.error(#"label_replace(pods, "a-b", "x", "pod", ".*")"#, at: 0)?.message == "invalid destination label name in label_replace(): a-b")
    }

    @Test("label_join joins source values, empty ones included")
    func labelJoin() async throws {
        let result = try await fixture.vector(#"label_join(pods, "id", "/", "ns", "missing", "pod")"#, at: 0)
        #expect(result.keys.sorted() == [#"pods{id="dev//web-2", ns="dev", pod="web-2"}"#, #"pods{id="prod//web-1", ns="prod", pod="web-1"}"#])
    }

    @Test("math functions drop the name and use Go's results")
    func math() async throws {
        #expect(try await fixture.vector("abs(pods)", at: 0) == [#"{ns="prod", pod="web-1"}"#: 4, #"{ns="dev", pod="web-2"}"#: 2.5])
        #expect(try await fixture.value(#"sqrt(pods{ns="prod"})"#, at: 0) == 2)
        #expect(try await fixture.value(#"ceil(pods{ns="dev"})"#, at: 0) == -2)
        #expect(try await fixture.value(#"floor(pods{ns="dev"})"#, at: 0) == -3)
        #expect(try await fixture.value(#"round(pods{ns="dev"})"#, at: 0) == -2)   // ties round up
        #expect(try await fixture.value(#"round(pods{ns="prod"} / 3, 0.5)"#, at: 0) == 1.5)
        #expect(try await fixture.value(#"sgn(pods{ns="dev"})"#, at: 0) == -1)
        #expect(try await fixture.value("log10(vector(1000))", at: 0) == 3)
        #expect(try await fixture.value("log2(vector(8))", at: 0) == 3)
        #expect(try await fixture.value("ln(vector(1))", at: 0) == 0)
        #expect(try await fixture.value("exp(vector(0))", at: 0) == 1)
        #expect(try await fixture.value("deg(vector(pi()))", at: 0) == 180)
        #expect(try await fixture.value("vector(3) ^ 4", at: 0) == 81)
    }

    @Test("clamp, clamp_min, clamp_max")
    func clamp() async throws {
        #expect(try await fixture.vector("clamp(pods, -1, 3)", at: 0) == [#"{ns="prod", pod="web-1"}"#: 3, #"{ns="dev", pod="web-2"}"#: -1])
        #expect(try await fixture.vector("clamp(pods, 3, -1)", at: 0).isEmpty) // max < min: nothing
        #expect(try await fixture.value(#"clamp_min(pods{ns="dev"}, 0)"#, at: 0) == 0)
        #expect(try await fixture.value(#"clamp_max(pods{ns="prod"}, 1)"#, at: 0) == 1)
    }

    @Test("date functions in UTC")
    func dates() async throws {
        // 1709251199 s = 2024-02-29T23:59:59Z, a Thursday in a leap year.
        #expect(try await fixture.value("year(t)", at: 0) == 2024)
        #expect(try await fixture.value("month(t)", at: 0) == 2)
        #expect(try await fixture.value("day_of_month(t)", at: 0) == 29)
        #expect(try await fixture.value("day_of_week(t)", at: 0) == 4)
        #expect(try await fixture.value("day_of_year(t)", at: 0) == 60)
        #expect(try await fixture.value("days_in_month(t)", at: 0) == 29)
        #expect(try await fixture.value("hour(t)", at: 0) == 23)
        #expect(try await fixture.value("minute(t)", at: 0) == 59)
        // Without an argument: the evaluation time (here 1970-01-01T01:01:40Z).
        #expect(try await fixture.value("hour()", at: 3700) == 1)
        #expect(try await fixture.value("minute()", at: 3700) == 1)
        #expect(try await fixture.value("year()", at: 3700) == 1970)
    }

    @Test("absent gives labels from equality matchers")
    func absent() async throws {
        #expect(try await fixture.vector(#"absent(nothing{job="api", env=~"p.*"})"#, at: 0) == [#"{job="api"}"#: 1])
        #expect(try await fixture.vector("absent(pods)", at: 0).isEmpty)
        #expect(try await fixture.vector(#"absent_over_time(nothing{job="x"}[5m])"#, at: 0) == [#"{job="x"}"#: 1])
        #expect(try await fixture.vector("absent_over_time(pods[5m])", at: 0).isEmpty)
    }

    @Test("scalar, vector, time, timestamp")
    func conversions() async throws {
        #expect(try await fixture.value(#"scalar(pods{ns="prod"})"#, at: 0) == 4)
        #expect(try await fixture.value("scalar(pods)", at: 0)?.isNaN == true) // two elements
        #expect(try await fixture.vector("vector(7)", at: 0) == ["{}": 7])
        #expect(try await fixture.value("time()", at: 42.5) == 42.5)
        // timestamp() of a selector is the sample's time (0 s), not the evaluation time.
        #expect(try await fixture.value(#"timestamp(pods{ns="prod"})"#, at: 100) == 0)
        #expect(try await fixture.value(#"timestamp(-pods{ns="prod"})"#, at: 100) == 100)
    }

    @Test("sort and sort_desc order instant results, NaN last")
    func sorting() async throws {
        #expect(try await fixture.order("sort(pods)", at: 0) == [#"pods{ns="dev", pod="web-2"}"#, #"pods{ns="prod", pod="web-1"}"#])
        #expect(try await fixture.order("sort_desc(pods)", at: 0) == [#"pods{ns="prod", pod="web-1"}"#, #"pods{ns="dev", pod="web-2"}"#])
        #expect(try await fixture.order("sort_desc(pods or vector(NaN))", at: 0).last == "{}")
    }
}
