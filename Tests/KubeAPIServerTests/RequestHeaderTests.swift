import Foundation
import HTTPTypes
import Hummingbird
import Testing

@testable import KubeAPIServer

@Suite("Front-proxy (request-header) authentication")
struct RequestHeaderTests {
    static let trust = RequestHeaderTrust(
        roots: [], allowedNames: [], usernameHeaders: ["X-Remote-User", "X-Other-User"],
        groupHeaders: ["X-Remote-Group", "X-Other-Group"], extraHeaderPrefixes: ["X-Remote-Extra-", "X-Other-Extra-"])

    static func headers(_ pairs: [(String, String)]) -> HTTPFields {
        var fields = HTTPFields()
        for (name, value) in pairs {
            if let name = HTTPField.Name(name) { fields.append(HTTPField(name: name, value: value)) }
        }
        return fields
    }

    @Test("user from the first non-empty username header; every group header value is one group")
    func userAndGroups() throws {
        let user = try #require(RequestHeaderAuthenticator.user(from: Self.headers([
            ("X-Remote-User", ""),
            ("X-Other-User", "system:serviceaccount:kube-system:horizontal-pod-autoscaler"),
            ("x-remote-group", "system:serviceaccounts"),
            ("X-Remote-Group", "a, b"),  // one group with a comma, as Kubernetes reads it
            ("X-Remote-Group", "   "),  // blank: skipped
            ("X-Other-Group", "system:authenticated"),
        ]), trust: Self.trust))
        #expect(user.name == "system:serviceaccount:kube-system:horizontal-pod-autoscaler")
        #expect(user.groups == ["system:serviceaccounts", "a, b", "system:authenticated"])
        #expect(user.extra.isEmpty)
    }

    @Test("extras: key is the lower-cased, percent-decoded rest of the header name; values accumulate")
    func extras() throws {
        let user = try #require(RequestHeaderAuthenticator.user(from: Self.headers([
            ("X-Remote-User", "alice"),
            ("X-Remote-Extra-Scopes", "view"),
            ("X-Remote-Extra-Scopes", "edit"),
            ("X-Remote-Extra-Example.com%2fTeam", "payments"),
            ("X-Other-Extra-Reason", "debug"),
            ("X-Remote-Extra-", "no key: ignored"),
        ]), trust: Self.trust))
        #expect(user.extra == ["scopes": ["view", "edit"], "example.com/team": ["payments"], "reason": ["debug"]])
    }

    @Test("no username header means no front-proxy user")
    func noUser() {
        #expect(RequestHeaderAuthenticator.user(from: Self.headers([("X-Remote-Group", "g")]), trust: Self.trust) == nil)
        #expect(RequestHeaderAuthenticator.user(from: Self.headers([("X-Remote-User", "")]), trust: Self.trust) == nil)
    }

    @Test("CN allow-list: empty allows any, otherwise exact CN match", arguments: [
        ("front-proxy-client", [String](), true),
        ("anything", [], true),
        ("front-proxy-client", ["front-proxy-client"], true),
        ("front-proxy-client", ["aggregator", "front-proxy-client"], true),
        ("Front-Proxy-Client", ["front-proxy-client"], false),
        ("front-proxy-client-2", ["front-proxy-client"], false),
        ("", ["front-proxy-client"], false),
    ])
    func allowedNames(commonName: String, allowed: [String], accepted: Bool) {
        #expect(RequestHeaderAuthenticator.isAllowed(commonName: commonName, allowedNames: allowed) == accepted)
    }

    @Test("headers are believed only with a front-proxy certificate; a disallowed CN is rejected")
    func certificateGatesHeaders() async throws {
        let pki = try TestPKI()
        defer { pki.remove() }
        let trust = RequestHeaderTrust(
            roots: [pki.frontProxyCA.certificate], allowedNames: ["front-proxy-client"],
            usernameHeaders: ["X-Remote-User"], groupHeaders: ["X-Remote-Group"], extraHeaderPrefixes: [])
        let authenticator = RequestHeaderAuthenticator(trust: trust)
        let headers = Self.headers([("X-Remote-User", "mallory"), ("X-Remote-Group", "system:masters")])
        let now = Date()

        let proxy = try pki.clientCertificate("proxy", commonName: "front-proxy-client", issuer: pki.frontProxyCA)
        #expect(await authenticator.authenticate(chain: [proxy.issued.certificate], headers: headers)
            == .authenticated(UserInfo(name: "mallory", groups: ["system:masters"])))

        #expect(await authenticator.authenticate(chain: [], headers: headers)
            == .notApplicable("front-proxy: no client certificate"))

        let user = try pki.clientCertificate("user", commonName: "front-proxy-client", issuer: pki.clientCA)
        guard case .notApplicable = await authenticator.authenticate(chain: [user.issued.certificate], headers: headers) else {
            Issue.record("a certificate from another CA must not make headers count")
            return
        }

        let wrongName = try pki.clientCertificate("wrong", commonName: "someone-else", issuer: pki.frontProxyCA)
        #expect(await authenticator.authenticate(chain: [wrongName.issued.certificate], headers: headers)
            == .rejected("front-proxy: certificate CN \"someone-else\" is not in requestheader-allowed-names [front-proxy-client]"))

        // Expired front-proxy certificate: not a front-proxy request.
        let expired = try pki.clientCertificate(
            "expired", commonName: "front-proxy-client", issuer: pki.frontProxyCA,
            validity: DateInterval(start: now.addingTimeInterval(-7200), end: now.addingTimeInterval(-3600)))
        guard case .notApplicable = await authenticator.authenticate(chain: [expired.issued.certificate], headers: headers) else {
            Issue.record("an expired certificate must not authenticate")
            return
        }
    }
}
