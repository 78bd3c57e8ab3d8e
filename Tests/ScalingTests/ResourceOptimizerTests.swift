import Testing
@testable import Scaling

@Suite struct ResourceOptimizerTests {
    private static let gib = 1_073_741_824.0
    private static let mib = 1_048_576.0

    @Test func quantileInterpolatesLikePromQL() {
        // 1...20: rank 0.95 × 19 = 18.05 → 19 + 0.05 × (20 − 19) = 19.05.
        #expect(Quantile.compute(0.95, of: (1...20).map(Double.init)) == 19.05)
        #expect(Quantile.compute(0.5, of: [3, 1, 2]) == 2)
        #expect(Quantile.compute(0.95, of: [4]) == 4)
        #expect(Quantile.compute(0.95, of: [.nan, 1, 3]).map { abs($0 - 2.9) < 1e-12 } == true)
        #expect(Quantile.compute(0.95, of: []) == nil)
        #expect(Quantile.compute(.nan, of: [1]) == nil)
    }

    @Test func hotWorkloadGetsMoreCPUAndMemory() throws {
        // p95 of 20 samples 0.80...0.99 (step 0.01): rank 18.05 → 0.98 + 0.05 × 0.01 = 0.9805.
        let samples = (80...99).map { Double($0) / 100 }
        let usage = WorkloadUsage(
            namespace: "shop", workload: "api", cpuUtilization: samples, memoryUtilization: samples,
            current: ResourceSize(cpuRequestCores: 1, cpuLimitCores: 2, memoryRequestBytes: 2 * Self.gib, memoryLimitBytes: 4 * Self.gib)
        )
        let assessment = ResourceOptimizer().assess(usage)
        #expect(abs((assessment.cpuP95 ?? 0) - 0.9805) < 1e-12)
        #expect(assessment.recommendations.map(\.action) == [.increaseCPU, .increaseMemory])
        let cpu = assessment.recommendations[0]
        // +2 cores on request and limit: 1 → 3, 2 → 4; p95 0.9805 × 1 / 3 = 0.3268.
        #expect(cpu.suggested == ResourceSize(cpuRequestCores: 3, cpuLimitCores: 4))
        #expect(abs((cpu.projectedCPUUtilization ?? 0) - 0.9805 / 3) < 1e-12)
        #expect(cpu.reason.contains("0.9805 is above 0.8"))
        // +2Gi: 2Gi → 4Gi requested, 4Gi → 6Gi limit.
        #expect(assessment.recommendations[1].suggested == ResourceSize(memoryRequestBytes: 4 * Self.gib, memoryLimitBytes: 6 * Self.gib))
        #expect(assessment.recommendations[1].reason.contains("2Gi → 4Gi"))
    }

    @Test func underUtilizedWorkloadIsDownsizedToLandNearTarget() throws {
        let usage = WorkloadUsage(
            namespace: "shop", workload: "batch",
            cpuUtilization: [0.3], memoryUtilization: [0.4],
            requestRate: [50],
            current: ResourceSize(cpuRequestCores: 2, cpuLimitCores: 4, memoryRequestBytes: 4 * Self.gib)
        )
        let assessment = ResourceOptimizer().assess(usage)
        #expect(!assessment.idle)
        let downsize = try #require(assessment.recommendations.first)
        #expect(assessment.recommendations.count == 1)
        #expect(downsize.action == .downsize)
        // CPU: 2 × 0.3 / 0.7 = 0.857 → up to 0.9 cores; limit keeps its 2× ratio:
        //      4 × 0.9 / 2 = 1.8. p95 after: 0.3 × 2 / 0.9 = 0.667.
        #expect(downsize.suggested?.cpuRequestCores == 0.9)
        #expect(downsize.suggested?.cpuLimitCores == 1.8)
        #expect(abs((downsize.projectedCPUUtilization ?? 0) - 0.6 / 0.9) < 1e-12)
        // Memory: 4Gi × 0.4 / 0.7 = 2340.6 MiB → 37 × 64Mi = 2368 MiB; p95 after 0.4 × 4096 / 2368 = 0.6919.
        #expect(downsize.suggested?.memoryRequestBytes == 2368 * Self.mib)
        #expect(abs((downsize.projectedMemoryUtilization ?? 0) - 0.4 * 4096 / 2368) < 1e-12)
        #expect(downsize.reason.contains("CPU 2 → 0.9 cores"))
    }

    @Test func downsizeWithoutKnownSizeSpeaksInPercent() throws {
        let assessment = ResourceOptimizer().assess(WorkloadUsage(
            namespace: "a", workload: "b", cpuUtilization: [0.35], memoryUtilization: [0.14], requestRate: [5]
        ))
        let downsize = try #require(assessment.recommendations.first)
        // 0.35 / 0.7 = 50%, 0.14 / 0.7 = 20%.
        #expect(downsize.reason.contains("about 50% (CPU) and 20% (memory)"))
        #expect(downsize.suggested == nil)
    }

    @Test func alreadyMinimalSizeIsNotDownsized() {
        let assessment = ResourceOptimizer().assess(WorkloadUsage(
            namespace: "a", workload: "b", cpuUtilization: [0.2], memoryUtilization: [0.2], requestRate: [5],
            current: ResourceSize(cpuRequestCores: 0.1, memoryRequestBytes: 64 * Self.mib)
        ))
        #expect(assessment.recommendations.isEmpty)
    }

    @Test func idleNeedsLowCPUAndNoTraffic() {
        let optimizer = ResourceOptimizer()
        let quiet = optimizer.assess(WorkloadUsage(
            namespace: "a", workload: "cron", cpuUtilization: [0.01, 0.02], memoryUtilization: [0.3], requestRate: [0, 0]
        ))
        #expect(quiet.idle)
        #expect(quiet.recommendations.map(\.action) == [.idle, .downsize])
        let busyButCheap = optimizer.assess(WorkloadUsage(
            namespace: "a", workload: "proxy", cpuUtilization: [0.01], memoryUtilization: [0.3], requestRate: [40]
        ))
        #expect(!busyButCheap.idle)
        let noTrafficData = optimizer.assess(WorkloadUsage(namespace: "a", workload: "w", cpuUtilization: [0.01], memoryUtilization: [0.6]))
        #expect(noTrafficData.idle)
        #expect(noTrafficData.recommendations.first?.reason.contains("no request-rate data") == true)
    }

    @Test func noSamplesNoAdvice() {
        let assessment = ResourceOptimizer().assess(WorkloadUsage(namespace: "a", workload: "b", cpuUtilization: [], memoryUtilization: []))
        #expect(assessment.cpuP95 == nil)
        #expect(!assessment.idle)
        #expect(assessment.recommendations.isEmpty)
    }

    @Test func thresholdsAreConfigurable() {
        let optimizer = ResourceOptimizer(thresholds: ResourceThresholds(cpuHigh: 0.6, cpuIncrementCores: 0.5))
        let assessment = optimizer.assess(WorkloadUsage(
            namespace: "a", workload: "b", cpuUtilization: [0.65], memoryUtilization: [0.6],
            current: ResourceSize(cpuRequestCores: 1)
        ))
        #expect(assessment.recommendations.first?.suggested?.cpuRequestCores == 1.5)
    }
}
