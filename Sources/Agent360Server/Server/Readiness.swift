import Synchronization

/// Tracks the conditions `/readyz` waits for.
///
/// Kubernetes sends traffic only to ready pods, so agent360 reports ready
/// once it can answer with data, not merely once the process exists.
public final class Readiness: Sendable {
    public enum Condition: String, Sendable, CaseIterable {
        case listening
        case resourcesCollected
    }

    private let pending: Mutex<Set<Condition>>

    public init(waitingFor conditions: Set<Condition>) {
        pending = Mutex(conditions)
    }

    public func mark(_ condition: Condition) {
        _ = pending.withLock { $0.remove(condition) }
    }

    public var isReady: Bool { pending.withLock { $0.isEmpty } }

    /// Conditions still missing, for the `/readyz` body.
    public var missing: [Condition] { pending.withLock { $0.sorted { $0.rawValue < $1.rawValue } } }
}
