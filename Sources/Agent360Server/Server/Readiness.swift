import Synchronization

/// Tracks the conditions `/readyz` waits for.
///
/// Kubernetes sends traffic only to ready pods, so agent360 reports ready
/// once it can answer with data, not merely once the process exists.
public final class Readiness: Sendable {
    public enum Condition: String, Sendable, CaseIterable {
        case listening
        case resourcesCollected
        /// The WAL has been replayed: answering before would serve a store
        /// still missing its history (HPAs would see wrong rates).
        case storageReplayed
    }

    private let pending: Mutex<Set<Condition>>

    public init(waitingFor conditions: Set<Condition>) {
        pending = Mutex(conditions)
    }

    /// Adds a condition discovered after start-up configuration.
    public func require(_ condition: Condition) {
        _ = pending.withLock { $0.insert(condition) }
    }

    public func mark(_ condition: Condition) {
        _ = pending.withLock { $0.remove(condition) }
    }

    public var isReady: Bool { pending.withLock { $0.isEmpty } }

    /// Conditions still missing, for the `/readyz` body.
    public var missing: [Condition] { pending.withLock { $0.sorted { $0.rawValue < $1.rawValue } } }
}
