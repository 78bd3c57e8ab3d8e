/// Reads the working set and the memory limit for the detected layout.
struct MemoryReader {
    let files: HostFiles

    /// v1 reports "no limit" as the largest page-aligned counter
    /// (9223372036854771712 with 4 KiB pages); anything this big is no limit.
    static let v1UnlimitedThreshold: UInt64 = 1 << 62

    func read(_ layout: CgroupLayout, issues: inout [ResourceIssue]) -> MemoryReading {
        var reading = MemoryReading()
        let host = hostMemory()
        var cgroupLimit: UInt64?

        switch layout {
        case .v2(let directory):
            if let usage = files.read(directory.path + "/memory.current").flatMap(KernelText.unsignedValue) {
                reading.workingSetBytes = workingSet(usage: usage, statFile: directory.path + "/memory.stat", inactiveKeys: ["inactive_file"], issues: &issues)
                reading.workingSetSource = .cgroup
            } else if directory.path == directory.mountPoint {
                // The root cgroup has no memory.current: it is the host.
                useHostWorkingSet(host, in: &reading, issues: &issues)
            } else {
                issues.append(ResourceIssue(.memoryWorkingSet, "cannot read \(directory.path)/memory.current"))
            }
            cgroupLimit = limit(directory, file: "memory.max", issues: &issues)
        case .v1(_, _, let memory?):
            if let usage = files.read(memory.path + "/memory.usage_in_bytes").flatMap(KernelText.unsignedValue) {
                // total_inactive_file includes descendants, like usage does.
                reading.workingSetBytes = workingSet(usage: usage, statFile: memory.path + "/memory.stat", inactiveKeys: ["total_inactive_file", "inactive_file"], issues: &issues)
                reading.workingSetSource = .cgroup
            } else {
                issues.append(ResourceIssue(.memoryWorkingSet, "cannot read \(memory.path)/memory.usage_in_bytes"))
            }
            cgroupLimit = limit(memory, file: "memory.limit_in_bytes", issues: &issues)
        case .v1(_, _, nil), .none:
            useHostWorkingSet(host, in: &reading, issues: &issues)
        }

        switch (cgroupLimit, host.total) {
        case (let limit?, let total?) where total < limit:
            // A limit above the machine's memory is no limit (as cAdvisor says).
            reading.limitBytes = total
            reading.limitSource = .host
        case (let limit?, _):
            reading.limitBytes = limit
            reading.limitSource = .cgroup
        case (nil, let total?):
            reading.limitBytes = total
            reading.limitSource = .host
        case (nil, nil):
            issues.append(ResourceIssue(.memoryLimit, "no cgroup memory limit and MemTotal is missing from /proc/meminfo"))
        }
        return reading
    }

    private func useHostWorkingSet(_ host: (total: UInt64?, workingSet: UInt64?), in reading: inout MemoryReading, issues: inout [ResourceIssue]) {
        guard let workingSet = host.workingSet else {
            issues.append(ResourceIssue(.memoryWorkingSet, "cannot read MemTotal and MemAvailable from /proc/meminfo"))
            return
        }
        reading.workingSetBytes = workingSet
        reading.workingSetSource = .host
    }

    /// usage - inactive file pages, never below zero. Without `memory.stat`
    /// the usage itself is used (it then includes reclaimable page cache),
    /// which is what cAdvisor does too.
    private func workingSet(usage: UInt64, statFile: String, inactiveKeys: [String], issues: inout [ResourceIssue]) -> UInt64 {
        guard let stat = files.read(statFile) else {
            issues.append(ResourceIssue(.memoryWorkingSet, "cannot read \(statFile); working set includes page cache"))
            return usage
        }
        for key in inactiveKeys {
            if let inactive = KernelText.keyedUnsigned(stat, key: key) {
                return usage > inactive ? usage - inactive : 0
            }
        }
        issues.append(ResourceIssue(.memoryWorkingSet, "no inactive_file in \(statFile); working set includes page cache"))
        return usage
    }

    /// The tightest limit among the cgroup and its ancestors (`max` and the
    /// v1 sentinel mean none; missing files are skipped: the root has none).
    private func limit(_ directory: CgroupDirectory, file: String, issues: inout [ResourceIssue]) -> UInt64? {
        var tightest: UInt64?
        for path in directory.selfAndAncestors {
            guard let text = files.read(path + "/" + file), let value = KernelText.singleValue(text) else { continue }
            if value.elementsEqual("max".utf8) { continue }
            guard let bytes = KernelText.unsigned(value) else {
                issues.append(ResourceIssue(.memoryLimit, "unexpected contents in \(path)/\(file)"))
                continue
            }
            if bytes >= Self.v1UnlimitedThreshold { continue }
            tightest = min(tightest ?? .max, bytes)
        }
        return tightest
    }

    /// `/proc/meminfo` in bytes: total, and total - available as working set.
    private func hostMemory() -> (total: UInt64?, workingSet: UInt64?) {
        guard let meminfo = files.read("/proc/meminfo") else { return (nil, nil) }
        let total = KernelText.keyedUnsigned(meminfo, key: "MemTotal").map { $0 &* 1024 }
        let available = KernelText.keyedUnsigned(meminfo, key: "MemAvailable").map { $0 &* 1024 }
        guard let total else { return (nil, nil) }
        guard let available else { return (total, nil) }
        return (total, total > available ? total - available : 0)
    }
}
