import Testing
import TSDB
@testable import PromQL

@Suite("*_over_time and regression functions")
struct OverTimeTests {
    /// Samples at 0, 10, 20, 30, 40 s.
    let fixture = try! Fixture(interval: 10_000, """
        g{x="1"} 2 4 4 4 5
        line{x="1"} 1 3 5 7 9
        flat{x="1"} 0.1 0.1 0.1 0.1
        infs{x="1"} 1 Inf 2
        """)

    @Test("the window is closed at both ends: [t - range, t]")
    func closedWindow() async throws {
        #expect(try await fixture.value("count_over_time(g[40s])", at: 40) == 5)
        #expect(try await fixture.value("count_over_time(g[39s])", at: 40) == 4)
    }

    @Test("sum, avg, min, max, count, last, present")
    func basics() async throws {
        #expect(try await fixture.value("sum_over_time(g[1m])", at: 40) == 19)
        #expect(try await fixture.value("avg_over_time(g[1m])", at: 40) == 3.8)
        #expect(try await fixture.value("min_over_time(g[1m])", at: 40) == 2)
        #expect(try await fixture.value("max_over_time(g[1m])", at: 40) == 5)
        #expect(try await fixture.value("last_over_time(g[1m])", at: 40) == 5)
        #expect(try await fixture.value("present_over_time(g[1m])", at: 40) == 1)
        #expect(try await fixture.vector("last_over_time(g[1m])", at: 40).keys.first == #"g{x="1"}"#) // keeps the name
        #expect(try await fixture.vector("max_over_time(g[1m])", at: 40).keys.first == #"{x="1"}"#)
    }

    @Test("stddev and stdvar over time")
    func spread() async throws {
        // 2 4 4 4 5: mean 3.8; squared deviations 3.24 + 0.04×3 + 1.44 = 4.8; /5 = 0.96.
        let variance = try #require(try await fixture.value("stdvar_over_time(g[1m])", at: 40))
        #expect(abs(variance - 0.96) < 1e-15)
        #expect(try await fixture.value("stddev_over_time(g[1m])", at: 40) == variance.squareRoot())
    }

    @Test("quantile_over_time")
    func quantile() async throws {
        // sorted 2 4 4 4 5, φ=0.9 → rank 3.6 → 4 + 0.6 × (5 - 4) = 4.6
        #expect(try await fixture.value("quantile_over_time(0.9, g[1m])", at: 40) == 4 * (1 - 0.6000000000000001) + 5 * 0.6000000000000001)
        #expect(try await fixture.value("quantile_over_time(0, g[1m])", at: 40) == 2)
    }

    @Test("deriv and predict_linear fit a least-squares line")
    func regression() async throws {
        // line rises 2 per 10 s: slope 0.2/s.
        #expect(try await fixture.value("deriv(line[1m])", at: 40) == 0.2)
        // The intercept is at the evaluation time (40 s: value 9); 10 s later → 11.
        #expect(try await fixture.value("predict_linear(line[1m], 10)", at: 40) == 11)
        // A constant series predicts itself exactly.
        #expect(try await fixture.value("predict_linear(flat[1m], 3600)", at: 30) == 0.1)
        #expect(try await fixture.value("deriv(flat[1m])", at: 30) == 0)
    }

    @Test("infinities in avg_over_time")
    func infinities() async throws {
        #expect(try await fixture.value("avg_over_time(infs[1m])", at: 20) == .infinity)
        #expect(try await fixture.value("sum_over_time(infs[1m])", at: 20) == .infinity)
    }

    @Test("subqueries evaluate the inner query at aligned steps")
    func subqueries() async throws {
        // rate(line[20s]) is 0.2 everywhere it exists; the subquery [40s:10s] at 40 s
        // has steps 0..40 s, of which 20, 30, 40 s have a 20 s window with 3 samples.
        #expect(try await fixture.value("max_over_time(deriv(line[20s])[40s:10s])", at: 40) == 0.2)
        #expect(try await fixture.value("count_over_time(deriv(line[20s])[40s:10s])", at: 40) == 4) // 10 s has 2 samples
        #expect(try await fixture.value("count_over_time(g[40s:5s])", at: 40) == 9)
    }
}
