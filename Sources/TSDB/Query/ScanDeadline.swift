/// A query's deadline, seen by the store's long scans (resolving postings,
/// reading series) so that a timed-out or cancelled query stops inside a
/// scan of millions of series, not only when the scan is over.
///
/// The engine sets it for the task that runs the query (`withValue`); the
/// store reads it once per call and checks it every `checkInterval` items,
/// where the clock read costs nothing next to the work between checks.
/// Cancellation of the running task counts too, with or without a deadline.
public struct ScanDeadline: Sendable {
    /// Items (postings, label values, series) between two checks.
    public static let checkInterval = 1024

    /// The deadline in force for the current task; none outside queries.
    @TaskLocal public static var current = ScanDeadline(nil)

    public let instant: ContinuousClock.Instant?

    public init(_ instant: ContinuousClock.Instant?) {
        self.instant = instant
    }

    /// Throws when the deadline has passed or the task was cancelled.
    @inline(__always)
    public func check() throws(ScanInterrupted) {
        if Task.isCancelled { throw ScanInterrupted(.canceled) }
        if let instant, ContinuousClock.now >= instant { throw ScanInterrupted(.timedOut) }
    }

    /// `check()` every `checkInterval` calls, counted in `counter`.
    @inline(__always)
    public func check(every counter: inout Int) throws(ScanInterrupted) {
        counter &+= 1
        if counter & (Self.checkInterval - 1) == 0 { try check() }
    }
}

/// A store scan stopped because its query's deadline passed or its task
/// was cancelled; the engine turns it into its timeout or cancel error.
public struct ScanInterrupted: Error, Sendable, CustomStringConvertible {
    fileprivate enum Code: Sendable { case timedOut, canceled }
    private let code: Code

    fileprivate init(_ code: Code) { self.code = code }

    /// True for a passed deadline, false for a cancelled task.
    public var isTimeout: Bool { code == .timedOut }

    public var description: String { isTimeout ? "deadline passed" : "canceled" }
}
