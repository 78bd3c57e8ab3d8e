import Synchronization

/// Idle decode workspaces shared by all requests of a receiver.
///
/// A mutex-protected free list rather than thread-locals: requests run on
/// whatever thread the HTTP server picks, and the pool stays `Sendable`. The
/// lock is held only to pop or push one reference.
final class WorkspacePool: Sendable {
    private let idle = Mutex<[DecodeWorkspace]>([])
    private let limits: RemoteWriteLimits
    private let maxIdle: Int

    init(limits: RemoteWriteLimits, maxIdle: Int = 16) {
        self.limits = limits
        self.maxIdle = maxIdle
    }

    func withWorkspace<Result, Failure: Error>(
        _ body: (DecodeWorkspace) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        let workspace = idle.withLock { $0.popLast() } ?? DecodeWorkspace(limits: limits)
        defer {
            workspace.recycle()
            idle.withLock { list in
                if list.count < maxIdle { list.append(workspace) }
            }
        }
        return try body(workspace)
    }

    var idleCount: Int { idle.withLock { $0.count } }

    /// For tests: a look at the idle workspaces.
    func withIdle<Result: Sendable>(_ body: ([DecodeWorkspace]) -> Result) -> Result {
        idle.withLock { body($0) }
    }
}
