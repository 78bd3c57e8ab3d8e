/// Reads cumulative CPU usage and the CPU limit for the detected layout.
struct CPUReader {
    let files: HostFiles

    func read(_ layout: CgroupLayout, issues: inout [ResourceIssue]) -> CPUReading {
        var reading = CPUReading()
        var cgroupLimit: Double?
        switch layout {
        case .v2(let directory):
            let file = directory.path + "/cpu.stat"
            if let stat = files.read(file), let micros = KernelText.keyedUnsigned(stat, key: "usage_usec") {
                reading.usageSeconds = Double(micros) / 1e6
                reading.usageSource = .cgroup
            } else {
                issues.append(ResourceIssue(.cpuUsage, "cannot read usage_usec from \(file)"))
            }
            cgroupLimit = v2Limit(directory, issues: &issues)
        case .v1(let cpu, let cpuacct, _):
            if let cpuacct {
                let file = cpuacct.path + "/cpuacct.usage"
                if let text = files.read(file), let nanos = KernelText.unsignedValue(text) {
                    reading.usageSeconds = Double(nanos) / 1e9
                    reading.usageSource = .cgroup
                } else {
                    issues.append(ResourceIssue(.cpuUsage, "cannot read \(file)"))
                }
            } else {
                issues.append(ResourceIssue(.cpuUsage, "no cpuacct cgroup hierarchy is mounted"))
            }
            if let cpu { cgroupLimit = v1Limit(cpu, issues: &issues) }
        case .none:
            if let usage = hostUsageSeconds() {
                reading.usageSeconds = usage
                reading.usageSource = .host
            } else {
                issues.append(ResourceIssue(.cpuUsage, "cannot read the cpu line of /proc/stat"))
            }
        }

        let hostCPUs = files.hostCPUCount().map(Double.init)
        switch (cgroupLimit, hostCPUs) {
        case (let quota?, let host?) where host < quota:
            // A quota above the CPUs the process can run on cannot be used.
            reading.limitCores = host
            reading.limitSource = .host
        case (let quota?, _):
            reading.limitCores = quota
            reading.limitSource = .cgroup
        case (nil, let host?):
            reading.limitCores = host
            reading.limitSource = .host
        case (nil, nil):
            issues.append(ResourceIssue(.cpuLimit, "no CPU quota and the CPU count is unknown (/proc/self/status, /proc/stat)"))
        }
        return reading
    }

    /// `cpu.max` is `$MAX $PERIOD`, `max` meaning no quota. The tightest
    /// quota among the cgroup and its ancestors applies.
    private func v2Limit(_ directory: CgroupDirectory, issues: inout [ResourceIssue]) -> Double? {
        var limit: Double?
        for path in directory.selfAndAncestors {
            guard let text = files.read(path + "/cpu.max") else { continue }  // the root has none
            let fields = KernelText.singleValue(text).map(KernelText.fields) ?? []
            guard fields.count == 2, let period = KernelText.unsigned(fields[1]), period > 0 else {
                issues.append(ResourceIssue(.cpuLimit, "unexpected contents in \(path)/cpu.max"))
                continue
            }
            if let quota = KernelText.unsigned(fields[0]) {
                if quota > 0 { limit = min(limit ?? .infinity, Double(quota) / Double(period)) }
            } else if !fields[0].elementsEqual("max".utf8) {
                issues.append(ResourceIssue(.cpuLimit, "unexpected contents in \(path)/cpu.max"))
            }
        }
        return limit
    }

    /// `cpu.cfs_quota_us` (-1 = no quota) over `cpu.cfs_period_us`.
    private func v1Limit(_ directory: CgroupDirectory, issues: inout [ResourceIssue]) -> Double? {
        var limit: Double?
        for path in directory.selfAndAncestors {
            guard let quotaText = files.read(path + "/cpu.cfs_quota_us") else { continue }
            guard let quota = KernelText.signedValue(quotaText) else {
                issues.append(ResourceIssue(.cpuLimit, "unexpected contents in \(path)/cpu.cfs_quota_us"))
                continue
            }
            guard quota > 0 else { continue }
            guard let periodText = files.read(path + "/cpu.cfs_period_us"),
                let period = KernelText.unsignedValue(periodText), period > 0
            else {
                issues.append(ResourceIssue(.cpuLimit, "cannot read \(path)/cpu.cfs_period_us"))
                continue
            }
            limit = min(limit ?? .infinity, Double(quota) / Double(period))
        }
        return limit
    }

    /// Busy time of the whole host from the aggregate `cpu` line of
    /// `/proc/stat`: user + nice + system + irq + softirq + steal, in USER_HZ
    /// ticks. Guest time is already inside user and nice; idle and iowait
    /// are not busy.
    private func hostUsageSeconds() -> Double? {
        guard let stat = files.read("/proc/stat") else { return nil }
        var ticks: [UInt64] = []
        KernelText.forEachLine(stat) { line in
            guard line.starts(with: "cpu ".utf8) else { return true }
            ticks = KernelText.fields(line).dropFirst().compactMap(KernelText.unsigned)
            return false
        }
        guard ticks.count >= 8 else { return nil }
        let busy = [0, 1, 2, 5, 6, 7].reduce(UInt64(0)) { $0 &+ ticks[$1] }
        return Double(busy) / HostFiles.clockTicksPerSecond
    }
}
