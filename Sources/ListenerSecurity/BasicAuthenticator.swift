import Crypto
import NIOPosix
import Synchronization

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Checks HTTP basic credentials against `basic_auth_users`.
///
/// bcrypt is slow by design (~70 ms at cost 10) and Prometheus sends
/// remote-write requests hundreds of times a second, so each outcome is
/// remembered under a SHA-256 of user, hash and password (the password is
/// never kept). Checks that must run bcrypt run one at a time on NIO's
/// blocking thread pool, never on the cooperative pool that serves requests,
/// so a flood of wrong passwords costs one core at most. An unknown user is
/// checked against a real configured hash of the highest cost, so it takes as
/// long as a wrong password and does not reveal which names exist.
public final class BasicAuthenticator: Sendable {
    private let users: [String: BcryptHash]
    private let decoy: BcryptHash?
    private let outcomes: Mutex<OutcomeCache>
    private let bcryptTurn = Mutex(())
    private let bcryptRuns = Atomic<Int>(0)

    /// - Parameter cacheCapacity: outcomes remembered; the oldest is forgotten first.
    public init(users: [String: BcryptHash], cacheCapacity: Int = 1024) {
        self.users = users
        self.decoy = users.values.max { $0.cost < $1.cost }
        self.outcomes = Mutex(OutcomeCache(capacity: max(1, cacheCapacity)))
    }

    /// True when no users are configured: every request passes.
    public var isOpen: Bool { users.isEmpty }

    /// How many bcrypt checks ran (the rest were answered from the cache).
    public var bcryptChecks: Int { bcryptRuns.load(ordering: .relaxed) }

    /// Whether an `Authorization` header value carries valid credentials.
    public func authenticate(authorization: String?) async -> Bool {
        if users.isEmpty { return true }
        guard let authorization, let (user, password) = Self.basicCredentials(authorization) else { return false }
        return await check(user: user, password: password)
    }

    func check(user: String, password: [UInt8]) async -> Bool {
        let hash = users[user]
        guard let expected = hash ?? decoy else { return false }
        let key = Self.cacheKey(user: user, hash: expected, password: password)
        if let known = outcomes.withLock({ $0.outcome(for: key) }) { return known && hash != nil }
        let matches: Bool
        do {
            matches = try await NIOThreadPool.singleton.runIfActive { self.runBcrypt(expected, password) }
        } catch {
            return false  // the pool is shutting down: refuse rather than guess
        }
        let valid = matches && hash != nil
        outcomes.withLock { $0.remember(key, valid) }
        return valid
    }

    private func runBcrypt(_ hash: BcryptHash, _ password: [UInt8]) -> Bool {
        bcryptTurn.withLock { _ in
            bcryptRuns.add(1, ordering: .relaxed)
            return hash.verify(password)
        }
    }

    /// User and password from `Basic base64(user:password)`, nil when malformed.
    static func basicCredentials(_ header: String) -> (String, [UInt8])? {
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "basic",
              let decoded = Data(base64Encoded: String(parts[1]).trimmingCharacters(in: .whitespaces)) else { return nil }
        let bytes = [UInt8](decoded)
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let user = String(decoding: bytes[..<colon], as: UTF8.self)
        return (user, Array(bytes[(colon + 1)...]))
    }

    private static func cacheKey(user: String, hash: BcryptHash, password: [UInt8]) -> SHA256Digest {
        var hasher = SHA256()
        for part in [Array(user.utf8), Array(hash.encoded.utf8), password] {
            var length = UInt64(part.count).littleEndian
            withUnsafeBytes(of: &length) { hasher.update(bufferPointer: $0) }
            hasher.update(data: part)
        }
        return hasher.finalize()
    }
}

/// Outcomes of earlier checks, first in first out.
struct OutcomeCache {
    private var outcomes: [SHA256Digest: Bool] = [:]
    private var order: [SHA256Digest] = []
    private var next = 0
    let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    func outcome(for key: SHA256Digest) -> Bool? { outcomes[key] }

    mutating func remember(_ key: SHA256Digest, _ valid: Bool) {
        guard outcomes.updateValue(valid, forKey: key) == nil else { return }
        if order.count < capacity {
            order.append(key)
        } else {
            outcomes[order[next]] = nil
            order[next] = key
            next = (next + 1) % capacity
        }
    }
}
