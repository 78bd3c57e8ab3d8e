import Testing

@testable import ResourceCollectors

@Suite("cgroup v1")
struct CgroupV1Tests {
    @Test("Host layout with separate hierarchies and v1's huge 'unlimited' value")
    func hostWithoutLimits() throws {
        try withFixtureTree(CgroupFixtures.v1HostWithoutLimits) { tree in
            let collector = ResourceCollector(configuration: .init(root: tree.root, diskMountPoints: []))
            #expect(collector.cgroup == .v1(
                cpu: CgroupDirectory(path: "/sys/fs/cgroup/cpu", mountPoint: "/sys/fs/cgroup/cpu"),
                cpuacct: CgroupDirectory(path: "/sys/fs/cgroup/cpuacct", mountPoint: "/sys/fs/cgroup/cpuacct"),
                memory: CgroupDirectory(path: "/sys/fs/cgroup/memory/process_api/d55e7ed7", mountPoint: "/sys/fs/cgroup/memory")
            ))
            let snapshot = collector.collect()
            #expect(snapshot.issues == [])
            // cpuacct.usage 323092739303 ns; quota -1: the 4 CPUs of Cpus_allowed_list.
            #expect(snapshot.cpu == CPUReading(usageSeconds: 323.092739303, usageSource: .cgroup, limitCores: 4, limitSource: .host))
            // 3629056 - 491520 = 3137536; limit 9223372036854771712 = none → MemTotal.
            #expect(snapshot.memory == MemoryReading(workingSetBytes: 3_137_536, workingSetSource: .cgroup, limitBytes: 25_276_502_016, limitSource: .host))
        }
    }

    @Test("Docker with a quota, cpu and cpuacct mounted together, no mountinfo")
    func dockerWithQuota() throws {
        try withFixtureTree(CgroupFixtures.v1DockerWithQuota) { tree in
            let collector = ResourceCollector(configuration: .init(root: tree.root, diskMountPoints: []))
            let cpu = CgroupDirectory(path: "/sys/fs/cgroup/cpu,cpuacct", mountPoint: "/sys/fs/cgroup/cpu,cpuacct")
            #expect(collector.cgroup == .v1(
                cpu: cpu, cpuacct: cpu,
                memory: CgroupDirectory(path: "/sys/fs/cgroup/memory", mountPoint: "/sys/fs/cgroup/memory")
            ))
            let snapshot = collector.collect()
            #expect(snapshot.issues == [])
            // 50000 / 100000 = 0.5 cores.
            #expect(snapshot.cpu == CPUReading(usageSeconds: 123.456789012, usageSource: .cgroup, limitCores: 0.5, limitSource: .cgroup))
            // total_inactive_file (100000000) wins over inactive_file: 300000000 - 100000000.
            #expect(snapshot.memory == MemoryReading(workingSetBytes: 200_000_000, workingSetSource: .cgroup, limitBytes: 1_073_741_824, limitSource: .cgroup))
            // 200000000 / 1073741824 = 0.18626451...
            let ratio = try #require(ResourceSignals(current: snapshot, previous: nil).memoryUtilizationRatio)
            #expect(abs(ratio - 0.186_264_514_923_095_7) < 1e-12)
        }
    }

    @Test("A quota above the CPU count is capped at the CPU count")
    func quotaAboveCPUCount() throws {
        var files = CgroupFixtures.v1DockerWithQuota
        files["/sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us"] = "800000\n"  // 8 cores on a 4-CPU host
        try withFixtureTree(files) { tree in
            let snapshot = ResourceCollector(configuration: .init(root: tree.root, diskMountPoints: [])).collect()
            #expect(snapshot.cpu.limitCores == 4)
            #expect(snapshot.cpu.limitSource == .host)
        }
    }

    @Test("Usage below inactive file cache gives a zero working set, never a negative one")
    func workingSetNeverNegative() throws {
        var files = CgroupFixtures.v1DockerWithQuota
        files["/sys/fs/cgroup/memory/memory.usage_in_bytes"] = "50000000\n"
        try withFixtureTree(files) { tree in
            let snapshot = ResourceCollector(configuration: .init(root: tree.root, diskMountPoints: [])).collect()
            #expect(snapshot.memory.workingSetBytes == 0)
        }
    }

    @Test("Without cpuacct, CPU usage is absent with a reason")
    func missingCPUAccounting() throws {
        var files = CgroupFixtures.v1DockerWithQuota
        files["/sys/fs/cgroup/cpu,cpuacct/cpuacct.usage"] = nil
        try withFixtureTree(files) { tree in
            let collector = ResourceCollector(configuration: .init(root: tree.root, diskMountPoints: []))
            let snapshot = collector.collect()
            #expect(snapshot.cpu.usageSeconds == nil)
            #expect(snapshot.cpu.limitCores == 0.5)
            #expect(snapshot.issues == [ResourceIssue(.cpuUsage, "no cpuacct cgroup hierarchy is mounted")])
        }
    }
}

@Suite("cgroup file formats")
struct CgroupFileFormatTests {
    @Test("mountinfo: optional fields, combined controllers, octal escapes, non-cgroup lines skipped")
    func mountInfo() {
        let text = """
            22 1 0:21 / / rw,relatime - overlay overlay rw
            32 31 0:29 /docker/0123 /sys/fs/cgroup/cpu,cpuacct ro,nosuid shared:9 master:3 - cgroup cgroup rw,cpu,cpuacct
            41 31 0:38 / /mnt/with\\040space rw,relatime - cgroup2 cgroup2 rw
            garbage line

            """
        #expect(CgroupMount.parse(text) == [
            CgroupMount(root: "/docker/0123", mountPoint: "/sys/fs/cgroup/cpu,cpuacct", isV2: false, controllers: ["rw", "cpu", "cpuacct"]),
            CgroupMount(root: "/", mountPoint: "/mnt/with space", isV2: true, controllers: ["rw"]),
        ])
    }

    @Test("/proc/self/cgroup: v1 controller lists, the v2 line, paths containing colons")
    func membership() {
        let parsed = CgroupMembership.parse("4:cpu,cpuacct:/docker/0123\n0::/a:b\nbad\n")
        #expect(parsed == [
            CgroupMembership(hierarchyID: "4", controllers: ["cpu", "cpuacct"], path: "/docker/0123"),
            CgroupMembership(hierarchyID: "0", controllers: [], path: "/a:b"),
        ])
    }

    @Test("v1 mount root inside a container maps the host path onto the mount point")
    func mountRootStripping() throws {
        var files = CgroupFixtures.v1DockerWithQuota
        files["/proc/self/mountinfo"] = """
            40 31 0:33 /docker/0123abcd /sys/fs/cgroup/cpu,cpuacct ro,nosuid - cgroup cgroup rw,cpu,cpuacct
            41 31 0:34 /docker/0123abcd /sys/fs/cgroup/memory ro,nosuid - cgroup cgroup rw,memory

            """
        try withFixtureTree(files) { tree in
            let collector = ResourceCollector(configuration: .init(root: tree.root, diskMountPoints: []))
            let cpu = CgroupDirectory(path: "/sys/fs/cgroup/cpu,cpuacct", mountPoint: "/sys/fs/cgroup/cpu,cpuacct")
            #expect(collector.cgroup == .v1(cpu: cpu, cpuacct: cpu, memory: CgroupDirectory(path: "/sys/fs/cgroup/memory", mountPoint: "/sys/fs/cgroup/memory")))
            #expect(collector.collect().cpu.limitCores == 0.5)
        }
    }
}
