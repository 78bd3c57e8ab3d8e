import Testing
@testable import Scaling

/// Per-metric proposals. Behavior is neutralised (no windows, +/-100 pods per
/// 15 s) so each test sees the replica calculation alone.
@Suite struct ReplicaCalculationTests {
    private func decide(_ hpa: HorizontalPodAutoscaler, current: Int, _ values: [Double?]) -> HPADecision {
        var controller = HPAController(autoscaler: hpa)
        return controller.reconcile(at: 0, currentReplicas: current, observations: values)
    }

    @Test func toleranceBand() throws {
        let hpa = try Fixtures.autoscaler(metrics: [Fixtures.cpu(percent: 100)])
        // 109% of a 100% target: ratio 1.09, 0.09 off → within 0.1 → keep 10.
        let within = decide(hpa, current: 10, [1.09])
        #expect(within.replicas == 10)
        #expect(within.limitingRule == .tolerance)
        #expect(within.metrics[0].withinTolerance)
        // 111%: ratio 1.11, 0.11 off → ceil(1.11 × 10) = ceil(11.1) = 12.
        #expect(decide(hpa, current: 10, [1.11]).replicas == 12)
        // 91%: ratio 0.91 ≥ 0.9 → keep 10.  89%: ceil(0.89 × 10) = ceil(8.9) = 9.
        #expect(decide(hpa, current: 10, [0.91]).replicas == 10)
        #expect(decide(hpa, current: 10, [0.89]).replicas == 9)
        // Exactly 1.1 is inside: the band is inclusive ((1 − t) ≤ r ≤ (1 + t)).
        #expect(decide(hpa, current: 10, [1.10]).replicas == 10)
    }

    @Test func utilizationIsTruncatedToWholePercent() throws {
        let hpa = try Fixtures.autoscaler(metrics: [Fixtures.cpu(percent: 70)])
        // 0.85 → 85% → ratio 85/70 = 1.2143 → ceil(1.2143 × 3) = ceil(3.64) = 4.
        let decision = decide(hpa, current: 3, [0.85])
        #expect(decision.replicas == 4)
        #expect(decision.metrics[0].usageRatio == 85.0 / 70.0)
        // 0.7799 → 77% (the controller's integer percent) → 77/70 = 1.1 → within → 3.
        #expect(decide(hpa, current: 3, [0.7799]).replicas == 3)
    }

    @Test func customToleranceFromBehavior() throws {
        var up = HPAScalingRules(stabilizationWindowSeconds: 0, policies: [HPAScalingPolicy(.pods, value: 100, periodSeconds: 15)])
        up.tolerance = 0.02
        let hpa = try Fixtures.autoscaler(metrics: [Fixtures.cpu(percent: 100)], scaleUp: up)
        // 105%: outside a 2% scale-up tolerance → ceil(1.05 × 10) = ceil(10.5) = 11.
        #expect(decide(hpa, current: 10, [1.05]).replicas == 11)
        // 95%: scale-down tolerance is still 10% → keep 10.
        #expect(decide(hpa, current: 10, [0.95]).replicas == 10)
    }

    @Test func podsAverageValue() throws {
        let metric = HPAMetric(.pods(MetricIdentifier(name: "queue_depth")), target: .averageValue(Quantity(100)))
        let hpa = try Fixtures.autoscaler(metrics: [metric])
        // 150 per pod against 100: ratio 1.5 → ceil(1.5 × 4) = 6.
        #expect(decide(hpa, current: 4, [150]).replicas == 6)
        // 105 per pod: ratio 1.05 → within → 4.
        #expect(decide(hpa, current: 4, [105]).replicas == 4)
    }

    @Test func resourceAverageValue() throws {
        let metric = HPAMetric(.resource(name: "cpu"), target: .averageValue(try Quantity(parsing: "500m")))
        let hpa = try Fixtures.autoscaler(metrics: [metric])
        // 0.8 cores per pod against 500m: 800m/500m = 1.6 → ceil(1.6 × 2) = ceil(3.2) = 4.
        #expect(decide(hpa, current: 2, [0.8]).replicas == 4)
    }

    @Test func externalValue() throws {
        let hpa = try Fixtures.autoscaler(metrics: [Fixtures.external("agent360_error_rate", value: 0.05)])
        // 80m / 50m = 1.6 → ceil(1.6 × 4) = ceil(6.4) = 7.
        #expect(decide(hpa, current: 4, [0.08]).replicas == 7)
        // 60m / 50m = 1.2 exactly in milli-units → ceil(1.2 × 5) = 6 (not 7 from float noise).
        #expect(decide(hpa, current: 5, [0.06]).replicas == 6)
    }

    @Test func objectValue() throws {
        let metric = HPAMetric(
            .object(MetricIdentifier(name: "requests_per_second"), describedObject: ObjectReference(kind: "Ingress", name: "main")),
            target: .value(Quantity(2000))
        )
        let hpa = try Fixtures.autoscaler(metrics: [metric])
        // 3000 / 2000 = 1.5 → ceil(1.5 × 2) = 3.
        #expect(decide(hpa, current: 2, [3000]).replicas == 3)
    }

    @Test func externalRequestRatePerReplica() throws {
        let hpa = try Fixtures.autoscaler(metrics: [Fixtures.externalAverage("agent360_request_rate", perReplica: 1000)])
        // Total 4200/s at 2 replicas: ratio 4200 / (1000 × 2) = 2.1 → ceil(4200 / 1000) = 5.
        let decision = decide(hpa, current: 2, [4200])
        #expect(decision.replicas == 5)
        #expect(decision.metrics[0].usageRatio == 2.1)
        // 3250 at 3: ratio 1.083 → within → 3.  3350 at 3: 1.117 → ceil(3.35) = 4.
        #expect(decide(hpa, current: 3, [3250]).replicas == 3)
        #expect(decide(hpa, current: 3, [3350]).replicas == 4)
    }

    @Test func largestProposalWins() throws {
        let hpa = try Fixtures.autoscaler(metrics: [
            Fixtures.cpu(percent: 70), Fixtures.externalAverage("agent360_request_rate", perReplica: 1000),
        ])
        // cpu 0.9 at 4: 90/70 = 1.286 → ceil(5.14) = 6; requests 7500 → ceil(7.5) = 8. Max = 8.
        let decision = decide(hpa, current: 4, [0.9, 7500])
        #expect(decision.metrics.map(\.proposal) == [6, 8])
        #expect(decision.desiredReplicas == 8)
        #expect(decision.replicas == 8)
    }

    @Test func partialMetricsScaleUpButNeverDown() throws {
        let hpa = try Fixtures.autoscaler(metrics: [Fixtures.cpu(percent: 100), Fixtures.external("agent360_error_rate", value: 0.05)])
        // CPU 200% at 4 → 8, error rate missing: scaling up on the known metric is allowed.
        #expect(decide(hpa, current: 4, [2.0, nil]).replicas == 8)
        // CPU 50% at 4 → 2, error rate missing: the controller refuses to scale down.
        let held = decide(hpa, current: 4, [0.5, nil])
        #expect(held.replicas == 4)
        #expect(held.limitingRule == .failedGetExternalMetric)
        // Nothing readable: hold, naming the first metric's failure.
        let blind = decide(hpa, current: 4, [nil, .nan])
        #expect(blind.replicas == 4)
        #expect(blind.limitingRule == .failedGetResourceMetric)
        #expect(blind.desiredReplicas == nil)
    }

    @Test func outOfRangeReplicasArePulledIn() throws {
        let hpa = try Fixtures.autoscaler(min: 2, max: 6)
        let above = decide(hpa, current: 9, [1.0])
        #expect(above.replicas == 6)
        #expect(above.limitingRule == .tooManyReplicas)
        let below = decide(hpa, current: 1, [1.0])
        #expect(below.replicas == 2)
        #expect(below.limitingRule == .tooFewReplicas)
    }

    @Test func zeroReplicasDisableScalingUnlessMinIsZero() throws {
        let hpa = try Fixtures.autoscaler(min: 1, max: 6)
        let disabled = decide(hpa, current: 0, [5.0])
        #expect(disabled.replicas == 0)
        #expect(disabled.limitingRule == .scalingDisabled)

        // HPAScaleToZero: min 0 with an External metric. 0.15 / 0.05 = 3 → ceil(3) = 3,
        // within the default scale-up limit max(0 + 4 pods, 0 × 200%) = 4.
        let toZero = try HorizontalPodAutoscaler(
            name: "worker", scaleTargetRef: ObjectReference(kind: "Deployment", name: "worker"),
            minReplicas: 0, maxReplicas: 10, metrics: [Fixtures.external("queue_rate", value: 0.05)]
        )
        #expect(decide(toZero, current: 0, [0.15]).replicas == 3)
    }
}
