import Foundation
import Testing

@testable import KubeAPIServer

/// Delegated authentication and authorization against a stub API server
/// over HTTPS (no Kubernetes cluster can run here; the stub speaks the
/// same TokenReview / SubjectAccessReview / ConfigMap JSON).
@Suite("Delegation to the Kubernetes API server")
struct DelegationTests {
    static let externalPath = RealClientTests.externalPath

    static func waitUntilReady(_ server: RunningServer) async throws {
        for _ in 0..<100 {
            if try await TestHTTPSClient.get(server.baseURL + "/readyz").status == 200 { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw TestFailure("/readyz never became 200")
    }

    @Test("in-cluster detection needs the variables and the service account files")
    func detection() throws {
        let pki = try TestPKI()
        defer { pki.remove() }
        let environment = ["KUBERNETES_SERVICE_HOST": "10.96.0.1", "KUBERNETES_SERVICE_PORT": "443"]
        #expect(InClusterEnvironment.detect(environment: environment, serviceAccountDirectory: pki.directory.path) == nil)
        try pki.write("token", "token")
        try pki.write("ca", "ca.crt")
        #expect(InClusterEnvironment.detect(environment: environment, serviceAccountDirectory: pki.directory.path)
            == InClusterEnvironment(host: "10.96.0.1", port: 443, tokenFile: pki.path("token"), caFile: pki.path("ca.crt")))
        #expect(InClusterEnvironment.detect(environment: [:], serviceAccountDirectory: pki.directory.path) == nil)
        #expect(InClusterEnvironment(host: "fd00::1", port: 443, tokenFile: "", caFile: "").baseURL == "https://[fd00::1]:443")
    }

    @Test("TokenReview and SubjectAccessReview decide; the cluster ConfigMap supplies the front-proxy CA")
    func delegated() async throws {
        let pki = try TestPKI()
        defer { pki.remove() }
        let stub = StubKubernetesAPIServer(
            tokens: ["alice-token": UserInfo(name: "alice", uid: "u-1", groups: ["developers"], extra: ["scopes": ["metrics"]])],
            allow: { user, attributes in
                user == "alice" && attributes?.resource == "agent360_request_rate" && attributes?.verb == "list"
                    && attributes?.namespace == "shop" && attributes?.group == "external.metrics.k8s.io"
            },
            configMapData: [
                "client-ca-file": try pki.clientCA.certificatePEM,
                "requestheader-client-ca-file": try pki.frontProxyCA.certificatePEM,
                "requestheader-allowed-names": "[\"front-proxy-client\"]",
                "requestheader-username-headers": "[\"X-Remote-User\"]",
                "requestheader-group-headers": "[\"X-Remote-Group\"]",
                "requestheader-extra-headers-prefix": "[\"X-Remote-Extra-\"]",
            ])
        // No local CAs and an empty allow-list: every decision is the cluster's.
        let config = SecureAPIConfig(delegated: true, authorization: AuthorizationConfig(allowedUsers: [], allowedGroups: []))
        try await stub.run(pki: pki) { cluster in
            try await withSecureServer(config, inCluster: cluster) { server in
                try await Self.waitUntilReady(server)
                #expect(stub.count("/extension-apiserver-authentication") >= 1)

                let alice = [("Authorization", "Bearer alice-token")]
                let allowed = try await TestHTTPSClient.get(server.baseURL + Self.externalPath, headers: alice)
                #expect(allowed.status == 200, "\(allowed.text)")
                let again = try await TestHTTPSClient.get(server.baseURL + Self.externalPath, headers: alice)
                #expect(again.status == 200)
                // Both answers were cached: one review each for two requests.
                #expect(stub.count("/tokenreviews") == 1)
                #expect(stub.count("/subjectaccessreviews") == 1)
                // The reviews were made with the service account token and carried the user.
                let review = try #require(stub.recorded.first { $0.path.hasSuffix("/subjectaccessreviews") })
                #expect(review.authorization == "Bearer service-account-token")
                #expect(review.body.contains("\"user\":\"alice\""))
                #expect(review.body.contains("system:authenticated"))

                let denied = try await TestHTTPSClient.get(
                    server.baseURL + "/apis/external.metrics.k8s.io/v1beta1/namespaces/shop/agent360_error_rate", headers: alice)
                let message = try statusMessage(denied, code: 403, reason: "Forbidden")
                #expect(message.hasSuffix("in the namespace \"shop\": RBAC: not allowed by the stub"))

                let stranger = try await TestHTTPSClient.get(server.baseURL + Self.externalPath,
                                                             headers: [("Authorization", "Bearer who-knows")])
                _ = try statusMessage(stranger, code: 401, reason: "Unauthorized")

                // The aggregator, recognised through the CA from the ConfigMap.
                let proxy = try pki.clientCertificate("proxy", commonName: "front-proxy-client", issuer: pki.frontProxyCA)
                let viaProxy = try await TestHTTPSClient.get(
                    server.baseURL + Self.externalPath, certificate: proxy, headers: [("X-Remote-User", "alice")])
                #expect(viaProxy.status == 200, "\(viaProxy.text)")
                let wrongName = try pki.clientCertificate("other", commonName: "other-proxy", issuer: pki.frontProxyCA)
                let rejected = try await TestHTTPSClient.get(
                    server.baseURL + Self.externalPath, certificate: wrongName, headers: [("X-Remote-User", "alice")])
                _ = try statusMessage(rejected, code: 401, reason: "Unauthorized")

                // A user certificate from the ConfigMap's client CA.
                let bob = try pki.clientCertificate("bob", commonName: "bob", issuer: pki.clientCA)
                let asBob = try await TestHTTPSClient.get(server.baseURL + Self.externalPath, certificate: bob)
                #expect(try statusMessage(asBob, code: 403, reason: "Forbidden").contains("User \"bob\""))
            }
        }
    }

    @Test("delegation configured outside a cluster: local credentials and the allow-list still work")
    func delegatedWithoutCluster() async throws {
        let pki = try TestPKI()
        defer { pki.remove() }
        var config = try RealClientTests.config(pki, tokens: RealClientTests.tokens)
        config.delegated = true
        try await withSecureServer(config, inCluster: nil) { server in
            #expect(try await TestHTTPSClient.get(server.baseURL + "/readyz").status == 200)
            let response = try await TestHTTPSClient.get(server.baseURL + Self.externalPath,
                                                         headers: [("Authorization", "Bearer hpa-token")])
            #expect(response.status == 200)
        }
    }
}
