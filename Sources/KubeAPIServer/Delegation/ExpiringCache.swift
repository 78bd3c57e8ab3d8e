import Foundation
import Synchronization

/// A small map whose entries expire, for TokenReview and
/// SubjectAccessReview answers (Kubernetes caches both for 10 s), so an HPA
/// polling every 15 s costs the API server one review per period at most.
final class ExpiringCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Entry {
        var value: Value
        var expires: Date
    }

    private let entries = Mutex<[Key: Entry]>([:])
    private let capacity: Int

    init(capacity: Int = 4096) {
        self.capacity = capacity
    }

    func value(for key: Key, now: Date = Date()) -> Value? {
        entries.withLock { entries in
            guard let entry = entries[key] else { return nil }
            guard entry.expires > now else {
                entries[key] = nil
                return nil
            }
            return entry.value
        }
    }

    func store(_ value: Value, for key: Key, ttl: TimeInterval, now: Date = Date()) {
        entries.withLock { entries in
            if entries.count >= capacity {
                entries = entries.filter { $0.value.expires > now }
                // Still full of live entries: start over rather than grow without bound.
                if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            }
            entries[key] = Entry(value: value, expires: now.addingTimeInterval(ttl))
        }
    }
}
