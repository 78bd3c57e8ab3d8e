import Foundation
import KubeMetricsAPI
import Testing

@testable import KubeAPIServer

/// The server against the clients that will really call it: kubectl
/// (client-go), the Python `kubernetes` client, and curl playing
/// kube-aggregator's front proxy. TLS is verified against the generated CA.
@Suite("Real clients", .serialized)
struct RealClientTests {
    static let hpaUser = "system:serviceaccount:kube-system:horizontal-pod-autoscaler"
    static let externalPath = "/apis/external.metrics.k8s.io/v1beta1/namespaces/shop/agent360_request_rate"

    static func config(_ pki: TestPKI, tokens: String? = nil) throws -> SecureAPIConfig {
        var config = SecureAPIConfig(
            clientCAFile: pki.clientCAFile,
            requestHeader: RequestHeaderConfig(clientCAFile: pki.frontProxyCAFile, allowedNames: ["front-proxy-client"]))
        if let tokens { config.tokenAuthFile = try pki.write(tokens, "tokens.csv") }
        return config
    }

    static let tokens = """
        hpa-token,\(hpaUser),hpa-uid,"system:serviceaccounts,system:serviceaccounts:kube-system"
        alice-token,alice,alice-uid,developers
        """

    static func kubectl(_ kubeconfig: String, _ arguments: [String]) async throws -> ExternalCommand.Result {
        let kubectl = try #require(ExternalCommand.find("kubectl"), "kubectl is not installed")
        let home = try TemporaryDirectory.make("kubectl-home")
        defer { try? FileManager.default.removeItem(at: home) }
        return try await ExternalCommand(
            executable: kubectl, arguments: ["--kubeconfig", kubeconfig] + arguments,
            environment: ["HOME": home.path, "KUBECONFIG": kubeconfig]
        ).run()
    }

    static func json(_ text: String) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw TestFailure("not a JSON object: \(text)")
        }
        return object
    }

    @Test("kubectl get --raw with a bearer token from the token file")
    func kubectlWithToken() async throws {
        let pki = try TestPKI()
        defer { pki.remove() }
        try await withSecureServer(try Self.config(pki, tokens: Self.tokens)) { server in
            let kubeconfig = try Kubeconfig(server: server, credential: .token("hpa-token")).write(in: pki, name: "hpa")
            let result = try await Self.kubectl(kubeconfig, ["get", "--raw", Self.externalPath + "?labelSelector=workload%3Dcheckout"])
            #expect(result.status == 0, "\(result.stderr)")
            let list = try Self.json(result.stdout)
            #expect(list["kind"] as? String == "ExternalMetricValueList")
            #expect(list["apiVersion"] as? String == "external.metrics.k8s.io/v1beta1")
            let items = try #require(list["items"] as? [[String: Any]])
            #expect(items.count == 1)
            #expect(items.first?["metricName"] as? String == "agent360_request_rate")
            #expect(items.first?["metricLabels"] as? [String: String] == ["namespace": "shop", "workload": "checkout"])
            #expect(items.first?["value"] as? String == "42500m")  // 42.5 in canonical milli form

            // Discovery works for any authenticated user (kubectl's own view of the group).
            let alice = try Kubeconfig(server: server, credential: .token("alice-token")).write(in: pki, name: "alice")
            let discovery = try await Self.kubectl(alice, ["get", "--raw", "/apis/external.metrics.k8s.io/v1beta1"])
            #expect(discovery.status == 0, "\(discovery.stderr)")
            #expect(try Self.json(discovery.stdout)["kind"] as? String == "APIResourceList")

            // A user outside the allow-list: kubectl shows kube-apiserver's Forbidden wording.
            let denied = try await Self.kubectl(alice, ["get", "--raw", Self.externalPath])
            #expect(denied.status != 0)
            #expect(denied.stderr.contains("Error from server (Forbidden)"), "\(denied.stderr)")
            #expect(denied.stderr.contains("User \"alice\" cannot list resource \"agent360_request_rate\" in API group "
                + "\"external.metrics.k8s.io\" in the namespace \"shop\""), "\(denied.stderr)")

            // An unknown token: Unauthorized.
            let stranger = try Kubeconfig(server: server, credential: .token("nope")).write(in: pki, name: "stranger")
            let unauthorized = try await Self.kubectl(stranger, ["get", "--raw", Self.externalPath])
            #expect(unauthorized.status != 0)
            #expect(unauthorized.stderr.contains("Unauthorized"), "\(unauthorized.stderr)")
        }
    }

    @Test("kubectl get --raw with a client certificate (user = CN, groups = O)")
    func kubectlWithClientCertificate() async throws {
        let pki = try TestPKI()
        defer { pki.remove() }
        try await withSecureServer(try Self.config(pki)) { server in
            // O=system:masters makes this an admin, as in an admin kubeconfig.
            let admin = try pki.clientCertificate("admin", commonName: "kubernetes-admin", organizations: ["system:masters"],
                                                  issuer: pki.clientCA)
            let kubeconfig = try Kubeconfig(server: server, credential: .certificate(admin)).write(in: pki, name: "admin")
            let result = try await Self.kubectl(kubeconfig, [
                "get", "--raw", "/apis/custom.metrics.k8s.io/v1beta2/namespaces/shop/pods/*/agent360_pod_request_rate",
            ])
            #expect(result.status == 0, "\(result.stderr)")
            let list = try Self.json(result.stdout)
            #expect(list["kind"] as? String == "MetricValueList")
            #expect(list["apiVersion"] as? String == "custom.metrics.k8s.io/v1beta2")
            let items = try #require(list["items"] as? [[String: Any]])
            let objects = items.compactMap { ($0["describedObject"] as? [String: Any])?["name"] as? String }
            #expect(objects == ["checkout-1", "checkout-2"])
            #expect(items.compactMap { $0["value"] as? String } == ["20", "22500m"])

            // The same CN without the group is just a user, and is refused.
            let plain = try pki.clientCertificate("plain", commonName: "kubernetes-admin", issuer: pki.clientCA)
            let plainConfig = try Kubeconfig(server: server, credential: .certificate(plain)).write(in: pki, name: "plain")
            let denied = try await Self.kubectl(plainConfig, ["get", "--raw", Self.externalPath])
            #expect(denied.status != 0)
            #expect(denied.stderr.contains("User \"kubernetes-admin\" cannot list"), "\(denied.stderr)")
        }
    }

    static let pythonScript = """
        import json, sys
        from kubernetes import client, config
        from kubernetes.client.rest import ApiException

        api = config.new_client_from_config(config_file=sys.argv[1])
        objects = client.CustomObjectsApi(api)
        try:
            result = objects.list_namespaced_custom_object(
                "external.metrics.k8s.io", "v1beta1", "shop", sys.argv[2], label_selector=sys.argv[3])
            print(json.dumps({"status": 200, "body": result}))
        except ApiException as error:
            print(json.dumps({"status": error.status, "body": json.loads(error.body)}))
        """

    @Test("the Python kubernetes client reads external metrics and sees Status errors")
    func pythonClient() async throws {
        let pki = try TestPKI()
        defer { pki.remove() }
        let python = try #require(ExternalCommand.find("python3"), "python3 is not installed")
        let script = try pki.write(Self.pythonScript, "client.py")
        try await withSecureServer(try Self.config(pki, tokens: Self.tokens)) { server in
            let kubeconfig = try Kubeconfig(server: server, credential: .token("hpa-token")).write(in: pki, name: "hpa")
            func run(_ metric: String, _ selector: String) async throws -> (status: Int, body: [String: Any]) {
                let result = try await ExternalCommand(executable: python, arguments: [script, kubeconfig, metric, selector]).run()
                guard result.status == 0 else { throw TestFailure("python failed: \(result.stderr)") }
                let line = try Self.json(result.stdout)
                return (line["status"] as? Int ?? 0, line["body"] as? [String: Any] ?? [:])
            }

            let ok = try await run("agent360_error_rate", "workload=checkout")
            #expect(ok.status == 200)
            let items = try #require(ok.body["items"] as? [[String: Any]])
            #expect(items.first?["value"] as? String == "25m")  // 0.025

            let missing = try await run("agent360_latency", "")
            #expect(missing.status == 404)
            #expect(missing.body["kind"] as? String == "Status")
            #expect(missing.body["reason"] as? String == "NotFound")

            let bad = try await run("agent360_request_rate", "workload in (a")
            #expect(bad.status == 400)
            #expect(bad.body["reason"] as? String == "BadRequest")
        }
    }

    static func curl(_ arguments: [String]) async throws -> (status: Int, body: String) {
        let curl = try #require(ExternalCommand.find("curl"), "curl is not installed")
        let result = try await ExternalCommand(executable: curl, arguments: ["-sS", "-w", "\n%{http_code}"] + arguments).run()
        guard result.status == 0, let newline = result.stdout.lastIndex(of: "\n") else {
            throw TestFailure("curl failed (\(result.status)): \(result.stderr)")
        }
        return (Int(result.stdout[result.stdout.index(after: newline)...]) ?? 0, String(result.stdout[..<newline]))
    }

    @Test("curl as kube-aggregator: front-proxy certificate plus X-Remote-User / X-Remote-Group")
    func curlFrontProxy() async throws {
        let pki = try TestPKI()
        defer { pki.remove() }
        let proxy = try pki.clientCertificate("front-proxy-client", commonName: "front-proxy-client", issuer: pki.frontProxyCA)
        try await withSecureServer(try Self.config(pki)) { server in
            let ca = try pki.write(server.identity.generatedAuthorityPEM ?? "", "serving-ca.crt")
            let url = server.baseURL + Self.externalPath + "?labelSelector=workload%3Dcart"
            let asProxy = ["--cacert", ca, "--cert", proxy.certificateFile, "--key", proxy.keyFile]

            let hpa = try await Self.curl(asProxy + [
                "-H", "X-Remote-User: \(Self.hpaUser)",
                "-H", "X-Remote-Group: system:serviceaccounts", "-H", "X-Remote-Group: system:authenticated", url,
            ])
            #expect(hpa.status == 200, "\(hpa.body)")
            let items = try #require(try Self.json(hpa.body)["items"] as? [[String: Any]])
            #expect(items.map { $0["value"] as? String } == ["7"])

            // The headers decide the user: someone the allow-list does not know is refused by name.
            let bob = try await Self.curl(asProxy + ["-H", "X-Remote-User: bob", url])
            #expect(bob.status == 403)
            let bobStatus = try Self.json(bob.body)
            #expect(bobStatus["reason"] as? String == "Forbidden")
            #expect((bobStatus["message"] as? String)?.contains("User \"bob\" cannot list") == true)

            // Group membership from the headers counts.
            let admin = try await Self.curl(asProxy + ["-H", "X-Remote-User: carol", "-H", "X-Remote-Group: system:masters", url])
            #expect(admin.status == 200)

            // The same headers without the certificate are ignored: 401.
            let forged = try await Self.curl(["--cacert", ca, "-H", "X-Remote-User: \(Self.hpaUser)",
                                              "-H", "X-Remote-Group: system:masters", url])
            #expect(forged.status == 401)
            #expect(try Self.json(forged.body)["reason"] as? String == "Unauthorized")
        }
    }
}
