import Testing

@testable import ResourceCollectors

@Suite("No cgroup: /proc only")
struct HostProcTests {
    @Test("CPU and memory come from /proc/stat and /proc/meminfo")
    func procOnly() throws {
        try withFixtureTree(ProcFixtures.hostOnly) { tree in
            let collector = ResourceCollector(configuration: .init(root: tree.root, diskMountPoints: []))
            #expect(collector.cgroup == .none)
            let snapshot = collector.collect()
            #expect(snapshot.issues == [])
            // 30639 busy ticks / USER_HZ (100 on Linux).
            #expect(snapshot.cpu.usageSeconds == 30639 / HostFiles.clockTicksPerSecond)
            #expect(HostFiles.clockTicksPerSecond == 100)
            #expect(snapshot.cpu.usageSource == .host)
            #expect(snapshot.cpu.limitCores == 4)
            // (24684084 - 24341396) kB and 24684084 kB.
            #expect(snapshot.memory == MemoryReading(workingSetBytes: 350_912_512, workingSetSource: .host, limitBytes: 25_276_502_016, limitSource: .host))
        }
    }

    @Test("/proc/net/dev with many interfaces, glued names and wide counters")
    func networkDevices() throws {
        try withFixtureTree(ProcFixtures.hostOnly) { tree in
            let snapshot = ResourceCollector(configuration: .init(root: tree.root, diskMountPoints: [])).collect()
            #expect(snapshot.networkDevices == [
                NetworkDeviceReading(device: "lo", receiveBytes: 3293, transmitBytes: 3293),
                NetworkDeviceReading(device: "eth0", receiveBytes: 113_957_769, transmitBytes: 135_645),
                NetworkDeviceReading(device: "docker0", receiveBytes: 0, transmitBytes: 0),
                NetworkDeviceReading(device: "veth1a2b3c4", receiveBytes: 98_765_432_101, transmitBytes: 12_345_678_901),
                NetworkDeviceReading(device: "wlp2s0", receiveBytes: .max, transmitBytes: 42),
                NetworkDeviceReading(device: "ifb0", receiveBytes: 0, transmitBytes: 7),
            ])
        }
    }

    @Test("Excluded devices are left out")
    func excludedDevices() throws {
        try withFixtureTree(ProcFixtures.hostOnly) { tree in
            let configuration = ResourceCollector.Configuration(root: tree.root, diskMountPoints: [], excludedNetworkDevices: ["lo", "docker0"])
            let devices = ResourceCollector(configuration: configuration).collect().networkDevices
            #expect(devices.map(\.device) == ["eth0", "veth1a2b3c4", "wlp2s0", "ifb0"])
        }
    }

    @Test("Malformed /proc/net/dev lines are skipped with an issue")
    func malformedNetDev() {
        var issues: [ResourceIssue] = []
        let text = "h1\nh2\n  eth0: 1 2 3\nbogus line\n  eth1: 5 0 0 0 0 0 0 0 6 0 0 0 0 0 0 0\n"
        let devices = NetworkDeviceParser.parse(Array(text.utf8), excluding: [], issues: &issues)
        #expect(devices == [NetworkDeviceReading(device: "eth1", receiveBytes: 5, transmitBytes: 6)])
        #expect(issues == [
            ResourceIssue(.network, "line 3 of /proc/net/dev is not \"device: counters\""),
            ResourceIssue(.network, "line 4 of /proc/net/dev has no \":\""),
        ])
    }

    @Test("Every file missing: every signal absent, each with a reason, no crash")
    func emptyRoot() throws {
        try withFixtureTree([:]) { tree in
            try tree.makeDirectory("/")
            let snapshot = ResourceCollector(configuration: .init(root: tree.root, diskMountPoints: ["/missing"])).collect()
            #expect(snapshot.cgroup == .none)
            #expect(snapshot.cpu == CPUReading())
            #expect(snapshot.memory == MemoryReading())
            #expect(snapshot.disks.isEmpty)
            #expect(snapshot.networkDevices.isEmpty)
            #expect(Set(snapshot.issues.map(\.signal)) == [.cpuUsage, .cpuLimit, .memoryWorkingSet, .memoryLimit, .disk(mountPoint: "/missing"), .network])
            let signals = ResourceSignals(current: snapshot, previous: snapshot)
            #expect(signals.cpuUtilizationRatio == nil)
            #expect(signals.memoryUtilizationRatio == nil)
        }
    }

    @Test("CPU lists count ranges and singles")
    func cpuLists() {
        #expect(KernelText.cpuListCount("0-3") == 4)
        #expect(KernelText.cpuListCount("0-3,8,10-11") == 7)
        #expect(KernelText.cpuListCount("0") == 1)
        #expect(KernelText.cpuListCount("3-1") == nil)
        #expect(KernelText.cpuListCount("x") == nil)
        #expect(KernelText.cpuListCount("") == nil)
    }
}
