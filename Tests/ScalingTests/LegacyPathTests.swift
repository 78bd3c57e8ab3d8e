import Testing
@testable import Scaling

/// An HPA without `spec.behavior` replays the controller's legacy path
/// (`normalizeDesiredReplicas`); `behavior: {}` gets the default policies.
/// Worked examples at 15 s syncs.
@Suite struct LegacyPathTests {
    static func withoutBehavior(max: Int = 20) throws -> HorizontalPodAutoscaler {
        try HorizontalPodAutoscaler(
            name: "web", namespace: "shop",
            scaleTargetRef: ObjectReference(apiVersion: "apps/v1", kind: "Deployment", name: "web"),
            minReplicas: 1, maxReplicas: max, metrics: [Fixtures.cpu(percent: 50)], behavior: nil)
    }

    static func withEmptyBehavior(max: Int = 20) throws -> HorizontalPodAutoscaler {
        try HorizontalPodAutoscaler(
            name: "web", namespace: "shop",
            scaleTargetRef: ObjectReference(apiVersion: "apps/v1", kind: "Deployment", name: "web"),
            minReplicas: 1, maxReplicas: max, metrics: [Fixtures.cpu(percent: 50)], behavior: .default)
    }

    @Test func heavyLoadFromTwoReplicasDoublesWhereDefaultPoliciesAddMore() throws {
        // 500% of a 50% target wants ceil(2 × 10) = 20 at every sync.
        // Legacy: max(2 × 2, 4) = 4, then max(8, 4) = 8, then 16, then 20 (maxReplicas).
        let legacy = Fixtures.drive(try Self.withoutBehavior(), start: 2, observations: Array(repeating: [5.0], count: 4))
        #expect(legacy.map(\.replicas) == [4, 8, 16, 20])
        #expect(legacy.prefix(3).allSatisfy { $0.limitingRule == .scaleUpLimit })
        #expect(legacy[3].limitingRule == .tooManyReplicas || legacy[3].limitingRule == .desiredWithinRange)
        // behavior: {} → default scale-up: max(100 %, 4 pods) per 15 s: 2 → 6 → 12 → 20.
        let policies = Fixtures.drive(try Self.withEmptyBehavior(), start: 2, observations: Array(repeating: [5.0], count: 3))
        #expect(policies.map(\.replicas) == [6, 12, 20])
    }

    @Test func fromOneReplicaTheLegacyMinimumStepIsFour() throws {
        let decisions = Fixtures.drive(try Self.withoutBehavior(), start: 1, observations: [[5.0]])
        #expect(decisions[0].replicas == 4)
        #expect(decisions[0].desiredReplicas == 10)
    }

    @Test func scaleUpIsNotStabilizedOnTheLegacyPath() throws {
        // 100% of 50% at 4 replicas wants 8 at once, with no scale-up window to wait out.
        let decisions = Fixtures.drive(try Self.withoutBehavior(), start: 4, observations: [[1.0]])
        #expect(decisions[0].replicas == 8)
        #expect(decisions[0].limitingRule == .desiredWithinRange)
    }

    @Test func scaleDownHoldsTheHighestRecommendationForFiveMinutesInclusive() throws {
        // t0: 50% at 8 → 8 (tolerance). From t15: 25% → ceil(0.5 × 8) = 4.
        // The "8" recorded at t0 counts while t − 300 ≤ 0 (Go's Before: a record
        // exactly 300 s old is still inside), so the first drop is at t315, not t300.
        let observations: [[Double?]] = [[0.5]] + Array(repeating: [0.25], count: 21)
        let decisions = Fixtures.drive(try Self.withoutBehavior(), start: 8, observations: observations)
        let firstDrop = try #require(decisions.firstIndex { $0.replicas < 8 })
        #expect(decisions[firstDrop].time == 315)
        #expect(decisions[firstDrop].replicas == 4, "no scale-down rate limit on the legacy path")
        #expect(decisions[1..<firstDrop].allSatisfy { $0.limitingRule == .scaleDownStabilized })
    }

    @Test func minReplicasStillApplies() throws {
        let decisions = Fixtures.drive(try Self.withoutBehavior(), start: 3, observations: Array(repeating: [0.0], count: 22))
        #expect(decisions.last?.replicas == 1)
    }
}
