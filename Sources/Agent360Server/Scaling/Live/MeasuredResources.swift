import ResourceCollectors

/// What the resource collectors say this deployment has, reduced to the
/// figures a bill is made of.
struct MeasuredResources: Sendable, Equatable {
    /// `agent360_cpu_limit_cores`: the cgroup quota, else the host's CPU count.
    var cpuLimitCores: Double?
    /// `agent360_memory_limit_bytes`: the cgroup limit, else `MemTotal`.
    var memoryLimitBytes: Double?
    /// Total size of the file systems at `collectors.diskMountPoints`.
    var storageBytes: Double?
    /// Bytes sent on every counted interface except loopback (never billed).
    var transmitBytes: Double?
    /// When the reading was taken (`CLOCK_MONOTONIC`), for the transmit rate.
    var monotonicNanoseconds: UInt64
    /// The latest `agent360_cpu_utilization_ratio`.
    var cpuUtilization: Double?

    init(cpuLimitCores: Double? = nil, memoryLimitBytes: Double? = nil, storageBytes: Double? = nil,
         transmitBytes: Double? = nil, monotonicNanoseconds: UInt64, cpuUtilization: Double? = nil) {
        self.cpuLimitCores = cpuLimitCores
        self.memoryLimitBytes = memoryLimitBytes
        self.storageBytes = storageBytes
        self.transmitBytes = transmitBytes
        self.monotonicNanoseconds = monotonicNanoseconds
        self.cpuUtilization = cpuUtilization
    }

    init(_ signals: ResourceSignals) {
        let snapshot = signals.snapshot
        let devices = snapshot.networkDevices.filter { $0.device != "lo" }
        self.init(
            cpuLimitCores: snapshot.cpu.limitCores,
            memoryLimitBytes: snapshot.memory.limitBytes.map { Double($0) },
            storageBytes: snapshot.disks.isEmpty ? nil : snapshot.disks.reduce(0) { $0 + Double($1.sizeBytes) },
            transmitBytes: snapshot.networkDevices.isEmpty ? nil : devices.reduce(0) { $0 + Double($1.transmitBytes) },
            monotonicNanoseconds: snapshot.monotonicNanoseconds,
            cpuUtilization: signals.cpuUtilizationRatio)
    }
}
