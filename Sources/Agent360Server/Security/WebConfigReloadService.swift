import ListenerSecurity
import Logging
import ServiceLifecycle
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Rereads the web configuration when it or a certificate file it names
/// changes, so a Secret rotated by cert-manager or a new password applies
/// without a restart. A file that no longer parses is logged and the last
/// good configuration stays in force: a typo must not open the listener.
struct WebConfigReloadService: Service {
    let path: String
    let security: WebSecurity
    let every: Duration
    let logger: Logger

    func run() async throws {
        let watched = (try? WebConfigFile.sources(path: path).files) ?? [path]
        let state = Mutex((watched: watched, seen: FileStamp.of(watched)))
        await PeriodicTask.run(initialDelay: every, every: every) {
            let changed = state.withLock { state in
                let now = FileStamp.of(state.watched)
                defer { state.seen = now }
                return now != state.seen
            }
            guard changed else { return }
            do {
                let sources = try WebConfigFile.sources(path: path)
                try security.apply(try sources.load())
                state.withLock { $0 = (sources.files, FileStamp.of(sources.files)) }
                logger.info("web configuration reloaded", metadata: ["file": "\(path)"])
            } catch {
                logger.error("web configuration not reloaded; the previous one stays in force",
                             metadata: ["file": "\(path)", "error": "\(error)"])
            }
        }
    }
}

/// What identifies a file's content cheaply: device, inode, size, change
/// time (Kubernetes replaces mounted Secret files by swapping a symlink, so
/// the inode changes even when the size does not).
struct FileStamp: Equatable, Sendable {
    let device: UInt64
    let inode: UInt64
    let size: Int64
    let changed: Int64

    static func of(_ paths: [String]) -> [FileStamp?] {
        paths.map { path in
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            return FileStamp(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
                             changed: Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec))
        }
    }
}
