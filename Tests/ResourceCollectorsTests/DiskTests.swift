import Testing

#if canImport(Glibc)
import Glibc
#endif

@testable import ResourceCollectors

@Suite("Disk")
struct DiskTests {
    @Test("statvfs figures match df's arithmetic; failing mount points are skipped and reported")
    func diskUsage() throws {
        try withFixtureTree(ProcFixtures.hostOnly) { tree in
            try tree.makeDirectory("/data")
            let configuration = ResourceCollector.Configuration(root: tree.root, diskMountPoints: ["/data", "/not-mounted"])
            let snapshot = ResourceCollector(configuration: configuration).collect()

            var info = statvfs()
            #expect(statvfs(tree.root + "/data", &info) == 0)
            let disk = try #require(snapshot.disks.first)
            #expect(snapshot.disks.count == 1)
            #expect(disk.mountPoint == "/data")
            #expect(disk.sizeBytes == UInt64(info.f_blocks) * UInt64(info.f_frsize))
            // Other processes write meanwhile: allow a little drift.
            let expectedRatio = Double(info.f_blocks - info.f_bfree) / Double(info.f_blocks - info.f_bfree + info.f_bavail)
            #expect(abs(disk.utilizationRatio - expectedRatio) < 0.01)
            #expect(disk.utilizationRatio > 0 && disk.utilizationRatio < 1)
            #expect(disk.usedBytes + disk.availableBytes <= disk.sizeBytes)
            #expect(snapshot.issues == [
                ResourceIssue(.disk(mountPoint: "/not-mounted"), "statvfs(/not-mounted) failed: No such file or directory"),
            ])
        }
    }

    @Test("A pseudo file system with no blocks is reported, not divided by zero")
    func pseudoFileSystem() {
        guard case .issue(let issue) = DiskReader.statistics(of: "/proc", mountPoint: "/proc") else {
            Issue.record("expected /proc to be reported as having no blocks")
            return
        }
        #expect(issue.signal == .disk(mountPoint: "/proc"))
    }
}
