import Foundation
import Synchronization
import Testing

@testable import KubeAPIServer

/// Every way a request can fail before reaching the metrics, checked on
/// the wire: status code and the Kubernetes `Status` body.
@Suite("Authentication and error responses")
struct AuthenticationNegativeTests {
    static let hpaUser = RealClientTests.hpaUser
    static let externalPath = RealClientTests.externalPath

    static func withServer<T: Sendable>(readiness: @escaping @Sendable () -> Bool = { true },
                                        _ body: @Sendable (RunningServer, TestPKI) async throws -> T) async throws -> T {
        let pki = try TestPKI()
        defer { pki.remove() }
        return try await withSecureServer(try RealClientTests.config(pki, tokens: RealClientTests.tokens), readiness: readiness) {
            try await body($0, pki)
        }
    }

    @Test("health endpoints answer without credentials; /readyz follows readiness")
    func health() async throws {
        let ready = Atomic<Bool>(false)
        try await Self.withServer(readiness: { ready.load(ordering: .relaxed) }) { server, _ in
            for path in ["/healthz", "/livez"] {
                let response = try await TestHTTPSClient.get(server.baseURL + path)
                #expect(response.status == 200)
                #expect(response.text == "ok")
            }
            #expect(try await TestHTTPSClient.get(server.baseURL + "/readyz").status == 503)
            ready.store(true, ordering: .relaxed)
            #expect(try await TestHTTPSClient.get(server.baseURL + "/readyz").status == 200)
        }
    }

    @Test("not ready (stored samples still restoring): authenticated metric requests get 503, then values")
    func notReadyIsServiceUnavailable() async throws {
        let ready = Atomic<Bool>(false)
        try await Self.withServer(readiness: { ready.load(ordering: .relaxed) }) { server, _ in
            let token = [("Authorization", "Bearer hpa-token")]
            let waiting = try await TestHTTPSClient.get(server.baseURL + Self.externalPath, headers: token)
            #expect(try statusMessage(waiting, code: 503, reason: "ServiceUnavailable").contains("not ready"))
            // Credentials are still checked first.
            #expect(try await TestHTTPSClient.get(server.baseURL + Self.externalPath).status == 401)
            ready.store(true, ordering: .relaxed)
            let served = try await TestHTTPSClient.get(server.baseURL + Self.externalPath, headers: token)
            #expect(served.status == 200)
        }
    }

    @Test("no credentials: 401 Unauthorized, for metrics and discovery alike")
    func noCredentials() async throws {
        try await Self.withServer { server, _ in
            for path in [Self.externalPath, "/apis", "/openapi/v2", "/nowhere"] {
                let response = try await TestHTTPSClient.get(server.baseURL + path)
                #expect(response.contentType == "application/json")
                #expect(try statusMessage(response, code: 401, reason: "Unauthorized") == "Unauthorized")
            }
        }
    }

    @Test("an unknown bearer token: 401")
    func badToken() async throws {
        try await Self.withServer { server, _ in
            let response = try await TestHTTPSClient.get(server.baseURL + Self.externalPath,
                                                         headers: [("Authorization", "Bearer not-a-token")])
            _ = try statusMessage(response, code: 401, reason: "Unauthorized")
        }
    }

    @Test("a client certificate from a CA the server does not trust: 401, even with a trusted-looking CN")
    func rogueCertificate() async throws {
        try await Self.withServer { server, pki in
            let rogue = try pki.clientCertificate("rogue", commonName: "system:kube-controller-manager",
                                                  organizations: ["system:masters"], issuer: pki.rogueCA)
            let response = try await TestHTTPSClient.get(server.baseURL + Self.externalPath, certificate: rogue)
            _ = try statusMessage(response, code: 401, reason: "Unauthorized")
        }
    }

    @Test("an expired client certificate: 401")
    func expiredCertificate() async throws {
        try await Self.withServer { server, pki in
            let now = Date()
            let expired = try pki.clientCertificate(
                "expired", commonName: "system:kube-controller-manager", issuer: pki.clientCA,
                validity: DateInterval(start: now.addingTimeInterval(-7200), end: now.addingTimeInterval(-60)))
            let response = try await TestHTTPSClient.get(server.baseURL + Self.externalPath, certificate: expired)
            _ = try statusMessage(response, code: 401, reason: "Unauthorized")
        }
    }

    @Test("a front-proxy certificate whose CN is not allowed: 401, headers or not")
    func frontProxyNameNotAllowed() async throws {
        try await Self.withServer { server, pki in
            let proxy = try pki.clientCertificate("imposter", commonName: "not-the-aggregator", issuer: pki.frontProxyCA)
            let response = try await TestHTTPSClient.get(
                server.baseURL + Self.externalPath, certificate: proxy,
                headers: [("X-Remote-User", Self.hpaUser), ("X-Remote-Group", "system:masters")])
            _ = try statusMessage(response, code: 401, reason: "Unauthorized")
            // Not rescued by a valid token either: the front proxy's answer is final.
            let withToken = try await TestHTTPSClient.get(
                server.baseURL + Self.externalPath, certificate: proxy, headers: [("Authorization", "Bearer hpa-token")])
            _ = try statusMessage(withToken, code: 401, reason: "Unauthorized")
        }
    }

    @Test("request headers without a front-proxy certificate are ignored")
    func headersWithoutProxyCertificate() async throws {
        try await Self.withServer { server, pki in
            let forged = [("X-Remote-User", Self.hpaUser), ("X-Remote-Group", "system:masters")]
            // Alone: nobody.
            let alone = try await TestHTTPSClient.get(server.baseURL + Self.externalPath, headers: forged)
            _ = try statusMessage(alone, code: 401, reason: "Unauthorized")
            // With an ordinary client certificate: the certificate's user, not the header's.
            let alice = try pki.clientCertificate("alice", commonName: "alice", issuer: pki.clientCA)
            let asAlice = try await TestHTTPSClient.get(server.baseURL + Self.externalPath, certificate: alice, headers: forged)
            let message = try statusMessage(asAlice, code: 403, reason: "Forbidden")
            #expect(message.contains("User \"alice\" cannot list"))
            // With a token: the token's user.
            let withToken = try await TestHTTPSClient.get(
                server.baseURL + Self.externalPath, headers: forged + [("Authorization", "Bearer alice-token")])
            #expect(try statusMessage(withToken, code: 403, reason: "Forbidden").contains("User \"alice\""))
        }
    }

    @Test("an authenticated user outside the allow-list: 403 naming user, resource, group and namespace")
    func forbidden() async throws {
        try await Self.withServer { server, _ in
            let response = try await TestHTTPSClient.get(server.baseURL + Self.externalPath,
                                                         headers: [("Authorization", "Bearer alice-token")])
            let message = try statusMessage(response, code: 403, reason: "Forbidden")
            #expect(message == "agent360_request_rate.external.metrics.k8s.io is forbidden: User \"alice\" cannot list resource "
                + "\"agent360_request_rate\" in API group \"external.metrics.k8s.io\" in the namespace \"shop\"")
            let details = try #require(try response.object()["details"] as? [String: String])
            #expect(details == ["group": "external.metrics.k8s.io", "kind": "agent360_request_rate"])
        }
    }

    @Test("past authorization, the metrics API's own errors: unknown metric 404, bad selector 400, other methods 405")
    func metricsErrors() async throws {
        try await Self.withServer { server, _ in
            let token = [("Authorization", "Bearer hpa-token")]
            let unknown = try await TestHTTPSClient.get(
                server.baseURL + "/apis/external.metrics.k8s.io/v1beta1/namespaces/shop/agent360_latency", headers: token)
            #expect(try statusMessage(unknown, code: 404, reason: "NotFound")
                == "the server could not find the external metric agent360_latency")

            let badSelector = try await TestHTTPSClient.get(
                server.baseURL + Self.externalPath + "?labelSelector=workload%20in%20(a", headers: token)
            #expect(try statusMessage(badSelector, code: 400, reason: "BadRequest").hasPrefix("invalid labelSelector"))

            let noData = try await TestHTTPSClient.get(
                server.baseURL + Self.externalPath + "?labelSelector=workload%3Dghost", headers: token)
            _ = try statusMessage(noData, code: 404, reason: "NotFound")

            let unknownPath = try await TestHTTPSClient.get(server.baseURL + "/apis/metrics.k8s.io/v1beta1", headers: token)
            _ = try statusMessage(unknownPath, code: 404, reason: "NotFound")
        }
    }

    @Test("namespace scoping: the HPA in one namespace never sees another's series")
    func namespaceScoping() async throws {
        try await Self.withServer { server, _ in
            let response = try await TestHTTPSClient.get(
                server.baseURL + "/apis/external.metrics.k8s.io/v1beta1/namespaces/other/agent360_request_rate",
                headers: [("Authorization", "Bearer hpa-token")])
            #expect(response.status == 200)
            let items = try #require(try response.object()["items"] as? [[String: Any]])
            #expect(items.map { $0["value"] as? String } == ["1k"])
        }
    }

    @Test("discovery and OpenAPI: any authenticated user")
    func discoveryForAnyone() async throws {
        try await Self.withServer { server, _ in
            let token = [("Authorization", "Bearer alice-token")]
            let groups = try await TestHTTPSClient.get(server.baseURL + "/apis", headers: token)
            #expect(groups.status == 200)
            #expect(try groups.object()["kind"] as? String == "APIGroupList")
            let openAPI = try await TestHTTPSClient.get(server.baseURL + "/openapi/v2", headers: token)
            #expect(openAPI.status == 200)
            #expect(try openAPI.object()["swagger"] as? String == "2.0")
        }
    }
}
