/// Why a signal is missing or less precise than it could be.
///
/// A missing file leaves its signal `nil` (never 0, which would look like an
/// idle, empty container) and produces an issue instead. Issues are
/// `Hashable` and their messages are stable from one sample to the next, so
/// the caller can keep a set and log each one once.
public struct ResourceIssue: Sendable, Hashable, CustomStringConvertible {
    public enum Signal: Sendable, Hashable {
        case cgroup
        case cpuUsage
        case cpuLimit
        case memoryWorkingSet
        case memoryLimit
        case disk(mountPoint: String)
        case network
    }

    public let signal: Signal
    public let message: String

    public init(_ signal: Signal, _ message: String) {
        self.signal = signal
        self.message = message
    }

    public var description: String { "\(signal): \(message)" }
}
