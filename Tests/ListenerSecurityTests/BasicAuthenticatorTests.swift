import Foundation
@testable import ListenerSecurity
import Testing

@Suite("basic authentication")
struct BasicAuthenticatorTests {
    static func header(_ user: String, _ password: String) -> String {
        "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
    }

    static func authenticator() throws -> BasicAuthenticator {
        BasicAuthenticator(users: ["prom": try BcryptHash.generate(password: "right", cost: 4),
                                   "grafana": try BcryptHash.generate(password: "other", cost: 5)])
    }

    @Test("the right password passes; wrong passwords, strangers and malformed headers do not")
    func checksCredentials() async throws {
        let auth = try Self.authenticator()
        #expect(await auth.authenticate(authorization: Self.header("prom", "right")))
        #expect(await auth.authenticate(authorization: "basic " + Data("prom:right".utf8).base64EncodedString()))
        #expect(!(await auth.authenticate(authorization: Self.header("prom", "wrong"))))
        #expect(!(await auth.authenticate(authorization: Self.header("grafana", "right"))))
        #expect(!(await auth.authenticate(authorization: Self.header("stranger", "right"))))
        #expect(!(await auth.authenticate(authorization: nil)))
        for malformed in ["Bearer abc", "Basic", "Basic !!!", "Basic " + Data("no-colon".utf8).base64EncodedString()] {
            #expect(!(await auth.authenticate(authorization: malformed)), "\(malformed)")
        }
    }

    @Test("a password may contain colons: the user name ends at the first one")
    func passwordWithColons() async throws {
        let auth = BasicAuthenticator(users: ["u": try BcryptHash.generate(password: "a:b:c", cost: 4)])
        #expect(await auth.authenticate(authorization: Self.header("u", "a:b:c")))
    }

    @Test("repeated checks are answered from the cache, so bcrypt runs once per distinct credential")
    func cachesOutcomes() async throws {
        let auth = try Self.authenticator()
        for _ in 0..<50 { #expect(await auth.authenticate(authorization: Self.header("prom", "right"))) }
        #expect(auth.bcryptChecks == 1)
        for _ in 0..<5 { #expect(!(await auth.authenticate(authorization: Self.header("prom", "wrong")))) }
        #expect(auth.bcryptChecks == 2)
        #expect(!(await auth.authenticate(authorization: Self.header("prom", "wrong2"))))
        #expect(auth.bcryptChecks == 3)
    }

    @Test("an unknown user costs a bcrypt run like a wrong password")
    func unknownUserCostsTheSame() async throws {
        let auth = try Self.authenticator()
        #expect(!(await auth.authenticate(authorization: Self.header("nobody", "x"))))
        #expect(auth.bcryptChecks == 1)
    }

    @Test("the cache forgets the oldest outcome first and stays bounded")
    func cacheIsBounded() async throws {
        let auth = BasicAuthenticator(users: ["u": try BcryptHash.generate(password: "p", cost: 4)], cacheCapacity: 2)
        for password in ["a", "b", "c"] { _ = await auth.authenticate(authorization: Self.header("u", password)) }
        #expect(auth.bcryptChecks == 3)
        _ = await auth.authenticate(authorization: Self.header("u", "c"))
        #expect(auth.bcryptChecks == 3, "still cached")
        _ = await auth.authenticate(authorization: Self.header("u", "a"))
        #expect(auth.bcryptChecks == 4, "the oldest was forgotten")
    }

    @Test("no users: every request passes")
    func openWithoutUsers() async {
        let auth = BasicAuthenticator(users: [:])
        #expect(auth.isOpen)
        #expect(await auth.authenticate(authorization: nil))
    }
}
