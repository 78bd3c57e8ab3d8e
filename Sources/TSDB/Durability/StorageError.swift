#if canImport(Glibc)
import Glibc
#endif

/// Why the storage directory, the WAL or a checkpoint could not be used.
///
/// Carries the path and the operating system's reason, so an operator can
/// act on the message alone ("No space left on device", "Read-only file
/// system", "locked by process 4242").
public struct StorageError: Error, CustomStringConvertible, Sendable, Equatable {
    enum Code: Sendable, Equatable {
        case io(operation: String, path: String, errno: Int32)
        case locked(path: String, owner: String)
        case notADirectory(path: String, wanted: String)
        case closed
        case replaying
    }

    let code: Code

    static func io(_ operation: String, _ path: String, errno: Int32 = Glibc.errno) -> StorageError {
        StorageError(code: .io(operation: operation, path: path, errno: errno))
    }

    static func locked(_ path: String, owner: String) -> StorageError { StorageError(code: .locked(path: path, owner: owner)) }
    static func notADirectory(_ path: String, within wanted: String) -> StorageError {
        StorageError(code: .notADirectory(path: path, wanted: wanted))
    }
    /// The WAL was closed (shutdown); nothing more is written.
    public static let closed = StorageError(code: .closed)
    /// Writes wait until the WAL has been replayed into the store.
    public static let replaying = StorageError(code: .replaying)

    /// Out of space or quota: expected to clear up without a restart.
    public var isNoSpace: Bool {
        if case .io(_, _, let errno) = code { return errno == ENOSPC || errno == EDQUOT || errno == EFBIG }
        return false
    }

    public var description: String {
        switch code {
        case .io(let operation, let path, let errno):
            "\(operation) \(path): \(String(cString: strerror(errno)))"
        case .locked(let path, let owner):
            "storage directory \(path) is in use by another agent360 process (\(owner)); "
                + "each process needs its own storage.path"
        case .notADirectory(let path, let wanted):
            path == wanted ? "storage.path \(path) exists and is not a directory"
                : "storage.path \(wanted): \(path) exists and is not a directory"
        case .closed:
            "the write-ahead log is closed (shutting down)"
        case .replaying:
            "the write-ahead log is still being replayed; retry shortly"
        }
    }
}
