/// One cgroup directory of the process and the mount it lives in; limits
/// can be set on any ancestor up to the mount, so both are kept.
public struct CgroupDirectory: Sendable, Hashable {
    /// The process's cgroup directory, e.g. `/sys/fs/cgroup/kubepods/pod1/c1`.
    public let path: String
    /// Where the hierarchy is mounted, e.g. `/sys/fs/cgroup`.
    public let mountPoint: String

    public init(path: String, mountPoint: String) {
        self.path = path
        self.mountPoint = mountPoint
    }

    /// `path` and each parent up to and including `mountPoint`, innermost first.
    var selfAndAncestors: [String] {
        var directories = [path]
        var current = path
        while current != mountPoint, current.count > mountPoint.count,
            let slash = current.lastIndex(of: "/"), slash > current.startIndex
        {
            current = String(current[..<slash])
            directories.append(current)
        }
        return directories
    }
}

/// Which cgroup hierarchy governs the process.
public enum CgroupLayout: Sendable, Hashable {
    /// cgroup v2 (unified): one directory with every controller.
    case v2(CgroupDirectory)
    /// cgroup v1: one hierarchy per controller, each possibly absent.
    case v1(cpu: CgroupDirectory?, cpuacct: CgroupDirectory?, memory: CgroupDirectory?)
    /// No cgroup file system: read the host's `/proc`.
    case none
}
