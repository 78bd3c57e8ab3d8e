import Foundation
import KubeMetricsAPI
import Testing

/// The Kubernetes metrics APIs of `agent360 serve`, called by real clients
/// (kubectl, the Python `kubernetes` client, curl as the front proxy), with
/// values checked against agent360's PromQL and a real Prometheus holding the
/// same remote-written samples.
@Suite("Kubernetes metrics APIs with real clients", .serialized)
struct KubernetesAPITests {
    static let externalMetrics = """
    externalMetrics:
      - name: agent360_request_rate
        query: sum(rate(agent360_http_requests_total[1m]))
        window: 1m
      - name: agent360_error_rate
        query: (sum(rate(agent360_http_requests_total{code=~"5.."}[1m])) or vector(0)) / sum(rate(agent360_http_requests_total[1m]))
      - name: agent360_latency_p95_seconds
        query: histogram_quantile(0.95, sum by (le) (rate(agent360_http_request_duration_seconds_bucket[1m])))
      - name: agent360_cpu_utilization
        query: avg(agent360_process_cpu_usage_ratio)
      - name: agent360_memory_utilization
        query: avg(agent360_process_memory_usage_ratio)
      - name: old_signal
        query: sum(old_signal)
        maxAge: 1m
    customMetrics:
      - name: agent360_pod_request_rate
        query: sum by (namespace, pod) (rate(agent360_http_requests_total[1m]))
        resources: {pod: pod, namespace: namespace}
        objectSelector: ignore
    """

    struct Setup {
        let pki: OpenSSLPKI
        let agent: Agent360Process
        let prometheus: PrometheusServer
        let hpaConfig: String
        let viewerConfig: String
        let adminConfig: String
        let strangerConfig: String
        let frontProxy: (String, String)
        let wrongProxy: (String, String)
    }

    static func withSetup(_ body: (Setup) async throws -> Void) async throws {
        let pki = try OpenSSLPKI()
        let clientCA = try pki.certificateAuthority("client-ca")
        let proxyCA = try pki.certificateAuthority("front-proxy-ca")
        _ = try pki.certificateAuthority("rogue-ca")
        let tokens = pki.path("tokens.csv")
        try """
        # token,user,uid,"groups"
        hpa-token,system:serviceaccount:kube-system:horizontal-pod-autoscaler,uid-1
        viewer-token,jane,uid-2,"developers,viewers"
        """.write(toFile: tokens, atomically: true, encoding: .utf8)
        let config = """
        collectors: {enabled: false}
        rules: {groups: []}
        \(externalMetrics)
        secureAPI:
          tokenAuthFile: \(tokens)
          clientCAFile: \(clientCA)
          requestHeader:
            clientCAFile: \(proxyCA)
            allowedNames: [front-proxy-client]
        """
        try await withAgent360(config: config) { agent in
            try await withPrometheus(config: "global: {scrape_interval: 1m}\n", extraArguments: ["--web.enable-remote-write-receiver"]) { prometheus in
                let end = Int64(Date.now.timeIntervalSince1970 * 1000) - 3000
                try await SyntheticFleet.write(to: "\(agent.baseURL)/api/v1/write", end: end)
                try await SyntheticFleet.write(to: "\(prometheus.baseURL)/api/v1/write", end: end)
                let admin = try pki.clientCertificate("admin", commonName: "kubernetes-admin", organizations: ["system:masters"], ca: "client-ca")
                let stranger = try pki.clientCertificate("stranger", commonName: "mallory", organizations: ["system:masters"], ca: "rogue-ca")
                let setup = Setup(
                    pki: pki, agent: agent, prometheus: prometheus,
                    hpaConfig: try pki.kubeconfig("hpa", server: agent.secureURL, token: "hpa-token"),
                    viewerConfig: try pki.kubeconfig("viewer", server: agent.secureURL, token: "viewer-token"),
                    adminConfig: try pki.kubeconfig("admin", server: agent.secureURL, certificate: admin),
                    strangerConfig: try pki.kubeconfig("stranger", server: agent.secureURL, certificate: stranger),
                    frontProxy: try pki.clientCertificate("front-proxy", commonName: "front-proxy-client", ca: "front-proxy-ca"),
                    wrongProxy: try pki.clientCertificate("wrong-proxy", commonName: "someone-else", ca: "front-proxy-ca"))
                try await body(setup)
            }
        }
    }

    static let external = "/apis/external.metrics.k8s.io/v1beta1"

    static func json(_ text: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]) ?? [:]
    }

    /// The canonical Quantity of a PromQL instant query's single value.
    static func promQLQuantity(_ baseURL: String, _ query: String) async throws -> String {
        let data = try PrometheusAPI.data(from: await HTTP.get("\(baseURL)/api/v1/query?query=\(query.queryEncoded)"))
        let vector = try PrometheusAPI.vector(data)
        #expect(vector.count == 1, "\(query): \(vector.count) series")
        return try Quantity(vector.first?.value ?? .nan).description
    }

    @Test("kubectl reads discovery and values that equal PromQL on agent360 and Prometheus")
    func externalValuesMatchPromQL() async throws {
        try await Self.withSetup { setup in
            let discovery = try kubectlRaw(setup.hpaConfig, Self.external)
            #expect(discovery.status == 0, "\(discovery.output)")
            let resources = (Self.json(discovery.output)["resources"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
            #expect(resources?.sorted() == ["agent360_cpu_utilization", "agent360_error_rate", "agent360_latency_p95_seconds",
                                            "agent360_memory_utilization", "agent360_request_rate", "old_signal"])
            let cases: [(metric: String, selector: String, promql: String, expected: String)] = [
                ("agent360_request_rate", "workload=checkout",
                 "sum(rate(agent360_http_requests_total{namespace=\"shop\",workload=\"checkout\"}[1m]))", "42"),
                ("agent360_request_rate", "workload in (cart)",
                 "sum(rate(agent360_http_requests_total{namespace=\"shop\",workload=~\"cart\"}[1m]))", "5"),
                ("agent360_error_rate", "workload=checkout",
                 "(sum(rate(agent360_http_requests_total{code=~\"5..\",namespace=\"shop\",workload=\"checkout\"}[1m])) or vector(0)) / sum(rate(agent360_http_requests_total{namespace=\"shop\",workload=\"checkout\"}[1m]))", "48m"),
                ("agent360_error_rate", "workload=cart",
                 "(sum(rate(agent360_http_requests_total{code=~\"5..\",namespace=\"shop\",workload=\"cart\"}[1m])) or vector(0)) / sum(rate(agent360_http_requests_total{namespace=\"shop\",workload=\"cart\"}[1m]))", "0"),
                ("agent360_latency_p95_seconds", "workload=checkout",
                 "histogram_quantile(0.95, sum by (le) (rate(agent360_http_request_duration_seconds_bucket{namespace=\"shop\",workload=\"checkout\"}[1m])))", "495m"),
                ("agent360_cpu_utilization", "workload=checkout",
                 "avg(agent360_process_cpu_usage_ratio{namespace=\"shop\",workload=\"checkout\"})", "700m"),
                ("agent360_memory_utilization", "workload=checkout,pod!=checkout-1",
                 "avg(agent360_process_memory_usage_ratio{namespace=\"shop\",workload=\"checkout\",pod!=\"checkout-1\"})", "500m"),
            ]
            for item in cases {
                let path = "\(Self.external)/namespaces/shop/\(item.metric)?labelSelector=\(item.selector.queryEncoded)"
                let result = try kubectlRaw(setup.hpaConfig, path)
                #expect(result.status == 0, "\(item.metric): \(result.output)")
                let list = Self.json(result.output)
                #expect(list["kind"] as? String == "ExternalMetricValueList")
                let items = list["items"] as? [[String: Any]] ?? []
                #expect(items.count == 1)
                let value = items.first?["value"] as? String
                #expect(items.first?["metricName"] as? String == item.metric)
                #expect(value == item.expected, "\(item.metric) {\(item.selector)}: \(value ?? "nil")")
                #expect(try await Self.promQLQuantity(setup.agent.baseURL, item.promql) == item.expected, "agent360 PromQL \(item.promql)")
                #expect(try await Self.promQLQuantity(setup.prometheus.baseURL, item.promql) == item.expected, "Prometheus \(item.promql)")
            }
        }
    }

    @Test("client certificates, the Python client and the front proxy authenticate")
    func otherCredentials() async throws {
        try await Self.withSetup { setup in
            let path = "\(Self.external)/namespaces/shop/agent360_request_rate?labelSelector=workload%3Dcheckout"
            let admin = try kubectlRaw(setup.adminConfig, path)
            #expect(admin.status == 0, "\(admin.output)")
            #expect(((Self.json(admin.output)["items"] as? [[String: Any]])?.first?["value"] as? String) == "42")

            let custom = try kubectlRaw(setup.adminConfig, "/apis/custom.metrics.k8s.io/v1beta2/namespaces/shop/pods/checkout-0/agent360_pod_request_rate")
            let customItems = Self.json(custom.output)["items"] as? [[String: Any]]
            #expect(customItems?.count == 1, "\(custom.output)")
            #expect((customItems?.first?["describedObject"] as? [String: Any])?["name"] as? String == "checkout-0")
            #expect(customItems?.first?["value"] as? String == "32")

            let script = """
            import sys, kubernetes
            kubernetes.config.load_kube_config(config_file=sys.argv[1])
            api = kubernetes.client.CustomObjectsApi()
            result = api.list_namespaced_custom_object("external.metrics.k8s.io", "v1beta1", "shop", "agent360_error_rate",
                                                       label_selector="workload=checkout")
            print(result["kind"], result["items"][0]["value"])
            try:
                api.list_namespaced_custom_object("external.metrics.k8s.io", "v1beta1", "shop", "no_such_metric")
            except kubernetes.client.exceptions.ApiException as error:
                print("status", error.status)
            """
            let python = try runCommand("/usr/bin/env", ["python3", "-c", script, setup.hpaConfig])
            #expect(python.output.contains("ExternalMetricValueList 48m"), "\(python.output)")
            #expect(python.output.contains("status 404"), "\(python.output)")

            func curl(_ extra: [String]) throws -> String {
                try runCommand("/usr/bin/curl", ["-sk", "-o", "/dev/null", "-w", "%{http_code}"] + extra + ["\(setup.agent.secureURL)\(path)"]).output
            }
            let (proxyCert, proxyKey) = setup.frontProxy
            #expect(try curl(["--cert", proxyCert, "--key", proxyKey, "-H", "X-Remote-User: system:serviceaccount:kube-system:horizontal-pod-autoscaler"]) == "200")
            #expect(try curl(["--cert", proxyCert, "--key", proxyKey, "-H", "X-Remote-User: bob", "-H", "X-Remote-Group: system:masters"]) == "200")
            #expect(try curl(["--cert", proxyCert, "--key", proxyKey, "-H", "X-Remote-User: bob"]) == "403")
            #expect(try curl(["-H", "X-Remote-User: system:serviceaccount:kube-system:horizontal-pod-autoscaler"]) == "401")
            let (wrongCert, wrongKey) = setup.wrongProxy
            #expect(try curl(["--cert", wrongCert, "--key", wrongKey, "-H", "X-Remote-User: system:serviceaccount:kube-system:horizontal-pod-autoscaler"]) == "401")
        }
    }

    @Test("errors are Kubernetes Status objects with the right codes")
    func negatives() async throws {
        try await Self.withSetup { setup in
            let base = "\(Self.external)/namespaces/shop"
            let cases: [(config: String?, path: String, code: Int, reason: String)] = [
                (nil, "\(base)/agent360_request_rate", 401, "Unauthorized"),
                (setup.strangerConfig, "\(base)/agent360_request_rate", 401, "Unauthorized"),
                (setup.viewerConfig, "\(base)/agent360_request_rate", 403, "Forbidden"),
                (setup.hpaConfig, "\(base)/no_such_metric", 404, "NotFound"),
                (setup.hpaConfig, "\(base)/agent360_request_rate?labelSelector=workload%3D%3D%3D", 400, "BadRequest"),
                (setup.hpaConfig, "\(base)/agent360_request_rate?labelSelector=workload%3Dnobody", 404, "NotFound"),
                (setup.hpaConfig, "\(base)/old_signal", 503, "ServiceUnavailable"),
            ]
            for item in cases {
                var arguments = ["-sk", "-w", "\n%{http_code}"]
                if let config = item.config, let token = try? String(contentsOfFile: config, encoding: .utf8)
                    .split(separator: "\n").first(where: { $0.contains("token:") })?.split(separator: ":").last {
                    arguments += ["-H", "Authorization: Bearer \(token.trimmingCharacters(in: .whitespaces))"]
                } else if item.config == setup.strangerConfig {
                    arguments += ["--cert", setup.pki.path("stranger.crt"), "--key", setup.pki.path("stranger.key")]
                }
                let output = try runCommand("/usr/bin/curl", arguments + ["\(setup.agent.secureURL)\(item.path)"]).output
                let lines = output.split(separator: "\n")
                let status = Self.json(String(lines.dropLast().joined(separator: "\n")))
                #expect(Int(lines.last ?? "") == item.code, "\(item.path): \(output)")
                #expect(status["kind"] as? String == "Status", "\(item.path)")
                #expect(status["reason"] as? String == item.reason, "\(item.path): \(status)")
                #expect(status["code"] as? Int == item.code)
            }
            // The plain listener never serves the Kubernetes APIs.
            let plain = try await HTTP.get("\(setup.agent.baseURL)\(Self.external)")
            #expect(plain.status == 404)
            // Health needs no credentials on the secure listener.
            let health = try runCommand("/usr/bin/curl", ["-sk", "\(setup.agent.secureURL)/readyz"])
            #expect(health.output == "ok")
        }
    }
}
