#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the kernel's pseudo-files (`/proc`, `/sys/fs/cgroup`) below an
/// injectable root, so a fixture directory can stand in for the real host.
///
/// Paths given to it are the absolute paths the kernel uses
/// (`/proc/self/cgroup`); the root is prepended only when touching the disk,
/// so paths in snapshots and issues read like the real thing.
struct HostFiles: Sendable {
    /// Directory standing in for `/`; `"/"` on a real host.
    let root: String

    init(root: String) {
        var root = root
        while root.count > 1, root.hasSuffix("/") { root.removeLast() }
        self.root = root.isEmpty ? "/" : root
    }

    /// The on-disk path for a kernel path.
    func physicalPath(_ path: String) -> String {
        root == "/" ? path : root + path
    }

    func exists(_ path: String) -> Bool {
        access(physicalPath(path), F_OK) == 0
    }

    func isDirectory(_ path: String) -> Bool {
        var info = stat()
        guard stat(physicalPath(path), &info) == 0 else { return false }
        return (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The whole file, read with plain `read(2)` calls: pseudo-files report a
    /// size of 0, so the size cannot be trusted. `nil` when it cannot be read.
    func read(_ path: String) -> [UInt8]? {
        let descriptor = open(physicalPath(path), O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var contents: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { readBytes(descriptor, into: $0) }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { return contents }
            contents.append(contentsOf: chunk[0..<count])
            // Pseudo-files we read are a few kB; refuse anything absurd.
            if contents.count > 16 << 20 { return nil }
        }
    }

    /// The file as text, or `nil` when it cannot be read.
    func readText(_ path: String) -> String? {
        read(path).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// `read(2)`, named apart from `HostFiles.read` so the call resolves to libc.
private func readBytes(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer) -> Int {
    read(descriptor, buffer.baseAddress, buffer.count)
}
