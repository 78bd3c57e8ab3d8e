/// Where a reading came from: the cgroup the process runs in, or the whole
/// host (no cgroup, or no limit set on it).
public enum ReadingSource: String, Sendable, Hashable {
    case cgroup
    case host
}

public struct CPUReading: Sendable, Hashable {
    /// Cumulative CPU time used, in seconds: a counter.
    public var usageSeconds: Double?
    public var usageSource: ReadingSource?
    /// How many cores' worth of CPU time the process may use: the CFS quota
    /// (`cpu.max`) if set and below the host's CPU count, else the count.
    public var limitCores: Double?
    public var limitSource: ReadingSource?

    public init(usageSeconds: Double? = nil, usageSource: ReadingSource? = nil, limitCores: Double? = nil, limitSource: ReadingSource? = nil) {
        self.usageSeconds = usageSeconds
        self.usageSource = usageSource
        self.limitCores = limitCores
        self.limitSource = limitSource
    }
}

public struct MemoryReading: Sendable, Hashable {
    /// Usage minus inactive file cache, as the kubelet and cAdvisor count it
    /// (this is what the OOM killer and the HPA look at).
    public var workingSetBytes: UInt64?
    public var workingSetSource: ReadingSource?
    /// The cgroup limit if set and below the host's memory, else `MemTotal`.
    public var limitBytes: UInt64?
    public var limitSource: ReadingSource?

    public init(workingSetBytes: UInt64? = nil, workingSetSource: ReadingSource? = nil, limitBytes: UInt64? = nil, limitSource: ReadingSource? = nil) {
        self.workingSetBytes = workingSetBytes
        self.workingSetSource = workingSetSource
        self.limitBytes = limitBytes
        self.limitSource = limitSource
    }
}

/// One file system, counted the way `df` counts it.
public struct DiskReading: Sendable, Hashable {
    public var mountPoint: String
    public var sizeBytes: UInt64
    public var usedBytes: UInt64
    /// Space available to unprivileged users (reserved blocks excluded).
    public var availableBytes: UInt64
    /// used / (used + available), like `df`'s Use%, so reserved blocks do
    /// not hide a full disk.
    public var utilizationRatio: Double
}

public struct NetworkDeviceReading: Sendable, Hashable {
    public var device: String
    /// Counters since the interface came up.
    public var receiveBytes: UInt64
    public var transmitBytes: UInt64
}

/// Everything read in one pass, plus the issues met on the way.
public struct ResourceSnapshot: Sendable, Hashable {
    /// `CLOCK_MONOTONIC` when the snapshot was taken, for rates.
    public var monotonicNanoseconds: UInt64
    public var cgroup: CgroupLayout
    public var cpu: CPUReading
    public var memory: MemoryReading
    public var disks: [DiskReading]
    public var networkDevices: [NetworkDeviceReading]
    public var issues: [ResourceIssue]

    public init(
        monotonicNanoseconds: UInt64,
        cgroup: CgroupLayout,
        cpu: CPUReading,
        memory: MemoryReading,
        disks: [DiskReading] = [],
        networkDevices: [NetworkDeviceReading] = [],
        issues: [ResourceIssue] = []
    ) {
        self.monotonicNanoseconds = monotonicNanoseconds
        self.cgroup = cgroup
        self.cpu = cpu
        self.memory = memory
        self.disks = disks
        self.networkDevices = networkDevices
        self.issues = issues
    }
}
