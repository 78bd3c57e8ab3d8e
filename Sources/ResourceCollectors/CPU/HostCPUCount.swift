#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension HostFiles {
    /// CPUs the process may run on: the affinity mask the kernel reports in
    /// `/proc/self/status` (`Cpus_allowed_list`, the same mask
    /// `sched_getaffinity` returns, and it honours cpusets); else the `cpuN`
    /// lines of `/proc/stat`; else, on the real host only, `sysconf`.
    func hostCPUCount() -> Int? {
        if let status = read("/proc/self/status"),
            let list = KernelText.keyedValue(status, key: "Cpus_allowed_list"),
            let count = KernelText.cpuListCount(list)
        {
            return count
        }
        if let stat = read("/proc/stat") {
            var count = 0
            KernelText.forEachLine(stat) { line in
                if line.starts(with: "cpu".utf8), let digit = line.dropFirst(3).first, digit &- UInt8(ascii: "0") < 10 {
                    count += 1
                }
                return true
            }
            if count > 0 { return count }
        }
        if root == "/" {
            let online = sysconf(Int32(_SC_NPROCESSORS_ONLN))
            if online > 0 { return online }
        }
        return nil
    }

    /// Clock ticks per second for `/proc/stat` (USER_HZ, 100 on Linux).
    static let clockTicksPerSecond: Double = {
        let ticks = sysconf(Int32(_SC_CLK_TCK))
        return ticks > 0 ? Double(ticks) : 100
    }()
}
