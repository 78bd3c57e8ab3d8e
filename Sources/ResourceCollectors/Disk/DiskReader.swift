#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `statvfs` of each configured mount point, counted like `df`.
struct DiskReader {
    let files: HostFiles

    func read(_ mountPoints: [String], issues: inout [ResourceIssue]) -> [DiskReading] {
        mountPoints.compactMap { mountPoint in
            switch Self.statistics(of: files.physicalPath(mountPoint), mountPoint: mountPoint) {
            case .reading(let reading): return reading
            case .issue(let issue):
                issues.append(issue)
                return nil
            }
        }
    }

    enum Outcome {
        case reading(DiskReading)
        case issue(ResourceIssue)
    }

    static func statistics(of path: String, mountPoint: String) -> Outcome {
        var info = statvfs()
        guard statvfs(path, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            return .issue(ResourceIssue(.disk(mountPoint: mountPoint), "statvfs(\(mountPoint)) failed: \(reason)"))
        }
        let fragment = UInt64(info.f_frsize > 0 ? info.f_frsize : info.f_bsize)
        let blocks = UInt64(info.f_blocks)
        let free = UInt64(info.f_bfree)
        let available = UInt64(info.f_bavail)
        guard blocks > 0, free <= blocks else {
            return .issue(ResourceIssue(.disk(mountPoint: mountPoint), "\(mountPoint) reports no usable blocks (pseudo file system?)"))
        }
        let used = blocks - free
        // In Double: garbage counters must not overflow into a trap.
        let denominator = Double(used) + Double(available)
        return .reading(DiskReading(
            mountPoint: mountPoint,
            sizeBytes: blocks.multipliedReportingOverflow(by: fragment).partialValue,
            usedBytes: used.multipliedReportingOverflow(by: fragment).partialValue,
            availableBytes: available.multipliedReportingOverflow(by: fragment).partialValue,
            utilizationRatio: denominator == 0 ? 0 : Double(used) / denominator
        ))
    }
}
