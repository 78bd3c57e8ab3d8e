import Synchronization
import Testing

@testable import ResourceCollectors

/// A clock the test moves by hand.
final class ManualClock: Sendable {
    private let now = Mutex<UInt64>(1_000_000_000)

    func advance(seconds: Double) {
        now.withLock { $0 += UInt64(seconds * 1e9) }
    }

    func read() -> UInt64 {
        now.withLock { $0 }
    }
}

@Suite("Sampling")
struct ResourceSamplerTests {
    @Test("CPU utilization is usage rate over the interval divided by the limit")
    func cpuUtilization() throws {
        try withFixtureTree(CgroupFixtures.v2WithLimits) { tree in
            let clock = ManualClock()
            let collector = ResourceCollector(configuration: .init(root: tree.root, diskMountPoints: []), monotonicClock: { clock.read() })
            let sampler = ResourceSampler(collector: collector, minimumIntervalSeconds: 0.5)
            let statPath = "/sys/fs/cgroup" + CgroupFixtures.containerPath + "/cpu.stat"

            // First sample: no interval yet, so no CPU utilization; memory is instantaneous.
            let first = sampler.sample()
            #expect(first.cpuUtilizationRatio == nil)
            #expect(first.memoryUtilizationRatio == 0.46875)

            // 2 s later, 1.5 s more CPU: 1.5 / 2 = 0.75 cores of 1.5 = 0.5.
            clock.advance(seconds: 2)
            try tree.write(statPath, "usage_usec \(8_765_432 + 1_500_000)\n")
            #expect(sampler.sample().cpuUtilizationRatio == 0.5)

            // A second scraper 0.1 s later gets the same figure, not a 0.1 s rate.
            clock.advance(seconds: 0.1)
            try tree.write(statPath, "usage_usec \(8_765_432 + 1_500_000 + 150_000)\n")
            #expect(sampler.sample().cpuUtilizationRatio == 0.5)

            // 1 s after the baseline: (0.15 + 0.45) s of CPU over 1 s / 1.5 cores = 0.4.
            clock.advance(seconds: 0.9)
            try tree.write(statPath, "usage_usec \(8_765_432 + 1_500_000 + 600_000)\n")
            let third = try #require(sampler.sample().cpuUtilizationRatio)
            #expect(abs(third - 0.4) < 1e-9)

            // Counter reset (cgroup recreated): no figure rather than a negative one.
            clock.advance(seconds: 1)
            try tree.write(statPath, "usage_usec 10\n")
            #expect(sampler.sample().cpuUtilizationRatio == nil)
            clock.advance(seconds: 1)
            try tree.write(statPath, "usage_usec 1500010\n")
            #expect(sampler.sample().cpuUtilizationRatio == 1)
        }
    }

    @Test("Signals from two hand-made snapshots")
    func signalsArithmetic() {
        let before = ResourceSnapshot(
            monotonicNanoseconds: 10_000_000_000, cgroup: .none,
            cpu: CPUReading(usageSeconds: 100, usageSource: .host, limitCores: 2, limitSource: .host),
            memory: MemoryReading(workingSetBytes: 1, limitBytes: 4)
        )
        var after = before
        after.monotonicNanoseconds = 15_000_000_000
        after.cpu.usageSeconds = 103
        // 3 s of CPU in 5 s on 2 cores: 3 / 5 / 2 = 0.3.
        #expect(ResourceSignals(current: after, previous: before).cpuUtilizationRatio == 0.3)
        #expect(ResourceSignals(current: after, previous: before).memoryUtilizationRatio == 0.25)
        // Time not moving forward gives nothing.
        #expect(ResourceSignals(current: before, previous: after).cpuUtilizationRatio == nil)
        // Usage switching source (cgroup appeared) is not a rate.
        var switched = after
        switched.cpu.usageSource = .cgroup
        #expect(ResourceSignals(current: switched, previous: before).cpuUtilizationRatio == nil)
    }
}
