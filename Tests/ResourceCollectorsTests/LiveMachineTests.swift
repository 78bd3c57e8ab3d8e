import Testing

@testable import ResourceCollectors

/// Reads this machine for real: whatever its layout, the figures must be sane.
@Suite("Live machine")
struct LiveMachineTests {
    @Test("Readings exist and are within bounds on this machine")
    func liveReadings() throws {
        let sampler = ResourceSampler(collector: ResourceCollector(configuration: .init(diskMountPoints: ["/"])), minimumIntervalSeconds: 0)
        _ = sampler.sample()
        // Burn a little CPU so the interval has some usage in it.
        let deadline = ResourceCollector.monotonicNanoseconds() + 200_000_000
        var spin: UInt64 = 0
        while ResourceCollector.monotonicNanoseconds() < deadline { spin &+= 1 }
        #expect(spin > 0)
        let signals = sampler.sample()
        let snapshot = signals.snapshot

        let cpuCount = try #require(HostFiles(root: "/").hostCPUCount())
        let cores = try #require(snapshot.cpu.limitCores)
        #expect(cores > 0 && cores <= Double(cpuCount), "limit \(cores) cores, \(cpuCount) CPUs")
        #expect(try #require(snapshot.cpu.usageSeconds) > 0)
        let utilization = try #require(signals.cpuUtilizationRatio)
        #expect(utilization >= 0 && utilization <= 1.5, "cpu utilization \(utilization)")

        let workingSet = try #require(snapshot.memory.workingSetBytes)
        let limit = try #require(snapshot.memory.limitBytes)
        #expect(workingSet > 0 && workingSet < limit, "working set \(workingSet), limit \(limit)")
        let memoryRatio = try #require(signals.memoryUtilizationRatio)
        #expect(memoryRatio > 0 && memoryRatio < 1)

        let root = try #require(snapshot.disks.first)
        #expect(root.utilizationRatio > 0 && root.utilizationRatio < 1)
        #expect(snapshot.networkDevices.contains { $0.device == "lo" })
        #expect(snapshot.issues.isEmpty, "\(snapshot.issues)")
    }
}
