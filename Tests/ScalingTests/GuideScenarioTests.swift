import Testing
@testable import Scaling

/// The scaling guide's HPA driven through a traffic surge, checked against
/// what an operator would predict from reading the manifest.
@Suite struct GuideScenarioTests {
    /// Request rate: 2000/s, a surge from t300 (5000, 9000, then 12000/s from
    /// t420), back to 2000/s at t900; simulated until t1800.
    /// CPU follows traffic (1000 req/s per pod ≈ 60% CPU) and was recorded at
    /// 3 replicas, so with `spreadLoad(recordedReplicas: 3)` the controller
    /// sees CPU fall as it adds pods. Memory 50% at 3 pods, error rate 1%.
    static func run() throws -> SimulationResult {
        let hpa = try HorizontalPodAutoscaler.parse(yaml: Fixtures.guideYAML)
        let rate: [(Double, Double)] = [(0, 2000), (300, 5000), (360, 9000), (420, 12000), (900, 2000), (1800, 2000)]
        let series: [String: MetricSeries] = [
            "agent360_cpu_utilization_ratio": MetricSeries(rate.map { ($0.0, $0.1 / 3 / 1000 * 0.6) }),
            "memory": MetricSeries([(0, 0.5)]),
            "agent360_request_rate": MetricSeries(rate),
            "agent360_error_rate": MetricSeries([(0, 0.01)]),
        ]
        let options = SimulationOptions(loadModel: .spreadLoad(recordedReplicas: 3))
        return try HPASimulator(autoscaler: hpa, options: options).run(series: series)
    }

    /// (time, replicas) wherever the count changes, starting with t0.
    static func changes(_ result: SimulationResult) -> [(Double, Int)] {
        var points: [(Double, Int)] = []
        for row in result.rows where points.last?.1 != row.replicas {
            points.append((row.time, row.replicas))
        }
        return points
    }

    @Test func trajectoryMatchesTheOperatorsPrediction() throws {
        let result = try Self.run()
        // Up: request rate binds (ceil(total / 1000)); the first surge sample is t300.
        //  t300–330 held: the up window (60 s) still holds t ≤ 285 recommendations of 2.
        //  t345: t285 leaves the window → min over t300..t345 = 5 → 3 + 2 = 5 (policy allows +2).
        //  t405: 7, t465: 9 (+2 each time the previous +2 is 60 s old).
        //  t525: wants 12, policy allows 11, maxReplicas caps at 10.
        // Down: traffic drops at t900 (desired 2); the 300 s window holds 10 until the
        //  last t885 "12" leaves it at t1185; then −1 pod per 60 s down to minReplicas 3.
        let expected: [(Double, Int)] = [
            (0, 3), (345, 5), (405, 7), (465, 9), (525, 10),
            (1185, 9), (1245, 8), (1305, 7), (1365, 6), (1425, 5), (1485, 4), (1545, 3),
        ]
        let actual = Self.changes(result)
        #expect(actual.map(\.0) == expected.map(\.0))
        #expect(actual.map(\.1) == expected.map(\.1))
    }

    @Test func invariantsAnOperatorReliesOn() throws {
        let result = try Self.run()
        let changes = Self.changes(result)
        #expect(result.rows.allSatisfy { (3...10).contains($0.replicas) })
        for (previous, next) in zip(changes, changes.dropFirst()) {
            let step = next.1 - previous.1
            #expect(step <= 2 && step >= -1, "moved \(step) at t\(next.0)")
            #expect(next.0 - previous.0 >= 60, "moved again after \(next.0 - previous.0) s at t\(next.0)")
        }
        // No scale-down before (nearly) 5 minutes of lower load: 300 s minus one sync.
        let firstDown = try #require(zip(changes, changes.dropFirst()).first { $0.1.1 < $0.0.1 }?.1.0)
        #expect(firstDown - 900 >= 300 - 15)
        #expect(result.rows.last?.replicas == 3)
        #expect(result.rows.last?.limitingRule == .tooFewReplicas)
    }

    @Test func rulesExplainEachPhase() throws {
        let rows = try Self.run().rows
        func rule(at time: Double) -> LimitingRule? { rows.first { $0.time == time }?.limitingRule }
        #expect(rule(at: 0) == .tooFewReplicas)        // wants 2, min is 3
        #expect(rule(at: 300) == .scaleUpStabilized)   // surge not yet 60 s old
        #expect(rule(at: 405) == .scaleUpLimit)        // wants 9, +2 per minute
        #expect(rule(at: 525) == .tooManyReplicas)     // wants 12, max 10
        #expect(rule(at: 1005) == .scaleDownStabilized)
        #expect(rule(at: 1185) == .scaleDownLimit)     // wants 2, −1 per minute
    }

    @Test func cpuSpreadsOverTheSimulatedReplicas() throws {
        let rows = try Self.run().rows
        let peak = try #require(rows.first { $0.time == 600 })
        // Recorded 12000/3/1000 × 0.6 = 2.4 at 3 pods → 2.4 × 3 / 10 = 0.72 at 10 pods:
        // 72% against 70% is within tolerance.
        let cpu = try #require(peak.metrics[0].observed)
        #expect(abs(cpu - 0.72) < 1e-9)
        #expect(peak.metrics[0].withinTolerance)
        // Request rate and error rate are totals: never rescaled.
        #expect(peak.metrics[2].observed == 12000)
        #expect(peak.metrics[3].observed == 0.01)
    }
}
