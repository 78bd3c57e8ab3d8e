/// Finds the process's cgroup directories the way container runtimes lay
/// them out: v2 when `/sys/fs/cgroup/cgroup.controllers` exists, otherwise
/// v1 hierarchies located through `/proc/self/mountinfo` (or, without it,
/// the conventional `/sys/fs/cgroup/<controller>` directories).
struct CgroupDetector {
    let files: HostFiles

    static let unifiedMountPoint = "/sys/fs/cgroup"

    func detect() -> (layout: CgroupLayout, issues: [ResourceIssue]) {
        let memberships = files.readText("/proc/self/cgroup").map(CgroupMembership.parse) ?? []
        let mounts = files.readText("/proc/self/mountinfo").map(CgroupMount.parse) ?? []
        var issues: [ResourceIssue] = []

        if files.exists(Self.unifiedMountPoint + "/cgroup.controllers") {
            let mountRoot = mounts.first { $0.isV2 && $0.mountPoint == Self.unifiedMountPoint }?.root ?? "/"
            let membership = memberships.first { $0.hierarchyID == "0" && $0.controllers.isEmpty }
            if membership == nil {
                issues.append(ResourceIssue(.cgroup, "no \"0::\" line in /proc/self/cgroup; using the root of \(Self.unifiedMountPoint)"))
            }
            let directory = resolve(mountPoint: Self.unifiedMountPoint, mountRoot: mountRoot, cgroupPath: membership?.path, marker: "cgroup.controllers")
            return (.v2(directory), issues)
        }

        let cpu = v1Directory(controller: "cpu", marker: "cpu.cfs_quota_us", memberships: memberships, mounts: mounts)
        let cpuacct = v1Directory(controller: "cpuacct", marker: "cpuacct.usage", memberships: memberships, mounts: mounts)
        let memory = v1Directory(controller: "memory", marker: "memory.usage_in_bytes", memberships: memberships, mounts: mounts)
        if cpu == nil && cpuacct == nil && memory == nil {
            return (.none, issues)
        }
        return (.v1(cpu: cpu, cpuacct: cpuacct, memory: memory), issues)
    }

    private func v1Directory(
        controller: String,
        marker: String,
        memberships: [CgroupMembership],
        mounts: [CgroupMount]
    ) -> CgroupDirectory? {
        let mount: (point: String, root: String)?
        if let found = mounts.first(where: { !$0.isV2 && $0.controllers.contains(Substring(controller)) && files.isDirectory($0.mountPoint) }) {
            mount = (found.mountPoint, found.root)
        } else {
            // No mountinfo: Docker and systemd mount cpu and cpuacct together
            // (with symlinks for the single names); try the usual names.
            let candidates = [
                "\(Self.unifiedMountPoint)/\(controller)",
                "\(Self.unifiedMountPoint)/cpu,cpuacct",
                "\(Self.unifiedMountPoint)/cpuacct,cpu",
            ]
            mount = candidates.first { files.isDirectory($0) && files.exists($0 + "/" + marker) }.map { ($0, "/") }
        }
        guard let mount else { return nil }
        let path = memberships.first { $0.controllers.contains(Substring(controller)) }?.path
        let directory = resolve(mountPoint: mount.point, mountRoot: mount.root, cgroupPath: path, marker: marker)
        // A hierarchy without the controller's files is of no use.
        return files.exists(directory.path + "/" + marker) ? directory : nil
    }

    /// The directory for `cgroupPath` (as `/proc/self/cgroup` shows it) under
    /// a mount whose root is `mountRoot`. Falls back to the mount point when
    /// the directory is not visible, which is the case inside a container
    /// that sees the host's cgroup path but only its own subtree.
    private func resolve(mountPoint: String, mountRoot: String, cgroupPath: String?, marker: String) -> CgroupDirectory {
        let fallback = CgroupDirectory(path: mountPoint, mountPoint: mountPoint)
        guard var relative = cgroupPath, relative.hasPrefix("/"), !relative.split(separator: "/").contains("..") else {
            return fallback
        }
        if mountRoot != "/" {
            guard relative.hasPrefix(mountRoot) else { return fallback }
            relative = String(relative.dropFirst(mountRoot.count))
        }
        while relative.hasSuffix("/") { relative.removeLast() }
        if relative.isEmpty { return fallback }
        if !relative.hasPrefix("/") { relative = "/" + relative }
        let candidate = mountPoint + relative
        guard files.isDirectory(candidate), files.exists(candidate + "/" + marker) else { return fallback }
        return CgroupDirectory(path: candidate, mountPoint: mountPoint)
    }
}

/// A line of `/proc/self/cgroup`: `hierarchy-ID:controller-list:path`.
struct CgroupMembership: Equatable {
    var hierarchyID: Substring
    var controllers: [Substring]
    var path: String

    static func parse(_ text: String) -> [CgroupMembership] {
        text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3 else { return nil }
            return CgroupMembership(
                hierarchyID: fields[0],
                controllers: fields[1].split(separator: ","),
                path: String(fields[2])
            )
        }
    }
}

/// A cgroup line of `/proc/self/mountinfo`:
/// `36 25 0:32 /root /mount/point rw,relatime shared:1 - cgroup cgroup rw,cpu,cpuacct`.
struct CgroupMount: Equatable {
    var root: String
    var mountPoint: String
    var isV2: Bool
    var controllers: [Substring]

    static func parse(_ text: String) -> [CgroupMount] {
        text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ")
            // Six fixed fields, optional fields, "-", type, source, options.
            guard let separator = fields.firstIndex(of: "-"), separator >= 6, fields.count > separator + 1 else {
                return nil
            }
            let fileSystemType = fields[separator + 1]
            guard fileSystemType == "cgroup" || fileSystemType == "cgroup2" else { return nil }
            let superOptions = fields.count > separator + 3 ? fields[separator + 3].split(separator: ",") : []
            return CgroupMount(
                root: unescapeOctal(fields[3]),
                mountPoint: unescapeOctal(fields[4]),
                isV2: fileSystemType == "cgroup2",
                controllers: superOptions
            )
        }
    }

    /// mountinfo writes space, tab, newline and backslash as `\040` etc.
    private static func unescapeOctal(_ field: Substring) -> String {
        guard field.contains("\\") else { return String(field) }
        var bytes: [UInt8] = []
        let utf8 = Array(field.utf8)
        var index = 0
        while index < utf8.count {
            if utf8[index] == UInt8(ascii: "\\"), index + 4 <= utf8.count,
                let value = UInt8(String(decoding: utf8[(index + 1)..<(index + 4)], as: UTF8.self), radix: 8)
            {
                bytes.append(value)
                index += 4
            } else {
                bytes.append(utf8[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
