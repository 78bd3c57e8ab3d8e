import CCrypt

/// A bcrypt password hash (`$2a$`, `$2b$` or `$2y$`), as `htpasswd -nBC 10`
/// writes them into `basic_auth_users`.
///
/// Verification is delegated to libxcrypt (Debian's libcrypt): bcrypt is
/// exactly the kind of code one should not write by hand.
public struct BcryptHash: Sendable, Hashable, CustomStringConvertible {
    /// The hash in modular crypt format, 60 characters.
    public let encoded: String
    /// 4...31: each step doubles the time one check takes (10 ≈ 70 ms).
    public let cost: Int

    /// Fails with the reason when `encoded` is not a bcrypt hash.
    public init(_ encoded: String) throws(WebConfigError) {
        let bytes = Array(encoded.utf8)
        let prefixes = ["$2a$", "$2b$", "$2y$"]
        guard bytes.count == 60, prefixes.contains(where: { encoded.hasPrefix($0) }), bytes[6] == UInt8(ascii: "$"),
              let cost = Int(String(decoding: bytes[4..<6], as: UTF8.self)), (4...31).contains(cost)
        else {
            throw WebConfigError.invalidHash("not a bcrypt hash ($2a$, $2b$ or $2y$, a cost of 04 to 31, 60 characters)")
        }
        let alphabet = Set("./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)
        guard bytes[7...].allSatisfy(alphabet.contains) else {
            throw WebConfigError.invalidHash("bcrypt salt and hash use characters outside ./A-Za-z0-9")
        }
        self.encoded = encoded
        self.cost = cost
    }

    /// Whether `password` hashes to this value. Costs the full bcrypt time
    /// whether or not it matches; the final comparison is constant-time.
    public func verify(_ password: some Collection<UInt8>) -> Bool {
        // bcrypt reads at most 72 bytes; a NUL would end the C string early,
        // making "a\0b" match "a": refuse such passwords outright (after the
        // same work, so the refusal is not faster).
        let refused = password.contains(0)
        let computed = Self.crypt(Array(password.lazy.map { $0 == 0 ? 1 : $0 }), setting: encoded)
        return !refused && ConstantTime.equal(Array(computed.utf8), Array(encoded.utf8))
    }

    /// A new hash of `password` with a random salt, for `agent360 hash-password`
    /// and tests.
    public static func generate(password: String, cost: Int = 10) throws(WebConfigError) -> BcryptHash {
        guard (4...31).contains(cost) else { throw WebConfigError.invalidHash("bcrypt cost \(cost) is outside 4...31") }
        var setting = [CChar](repeating: 0, count: Int(CRYPT_GENSALT_OUTPUT_SIZE))
        guard crypt_gensalt_rn("$2b$", UInt(cost), nil, 0, &setting, Int32(setting.count)) != nil else {
            throw WebConfigError.invalidHash("libcrypt could not make a bcrypt salt")
        }
        let salt = String(decoding: setting.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return try BcryptHash(crypt(Array(password.utf8), setting: salt))
    }

    /// libxcrypt's `crypt_rn` on a heap work area (it is ~32 KiB); returns a
    /// failure token starting with `*` on any error.
    private static func crypt(_ password: [UInt8], setting: String) -> String {
        let data = UnsafeMutablePointer<crypt_data>.allocate(capacity: 1)
        defer {
            UnsafeMutableRawPointer(data).initializeMemory(as: UInt8.self, repeating: 0, count: MemoryLayout<crypt_data>.size)
            data.deallocate()
        }
        UnsafeMutableRawPointer(data).initializeMemory(as: UInt8.self, repeating: 0, count: MemoryLayout<crypt_data>.size)
        let phrase = password.map { CChar(bitPattern: $0) } + [0]
        guard let result = crypt_rn(phrase, setting, data, Int32(MemoryLayout<crypt_data>.size)) else { return "*" }
        return String(cString: result)
    }

    public var description: String { "bcrypt(cost \(cost))" }
}

/// Comparisons whose time depends only on the lengths, not on where the
/// inputs differ.
enum ConstantTime {
    static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
