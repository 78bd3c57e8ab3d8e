import ListenerSecurity
import Testing

@Suite("bcrypt hashes")
struct BcryptHashTests {
    @Test("a generated hash verifies its password and no other")
    func verifiesOwnPassword() throws {
        let hash = try BcryptHash.generate(password: "s3cret", cost: 4)
        #expect(hash.encoded.hasPrefix("$2b$04$"))
        #expect(hash.encoded.count == 60)
        #expect(hash.verify(Array("s3cret".utf8)))
        #expect(!hash.verify(Array("s3cre".utf8)))
        #expect(!hash.verify(Array("s3cret ".utf8)))
        #expect(!hash.verify([]))
    }

    @Test("htpasswd's $2y$ and older $2a$ spellings verify the same password")
    func acceptsOtherPrefixes() throws {
        let hash = try BcryptHash.generate(password: "pw", cost: 4)
        for prefix in ["$2y$", "$2a$"] {
            let other = try BcryptHash(prefix + hash.encoded.dropFirst(4))
            #expect(other.verify(Array("pw".utf8)))
            #expect(!other.verify(Array("px".utf8)))
        }
    }

    @Test("a password with a NUL byte never matches, even the text before the NUL")
    func refusesEmbeddedNUL() throws {
        let hash = try BcryptHash.generate(password: "a", cost: 4)
        #expect(!hash.verify([UInt8(ascii: "a"), 0, UInt8(ascii: "b")]))
    }

    @Test("what is not a bcrypt hash is refused with the reason", arguments: [
        "secret", "$1$abcdefgh$abcdefghijklmnopqrstuv",
        "$2b$03$abcdefghijklmnopqrstuuabcdefghijklmnopqrstuvwxyz01234",
        "$2b$10$abcdefghijklmnopqrstuuabcdefghijklmnopqrstuvwxyz0123",
        "$2b$10$abcdefghijklmnopqrstuuabcdefghijklmnopqrstuvwxyz0123!",
        "$2x$10$abcdefghijklmnopqrstuuabcdefghijklmnopqrstuvwxyz01234",
    ])
    func refusesNonHashes(_ text: String) {
        #expect(throws: WebConfigError.self) { try BcryptHash(text) }
    }

    @Test("the description never shows the hash")
    func descriptionHidesHash() throws {
        let hash = try BcryptHash.generate(password: "pw", cost: 4)
        #expect(hash.description == "bcrypt(cost 4)")
    }
}
