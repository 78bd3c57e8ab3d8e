#if canImport(Glibc)
import Glibc
#endif

/// Thin throwing wrappers over the POSIX calls the WAL needs, so every
/// failure names the operation, the path and errno's text.
enum FileIO {
    static func open(_ path: String, flags: Int32, mode: mode_t = 0o644) throws(StorageError) -> Int32 {
        let fd = Glibc.open(path, flags | O_CLOEXEC, mode)
        guard fd >= 0 else { throw .io("open", path) }
        return fd
    }

    /// Writes all of `bytes` (retrying short writes and EINTR).
    static func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(StorageError) {
        var offset = 0
        while offset < bytes.count {
            guard let base = bytes.baseAddress else { return }
            let written = Glibc.write(fd, base + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw .io("write", path)
            }
            if written == 0 { throw .io("write", path, errno: EIO) }
            offset += written
        }
    }

    static func write(_ fd: Int32, _ bytes: [UInt8], path: String) throws(StorageError) {
        let result: Result<Void, StorageError> = bytes.withUnsafeBytes { buffer in
            do throws(StorageError) {
                try write(fd, buffer, path: path)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
    }

    static func sync(_ fd: Int32, path: String) throws(StorageError) {
        guard fdatasync(fd) == 0 else { throw .io("fsync", path) }
    }

    static func truncate(_ fd: Int32, to size: Int, path: String) throws(StorageError) {
        guard ftruncate(fd, off_t(size)) == 0 else { throw .io("truncate", path) }
    }

    static func size(_ fd: Int32, path: String) throws(StorageError) -> Int {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .io("stat", path) }
        return Int(info.st_size)
    }

    static func rename(_ from: String, _ to: String) throws(StorageError) {
        guard Glibc.rename(from, to) == 0 else { throw .io("rename", from) }
    }

    static func remove(_ path: String) {
        _ = unlink(path)
    }

    /// Creates `path` (and missing parents) as a directory.
    static func makeDirectory(_ path: String, wanted: String? = nil) throws(StorageError) {
        var info = stat()
        if stat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else { throw .notADirectory(path, within: wanted ?? path) }
            return
        }
        let parent = directoryName(path)
        if !parent.isEmpty, parent != path { try makeDirectory(parent, wanted: wanted ?? path) }
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw .io("mkdir", path) }
    }

    /// Makes renames and new files in `path` durable.
    static func syncDirectory(_ path: String) throws(StorageError) {
        let fd = try open(path, flags: O_RDONLY | O_DIRECTORY)
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw .io("fsync", path) }
    }

    static func list(_ path: String) throws(StorageError) -> [String] {
        guard let directory = opendir(path) else { throw .io("opendir", path) }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Calls `body` with the whole file, mapped read-only rather than
    /// copied: replay reads checkpoints and segments of many megabytes once,
    /// and a copy would zero and fault in as much fresh memory first.
    static func withContents<Result>(
        _ path: String, _ body: (UnsafeRawBufferPointer) -> Result
    ) throws(StorageError) -> Result {
        let fd = try open(path, flags: O_RDONLY)
        defer { close(fd) }
        let size = try size(fd, path: path)
        guard size > 0 else { return body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0), base != MAP_FAILED else {
            throw .io("mmap", path)
        }
        defer { munmap(base, size) }
        return body(UnsafeRawBufferPointer(start: base, count: size))
    }

    /// The whole file.
    static func read(_ path: String) throws(StorageError) -> [UInt8] {
        let fd = try open(path, flags: O_RDONLY)
        defer { close(fd) }
        let size = try size(fd, path: path)
        var bytes = [UInt8](repeating: 0, count: size)
        var offset = 0
        while offset < size {
            let count = bytes.withUnsafeMutableBytes { buffer in
                guard let base = buffer.baseAddress else { return 0 }
                return Glibc.read(fd, base + offset, size - offset)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw .io("read", path)
            }
            if count == 0 { break }
            offset += count
        }
        if offset < size { bytes.removeSubrange(offset...) }
        return bytes
    }

    static func directoryName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}

/// An open file descriptor closed when the last reference goes, so a
/// background fsync can keep a segment open while ingest moves on to the next.
final class OpenFile: Sendable {
    let fd: Int32
    let path: String

    init(fd: Int32, path: String) {
        self.fd = fd
        self.path = path
    }

    deinit { close(fd) }
}
