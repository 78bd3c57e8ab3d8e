import Foundation
import Testing
@testable import Scaling

@Suite struct ScalingPolicyTests {
    @Test func guideThresholdsAreStrict() {
        let policy = ScalingPolicy()
        // Exactly at every threshold: nothing to do.
        let atThresholds = policy.assess(WorkloadSignals(
            namespace: "shop", workload: "web", cpuUtilization: 0.7, memoryUtilization: 0.8, requestRate: 1000, errorRate: 0.05
        ))
        #expect(!atThresholds.needsScaling)
        #expect(atThresholds.reasons.isEmpty)
    }

    @Test func everyCrossedThresholdIsAReason() {
        let assessment = ScalingPolicy().assess(WorkloadSignals(
            namespace: "shop", workload: "web", cpuUtilization: 0.71, memoryUtilization: 0.5, requestRate: 1500,
            errorRate: 0.08, p95LatencySeconds: 3
        ))
        #expect(assessment.needsScaling)
        #expect(assessment.reasons == [
            ScalingReason(signal: .cpu, value: 0.71, threshold: 0.7),
            ScalingReason(signal: .requestRate, value: 1500, threshold: 1000),
            ScalingReason(signal: .errorRate, value: 0.08, threshold: 0.05),
        ])
    }

    @Test func unknownSignalsAreNeverReasons() {
        let assessment = ScalingPolicy().assess(WorkloadSignals(namespace: "shop", workload: "idle", cpuUtilization: .nan))
        #expect(!assessment.needsScaling)
    }

    @Test func latencyCountsOnlyWithAThreshold() {
        let policy = ScalingPolicy(thresholds: ScalingThresholds(p95LatencySeconds: 0.5))
        let assessment = policy.assess(WorkloadSignals(namespace: "a", workload: "b", p95LatencySeconds: 0.8))
        #expect(assessment.reasons == [ScalingReason(signal: .latency, value: 0.8, threshold: 0.5)])
    }

    @Test func configKeepsDefaultsForOmittedKeys() throws {
        let thresholds = try JSONDecoder().decode(ScalingThresholds.self, from: Data(#"{"requestRate": 500}"#.utf8))
        #expect(thresholds == ScalingThresholds(requestRate: 500))
        let json = String(decoding: try JSONEncoder().encode(ScalingPolicy().assess(WorkloadSignals(
            namespace: "a", workload: "b", requestRate: 2000
        ))), as: UTF8.self)
        #expect(json.contains("\"signal\":\"request_rate\""))
    }
}
