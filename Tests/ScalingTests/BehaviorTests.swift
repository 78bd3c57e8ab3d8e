import Testing
@testable import Scaling

/// Stabilization windows and rate policies, step by step at 15 s syncs.
/// "A record exactly `window` s old is outside the window" (Go's time.After).
@Suite struct BehaviorTests {
    private static let unlimited = [HPAScalingPolicy(.pods, value: 100, periodSeconds: 15)]

    @Test func scaleUpStabilizationWaitsForTheWindow() throws {
        let hpa = try Fixtures.autoscaler(
            metrics: [Fixtures.cpu(percent: 100)],
            scaleUp: HPAScalingRules(stabilizationWindowSeconds: 60, policies: Self.unlimited)
        )
        // t0: 100% → 2 (tolerance). From t15: 200% → ceil(2 × 2) = 4.
        // t15/30/45: the t0 recommendation (2) is inside (t − 60, t] → min = 2 → stay.
        // t60: cutoff 0 excludes t0; recs t15..t45 are all 4 → scale to 4.
        let decisions = Fixtures.drive(hpa, start: 2, observations: [[1.0], [2.0], [2.0], [2.0], [2.0]])
        #expect(decisions.map(\.replicas) == [2, 2, 2, 2, 4])
        #expect(decisions.map(\.limitingRule) == [.tolerance, .scaleUpStabilized, .scaleUpStabilized, .scaleUpStabilized, .desiredWithinRange])
        #expect(decisions[1].stabilizedReplicas == 2)
        #expect(decisions[1].desiredReplicas == 4)
    }

    @Test func scaleDownStabilizationHoldsForThreeHundredSeconds() throws {
        let hpa = try Fixtures.autoscaler(
            metrics: [Fixtures.cpu(percent: 100)],
            scaleDown: HPAScalingRules(stabilizationWindowSeconds: 300, policies: Self.unlimited)
        )
        // t0..t60: 100% at 4 → recommendation 4. From t75: 50% → ceil(0.5 × 4) = 2.
        // The last "4" is recorded at t60; it leaves the window when the cutoff
        // t − 300 reaches 60, i.e. at t360. Every sync before holds at 4.
        let observations: [[Double?]] = Array(repeating: [1.0], count: 5) + Array(repeating: [0.5], count: 21)
        let decisions = Fixtures.drive(hpa, start: 4, observations: observations)
        let firstDrop = try #require(decisions.firstIndex { $0.replicas < 4 })
        #expect(decisions[firstDrop].time == 360)
        #expect(decisions[firstDrop].replicas == 2)
        #expect(decisions[5..<firstDrop].allSatisfy { $0.limitingRule == .scaleDownStabilized && $0.replicas == 4 })
    }

    @Test func podsPolicyCountsFromThePeriodStart() throws {
        let hpa = try Fixtures.autoscaler(
            metrics: [Fixtures.cpu(percent: 100)],
            scaleUp: HPAScalingRules(stabilizationWindowSeconds: 0, policies: [HPAScalingPolicy(.pods, value: 2, periodSeconds: 60)])
        )
        // 500% always asks for far more. t0: 2 + 2 = 4 (event +2 @0).
        // t15..t45: the +2 @0 is inside (t − 60, t] → start 4 − 2 = 2 → limit 4 → hold.
        // t60: @0 drops out → start 4 → 6. t120 → 8.
        let decisions = Fixtures.drive(hpa, start: 2, observations: Array(repeating: [5.0], count: 9))
        #expect(decisions.map(\.replicas) == [4, 4, 4, 4, 6, 6, 6, 6, 8])
        #expect(decisions.allSatisfy { $0.limitingRule == .scaleUpLimit })
    }

    @Test func percentPolicyRoundsUpAndCapsAtMax() throws {
        let hpa = try Fixtures.autoscaler(
            max: 20,
            metrics: [Fixtures.cpu(percent: 100)],
            scaleUp: HPAScalingRules(stabilizationWindowSeconds: 0, policies: [HPAScalingPolicy(.percent, value: 50, periodSeconds: 60)])
        )
        // t0: ceil(4 × 1.5) = 6. t60: ceil(6 × 1.5) = 9. t120: ceil(9 × 1.5) = ceil(13.5) = 14.
        // t180: ceil(14 × 1.5) = 21 > max 20 → 20, limited by TooManyReplicas.
        let decisions = Fixtures.drive(hpa, start: 4, observations: Array(repeating: [5.0], count: 13))
        #expect(decisions.map(\.replicas) == [6, 6, 6, 6, 9, 9, 9, 9, 14, 14, 14, 14, 20])
        #expect(decisions[12].limitingRule == .tooManyReplicas)
    }

    @Test func percentScaleDownTruncates() throws {
        let hpa = try Fixtures.autoscaler(
            metrics: [Fixtures.cpu(percent: 100)],
            scaleDown: HPAScalingRules(stabilizationWindowSeconds: 0, policies: [HPAScalingPolicy(.percent, value: 50, periodSeconds: 60)])
        )
        // 10% load wants ceil(0.1 × n) = 1. t0: floor(10 × 0.5) = 5.
        // t60: floor(5 × 0.5) = 2. t120: floor(2 × 0.5) = 1 = desired → within range.
        let decisions = Fixtures.drive(hpa, start: 10, observations: Array(repeating: [0.1], count: 9))
        #expect(decisions.map(\.replicas) == [5, 5, 5, 5, 2, 2, 2, 2, 1])
        #expect(decisions[0].limitingRule == .scaleDownLimit)
        #expect(decisions[8].limitingRule == .desiredWithinRange)
    }

    @Test(arguments: [
        // Pods 4 → 14, Percent 100 → 20: Max takes 20, Min takes 14, Disabled stays at 10.
        (HPAScalingRules.SelectPolicy.max, 20, LimitingRule.desiredWithinRange),
        (.min, 14, .scaleUpLimit),
        (.disabled, 10, .scaleUpLimit),
    ])
    func selectPolicyScalingUp(select: HPAScalingRules.SelectPolicy, expected: Int, rule: LimitingRule) throws {
        let hpa = try Fixtures.autoscaler(
            max: 50,
            metrics: [Fixtures.cpu(percent: 100)],
            scaleUp: HPAScalingRules(stabilizationWindowSeconds: 0, selectPolicy: select, policies: [
                HPAScalingPolicy(.pods, value: 4, periodSeconds: 60), HPAScalingPolicy(.percent, value: 100, periodSeconds: 60),
            ])
        )
        // 200% at 10 → desired ceil(2 × 10) = 20.
        let decision = Fixtures.drive(hpa, start: 10, observations: [[2.0]])[0]
        #expect(decision.desiredReplicas == 20)
        #expect(decision.replicas == expected)
        #expect(decision.limitingRule == rule)
    }

    @Test(arguments: [
        // Pods 1 → 9, Percent 50 → 5: Max (largest change) takes 5, Min takes 9, Disabled stays.
        (HPAScalingRules.SelectPolicy.max, 5),
        (.min, 9),
        (.disabled, 10),
    ])
    func selectPolicyScalingDown(select: HPAScalingRules.SelectPolicy, expected: Int) throws {
        let hpa = try Fixtures.autoscaler(
            metrics: [Fixtures.cpu(percent: 100)],
            scaleDown: HPAScalingRules(stabilizationWindowSeconds: 0, selectPolicy: select, policies: [
                HPAScalingPolicy(.pods, value: 1, periodSeconds: 60), HPAScalingPolicy(.percent, value: 50, periodSeconds: 60),
            ])
        )
        // 10% at 10 → desired 1.
        let decision = Fixtures.drive(hpa, start: 10, observations: [[0.1]])[0]
        #expect(decision.replicas == expected)
        #expect(decision.limitingRule == .scaleDownLimit)
    }

    @Test func periodWindowSumsSeveralEvents() throws {
        let hpa = try Fixtures.autoscaler(
            metrics: [Fixtures.externalAverage("agent360_request_rate", perReplica: 1)],
            scaleUp: HPAScalingRules(stabilizationWindowSeconds: 0, policies: [HPAScalingPolicy(.pods, value: 3, periodSeconds: 60)])
        )
        // desired = total / 1 = [3, 4, 6, 8, 8, 8, 8]; +3 pods per 60 s from the period start.
        // t0:  start 2                      → limit 5 → 3   (+1 @0)
        // t15: events @0(+1)     start 2    → limit 5 → 4   (+1 @15)
        // t30: @0,@15 (+2)       start 2    → limit 5 → 5   (+1 @30)  ScaleUpLimit
        // t45: @0,@15,@30 (+3)   start 2    → limit 5 → 5             ScaleUpLimit
        // t60: @15,@30 (+2)      start 3    → limit 6 → 6   (+1 @60)
        // t75: @30,@60 (+2)      start 4    → limit 7 → 7   (+1 @75)
        // t90: @60,@75 (+2)      start 5    → limit 8 → 8 = desired
        let decisions = Fixtures.drive(hpa, start: 2, observations: [[3], [4], [6], [8], [8], [8], [8]])
        #expect(decisions.map(\.replicas) == [3, 4, 5, 5, 6, 7, 8])
        #expect(decisions.map(\.limitingRule) == [
            .desiredWithinRange, .desiredWithinRange, .scaleUpLimit, .scaleUpLimit, .scaleUpLimit, .scaleUpLimit, .desiredWithinRange,
        ])
    }

    @Test func periodStartCountsScaleDownsToo() throws {
        let hpa = try Fixtures.autoscaler(
            metrics: [Fixtures.externalAverage("agent360_request_rate", perReplica: 1)],
            scaleUp: HPAScalingRules(stabilizationWindowSeconds: 0, policies: [HPAScalingPolicy(.pods, value: 2, periodSeconds: 60)])
        )
        // t0: 6 → 4 (−2 @0). t15: desired 10; period start = 4 − 0 added + 2 removed = 6
        // → limit 6 + 2 = 8, not 4 + 2.
        let decisions = Fixtures.drive(hpa, start: 6, observations: [[4], [10]])
        #expect(decisions.map(\.replicas) == [4, 8])
    }

    @Test func defaultBehaviorScalesFromMinAndClampsAtMax() throws {
        let hpa = try HorizontalPodAutoscaler(
            name: "web", scaleTargetRef: ObjectReference(kind: "Deployment", name: "web"),
            minReplicas: 2, maxReplicas: 20, metrics: [Fixtures.cpu(percent: 100)], behavior: .default
        )
        // `behavior: {}` (absent behavior takes the legacy path: LegacyPathTests).
        // 300% per pod whatever the count. Default scale-up: max(+4 pods, +100%) per 15 s.
        // t0:  desired 6  → limit max(2 + 4, 2 × 2) = 6  → 6.
        // t15: desired 18 → the t0 event is exactly 15 s old, outside → start 6 → max(10, 12) = 12.
        // t30: desired 36 → limit max(16, 24) = 24 → max 20 (TooManyReplicas).
        let decisions = Fixtures.drive(hpa, start: 2, observations: [[3.0], [3.0], [3.0]])
        #expect(decisions.map(\.replicas) == [6, 12, 20])
        #expect(decisions.map(\.limitingRule) == [.desiredWithinRange, .scaleUpLimit, .tooManyReplicas])
    }

    @Test func defaultScaleDownWaitsFiveMinutesThenDropsAtOnce() throws {
        let hpa = try HorizontalPodAutoscaler(
            name: "web", scaleTargetRef: ObjectReference(kind: "Deployment", name: "web"),
            minReplicas: 1, maxReplicas: 20, metrics: [Fixtures.cpu(percent: 100)], behavior: .default
        )
        // `behavior: {}`. t0: 100% at 8 → 8. Then 25% → ceil(0.25 × 8) = 2. The t0 record leaves the
        // 300 s window at t300; the default policy (−100% per 15 s) then allows 2 at once.
        let observations: [[Double?]] = [[1.0]] + Array(repeating: [0.25], count: 20)
        let decisions = Fixtures.drive(hpa, start: 8, observations: observations)
        #expect(decisions[19].time == 285)
        #expect(decisions[19].replicas == 8)
        #expect(decisions[20].time == 300)
        #expect(decisions[20].replicas == 2)
    }
}
