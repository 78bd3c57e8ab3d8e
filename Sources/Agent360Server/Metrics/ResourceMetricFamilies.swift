import Exposition
import ResourceCollectors

/// Maps a resource sample to the agent360_cpu_*, memory, disk and network families.
///
/// A reading that is unavailable is left out rather than exported as 0: a
/// zero would look like an idle pod and could scale a workload down.
enum ResourceMetricFamilies {
    static func families(_ signals: ResourceSignals) -> [MetricFamily] {
        let snapshot = signals.snapshot
        var families: [MetricFamily] = []
        func single(_ name: String, _ type: MetricType, _ help: String, _ unit: String, _ value: Double?) {
            guard let value else { return }
            families.append(MetricFamily(name: name, type: type, help: help, unit: unit,
                                         samples: [MetricSample(name: name, labels: [], value: value)]))
        }
        single("agent360_cpu_usage_seconds_total", .counter,
               "CPU time consumed by the monitored cgroup (or the host when there is none).", "seconds",
               snapshot.cpu.usageSeconds)
        single("agent360_cpu_limit_cores", .gauge,
               "CPU limit in cores (cgroup quota / period); the host's CPU count without a limit.", "cores",
               snapshot.cpu.limitCores)
        single("agent360_cpu_utilization_ratio", .gauge,
               "CPU usage rate over the last collection interval divided by the limit.", "ratio",
               signals.cpuUtilizationRatio)
        single("agent360_memory_working_set_bytes", .gauge,
               "Memory working set: usage minus inactive file cache.", "bytes",
               snapshot.memory.workingSetBytes.map { Double($0) })
        single("agent360_memory_limit_bytes", .gauge,
               "Memory limit of the cgroup; the host's memory without a limit.", "bytes",
               snapshot.memory.limitBytes.map { Double($0) })
        single("agent360_memory_utilization_ratio", .gauge,
               "Memory working set divided by the limit.", "ratio",
               signals.memoryUtilizationRatio)
        if !snapshot.disks.isEmpty {
            families.append(MetricFamily(
                name: "agent360_disk_utilization_ratio", type: .gauge,
                help: "Used share of the file system at each configured mount point.", unit: "ratio",
                samples: snapshot.disks.map {
                    MetricSample(name: "agent360_disk_utilization_ratio", labels: [("mountpoint", $0.mountPoint)],
                                 value: $0.utilizationRatio)
                }))
        }
        if !snapshot.networkDevices.isEmpty {
            for (name, help, value) in [
                ("agent360_network_receive_bytes_total", "Bytes received per network interface.",
                 { (device: NetworkDeviceReading) in Double(device.receiveBytes) }),
                ("agent360_network_transmit_bytes_total", "Bytes transmitted per network interface.",
                 { (device: NetworkDeviceReading) in Double(device.transmitBytes) }),
            ] {
                families.append(MetricFamily(
                    name: name, type: .counter, help: help, unit: "bytes",
                    samples: snapshot.networkDevices.map {
                        MetricSample(name: name, labels: [("device", $0.device)], value: value($0))
                    }))
            }
        }
        return families
    }
}
