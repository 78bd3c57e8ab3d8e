#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads CPU, memory, disk and network figures for the cgroup agent360 runs
/// in (as a sidecar, that is the pod's container; on a host, the host).
///
/// The cgroup layout is detected once, at initialisation: it does not change
/// while the process lives. Each ``collect()`` re-reads the files, a handful
/// of small reads. Nothing here throws or crashes on odd files: a signal that
/// cannot be read is `nil` and an issue explains why.
public struct ResourceCollector: Sendable {
    public struct Configuration: Sendable {
        /// Directory standing in for `/`; tests point it at a fixture tree.
        public var root: String
        /// Mount points to report disk usage for (paths below `root`).
        public var diskMountPoints: [String]
        /// Network devices to leave out, e.g. `["lo"]`. Default: none, each
        /// device is reported with its own label.
        public var excludedNetworkDevices: Set<String>

        public init(root: String = "/", diskMountPoints: [String] = ["/"], excludedNetworkDevices: Set<String> = []) {
            self.root = root
            self.diskMountPoints = diskMountPoints
            self.excludedNetworkDevices = excludedNetworkDevices
        }
    }

    public let configuration: Configuration
    public let cgroup: CgroupLayout
    /// Problems met while detecting the layout; repeated in every snapshot.
    public let detectionIssues: [ResourceIssue]
    private let files: HostFiles
    private let clock: @Sendable () -> UInt64

    /// - Parameter monotonicClock: nanoseconds from a monotonic clock; tests
    ///   inject one to make rates exact.
    public init(
        configuration: Configuration = Configuration(),
        monotonicClock: @escaping @Sendable () -> UInt64 = ResourceCollector.monotonicNanoseconds
    ) {
        self.configuration = configuration
        self.files = HostFiles(root: configuration.root)
        self.clock = monotonicClock
        let detected = CgroupDetector(files: files).detect()
        self.cgroup = detected.layout
        self.detectionIssues = detected.issues
    }

    public func collect() -> ResourceSnapshot {
        let timestamp = clock()
        var issues = detectionIssues
        let cpu = CPUReader(files: files).read(cgroup, issues: &issues)
        let memory = MemoryReader(files: files).read(cgroup, issues: &issues)
        let disks = DiskReader(files: files).read(configuration.diskMountPoints, issues: &issues)
        var devices: [NetworkDeviceReading] = []
        if let netDev = files.read("/proc/net/dev") {
            devices = NetworkDeviceParser.parse(netDev, excluding: configuration.excludedNetworkDevices, issues: &issues)
        } else {
            issues.append(ResourceIssue(.network, "cannot read /proc/net/dev"))
        }
        return ResourceSnapshot(
            monotonicNanoseconds: timestamp,
            cgroup: cgroup,
            cpu: cpu,
            memory: memory,
            disks: disks,
            networkDevices: devices,
            issues: issues
        )
    }

    /// `CLOCK_MONOTONIC` in nanoseconds.
    @Sendable
    public static func monotonicNanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(max(0, now.tv_sec)) &* 1_000_000_000 &+ UInt64(max(0, now.tv_nsec))
    }
}
