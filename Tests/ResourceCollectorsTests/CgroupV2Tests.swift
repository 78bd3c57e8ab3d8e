import Testing

@testable import ResourceCollectors

@Suite("cgroup v2")
struct CgroupV2Tests {
    @Test("Container with a CPU quota and a pod-level memory limit")
    func withLimits() throws {
        try withFixtureTree(CgroupFixtures.v2WithLimits) { tree in
            let collector = ResourceCollector(configuration: .init(root: tree.root, diskMountPoints: []))
            let container = "/sys/fs/cgroup" + CgroupFixtures.containerPath
            #expect(collector.cgroup == .v2(CgroupDirectory(path: container, mountPoint: "/sys/fs/cgroup")))

            let snapshot = collector.collect()
            #expect(snapshot.issues == [])
            // usage_usec 8765432 = 8.765432 s; cpu.max 150000/100000 = 1.5 cores (< 4 CPUs).
            #expect(snapshot.cpu == CPUReading(usageSeconds: 8.765432, usageSource: .cgroup, limitCores: 1.5, limitSource: .cgroup))
            // 157286400 - 31457280 = 125829120 (120 MiB); the pod's 256 MiB applies.
            #expect(snapshot.memory == MemoryReading(workingSetBytes: 125_829_120, workingSetSource: .cgroup, limitBytes: 268_435_456, limitSource: .cgroup))
            // 120 MiB / 256 MiB
            #expect(ResourceSignals(current: snapshot, previous: nil).memoryUtilizationRatio == 0.46875)
        }
    }

    @Test("`max` everywhere: limits come from the host")
    func withMax() throws {
        try withFixtureTree(CgroupFixtures.v2WithMax) { tree in
            let collector = ResourceCollector(configuration: .init(root: tree.root, diskMountPoints: []))
            #expect(collector.cgroup == .v2(CgroupDirectory(path: "/sys/fs/cgroup", mountPoint: "/sys/fs/cgroup")))
            let snapshot = collector.collect()
            #expect(snapshot.issues == [])
            // No quota: the 2 cpuN lines of /proc/stat (no /proc/self/status here).
            #expect(snapshot.cpu == CPUReading(usageSeconds: 8.765432, usageSource: .cgroup, limitCores: 2, limitSource: .host))
            // No limit: MemTotal 24684084 kB.
            #expect(snapshot.memory == MemoryReading(workingSetBytes: 125_829_120, workingSetSource: .cgroup, limitBytes: 25_276_502_016, limitSource: .host))
        }
    }

    @Test("Missing memory.stat: working set is memory.current, with an issue")
    func missingMemoryStat() throws {
        var files = CgroupFixtures.v2WithMax
        files["/sys/fs/cgroup/memory.stat"] = nil
        try withFixtureTree(files) { tree in
            let snapshot = ResourceCollector(configuration: .init(root: tree.root, diskMountPoints: [])).collect()
            #expect(snapshot.memory.workingSetBytes == 157_286_400)
            #expect(snapshot.issues == [
                ResourceIssue(.memoryWorkingSet, "cannot read /sys/fs/cgroup/memory.stat; working set includes page cache"),
            ])
        }
    }

    @Test("Missing cpu.stat: CPU usage is absent, not zero, and says why")
    func missingCPUStat() throws {
        var files = CgroupFixtures.v2WithLimits
        files["/sys/fs/cgroup" + CgroupFixtures.containerPath + "/cpu.stat"] = nil
        try withFixtureTree(files) { tree in
            let snapshot = ResourceCollector(configuration: .init(root: tree.root, diskMountPoints: [])).collect()
            #expect(snapshot.cpu.usageSeconds == nil)
            #expect(snapshot.cpu.limitCores == 1.5)
            #expect(snapshot.issues == [
                ResourceIssue(.cpuUsage, "cannot read usage_usec from /sys/fs/cgroup\(CgroupFixtures.containerPath)/cpu.stat"),
            ])
            #expect(ResourceSignals(current: snapshot, previous: snapshot).cpuUtilizationRatio == nil)
            #expect(snapshot.memory.workingSetBytes == 125_829_120)
        }
    }

    @Test("A cgroup path the container cannot see falls back to the mount root")
    func invisiblePath() throws {
        var files = CgroupFixtures.v2WithMax
        files["/proc/self/cgroup"] = "0::/system.slice/docker-0123.scope\n"
        try withFixtureTree(files) { tree in
            let collector = ResourceCollector(configuration: .init(root: tree.root, diskMountPoints: []))
            #expect(collector.cgroup == .v2(CgroupDirectory(path: "/sys/fs/cgroup", mountPoint: "/sys/fs/cgroup")))
            #expect(collector.collect().cpu.usageSeconds == 8.765432)
        }
    }

    @Test("Garbage in limit files is reported and ignored")
    func garbageLimits() throws {
        var files = CgroupFixtures.v2WithMax
        files["/sys/fs/cgroup/cpu.max"] = "lots\n"
        files["/sys/fs/cgroup/memory.max"] = "-5\n"
        files["/sys/fs/cgroup/memory.current"] = "\n"
        try withFixtureTree(files) { tree in
            let snapshot = ResourceCollector(configuration: .init(root: tree.root, diskMountPoints: [])).collect()
            #expect(snapshot.cpu.limitCores == 2)
            #expect(snapshot.memory.limitBytes == 25_276_502_016)
            #expect(snapshot.memory.workingSetBytes == 350_912_512)  // root cgroup: the host's figure
            #expect(Set(snapshot.issues) == [
                ResourceIssue(.cpuLimit, "unexpected contents in /sys/fs/cgroup/cpu.max"),
                ResourceIssue(.memoryLimit, "unexpected contents in /sys/fs/cgroup/memory.max"),
            ])
        }
    }
}
