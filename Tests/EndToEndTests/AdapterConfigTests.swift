import Foundation
import KubeMetricsAPI
import RemoteWrite
import TSDB
import Testing

/// `agent360 serve --adapter-config` with prometheus-adapter's walkthrough
/// rule, read by kubectl: discovery lists the names the adapter would, and
/// each value equals the rule's metricsQuery evaluated by Prometheus 2.42
/// over the same remote-written samples.
@Suite("prometheus-adapter configuration with real clients", .serialized)
struct AdapterConfigTests {
    /// prometheus-adapter docs/walkthrough.md's rule, as the adapter reads it.
    static let walkthrough = """
    rules:
    - seriesQuery: 'http_requests_total{namespace!="",pod!=""}'
      resources:
        overrides:
          namespace: {resource: "namespace"}
          pod: {resource: "pod"}
      name:
        matches: "^(.*)_total"
        as: "${1}_per_second"
      metricsQuery: 'sum(rate(<<.Series>>{<<.LabelMatchers>>}[2m])) by (<<.GroupBy>>)'
    """

    /// (namespace, pod, requests per second) of the sample app's counters.
    static let pods: [(String, String, Double)] = [("shop", "web-1", 1.5), ("shop", "web-2", 4), ("other", "web-1", 10)]

    static func samples(end: Int64) -> RemoteWriteRequest {
        let times = stride(from: end - 300_000, through: end, by: 15_000).map { $0 }
        return RemoteWriteRequest(series: pods.map { namespace, pod, rate in
            let labels = Labels(["__name__": "http_requests_total", "namespace": namespace, "pod": pod, "job": "sample-app"])
            return .init(labels, samples: times.map { Sample(timestamp: $0, value: 100 + rate * Double($0 - times[0]) / 1000) })
        })
    }

    static func write(_ url: String, end: Int64) async throws {
        let result = try await HTTP.request(url, method: .POST, headers: RemoteWriteEncoder.headers.map { ($0.name, $0.value) },
                                            body: RemoteWriteEncoder.encode(samples(end: end)))
        guard result.status == 204 else { throw TestFailure("remote write to \(url): \(result.status) \(result.text)") }
    }

    /// Prometheus's value per `label` for `query`, as Kubernetes quantities.
    static func prometheus(_ baseURL: String, _ query: String, by label: String) async throws -> [String: String] {
        let data = try PrometheusAPI.data(from: await HTTP.get("\(baseURL)/api/v1/query?query=\(query.queryEncoded)"))
        var values: [String: String] = [:]
        for item in try PrometheusAPI.vector(data) { values[item.labels[label] ?? "-"] = try Quantity(item.value).description }
        return values
    }

    static func json(_ text: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]) ?? [:]
    }

    /// agent360 reading `adapterFile`, with a bearer token for the HPA's
    /// service account, beside a Prometheus that takes remote write; `body`
    /// gets both and a kubeconfig for that token.
    static func withServers(
        _ pki: OpenSSLPKI, adapterFile: String,
        _ body: (Agent360Process, PrometheusServer, String) async throws -> Void
    ) async throws {
        let tokens = pki.path("tokens.csv")
        try "hpa-token,system:serviceaccount:kube-system:horizontal-pod-autoscaler,uid-1\n".write(toFile: tokens, atomically: true, encoding: .utf8)
        let config = """
        collectors: {enabled: false}
        rules: {groups: []}
        externalMetrics: []
        secureAPI:
          tokenAuthFile: \(tokens)
        """
        try await withAgent360(config: config, extraArguments: ["--adapter-config", adapterFile]) { agent in
            try await withPrometheus(config: "global: {scrape_interval: 1m}\n", extraArguments: ["--web.enable-remote-write-receiver"]) { prometheus in
                try await body(agent, prometheus, try pki.kubeconfig("hpa", server: agent.secureURL, token: "hpa-token"))
            }
        }
    }

    @Test("walkthrough rule: kubectl sees the adapter's names and Prometheus's values")
    func walkthroughMatchesPrometheus() async throws {
        let pki = try OpenSSLPKI()
        let adapterFile = pki.path("adapter-config.yaml")
        try Self.walkthrough.write(toFile: adapterFile, atomically: true, encoding: .utf8)
        try await Self.withServers(pki, adapterFile: adapterFile) { agent, prometheus, kubeconfig in
                let end = Int64(Date.now.timeIntervalSince1970 * 1000) - 3000
                try await Self.write("\(agent.baseURL)/api/v1/write", end: end)
                try await Self.write("\(prometheus.baseURL)/api/v1/write", end: end)

                let discovery = try kubectlRaw(kubeconfig, "/apis/custom.metrics.k8s.io/v1beta1")
                #expect(discovery.status == 0, "\(discovery.output)")
                let resources = Self.json(discovery.output)["resources"] as? [[String: Any]] ?? []
                #expect(resources.compactMap { $0["name"] as? String } == ["namespaces/http_requests_per_second", "pods/http_requests_per_second"])
                #expect(resources.map { $0["namespaced"] as? Bool } == [false, true])

                // The adapter's query for pods web-1 and web-2 in shop.
                let expectedPods = try await Self.prometheus(
                    prometheus.baseURL, #"sum(rate(http_requests_total{namespace="shop",pod=~"web-1|web-2"}[2m])) by (pod)"#, by: "pod")
                #expect(expectedPods == ["web-1": "1500m", "web-2": "4"])
                let list = try kubectlRaw(kubeconfig, "/apis/custom.metrics.k8s.io/v1beta1/namespaces/shop/pods/*/http_requests_per_second")
                #expect(list.status == 0, "\(list.output)")
                var values: [String: String] = [:]
                for item in Self.json(list.output)["items"] as? [[String: Any]] ?? [] {
                    let name = (item["describedObject"] as? [String: Any])?["name"] as? String ?? "-"
                    values[name] = item["value"] as? String
                }
                #expect(values == expectedPods)

                let one = try kubectlRaw(kubeconfig, "/apis/custom.metrics.k8s.io/v1beta2/namespaces/shop/pods/web-2/http_requests_per_second")
                let oneItems = Self.json(one.output)["items"] as? [[String: Any]] ?? []
                #expect(oneItems.count == 1 && oneItems.first?["value"] as? String == expectedPods["web-2"], "\(one.output)")

                // The namespaces resource: grouped by the namespace label.
                let expectedNamespace = try await Self.prometheus(
                    prometheus.baseURL, #"sum(rate(http_requests_total{namespace="shop"}[2m])) by (namespace)"#, by: "namespace")
                let namespace = try kubectlRaw(kubeconfig, "/apis/custom.metrics.k8s.io/v1beta1/namespaces/shop/metrics/http_requests_per_second")
                let namespaceItems = Self.json(namespace.output)["items"] as? [[String: Any]] ?? []
                #expect(namespaceItems.first?["value"] as? String == expectedNamespace["shop"], "\(namespace.output)")
                #expect(expectedNamespace["shop"] == "5500m")

                let missing = try kubectlRaw(kubeconfig, "/apis/custom.metrics.k8s.io/v1beta1/namespaces/shop/pods/*/http_requests_total")
                #expect(missing.status != 0, "the series name itself is not a metric: \(missing.output)")
        }
    }

    /// cAdvisor-like CPU counters (cores per pod) and a queue gauge, for the
    /// Helm chart's default rules and an external rule.
    static func helmSamples(end: Int64) -> RemoteWriteRequest {
        let times = stride(from: end - 600_000, through: end, by: 15_000).map { $0 }
        var series: [RemoteWriteRequest.Series] = []
        for (namespace, pod, cores) in [("shop", "web-1", 0.25), ("shop", "web-2", 0.5), ("other", "web-1", 2.0)] {
            let labels = Labels(["__name__": "container_cpu_usage_seconds_total", "namespace": namespace, "pod": pod, "container": "app"])
            series.append(.init(labels, samples: times.map { Sample(timestamp: $0, value: cores * Double($0 - times[0]) / 1000) }))
        }
        for (namespace, queue, depth) in [("shop", "orders", 12.0), ("shop", "mails", 3.0), ("other", "orders", 99.0)] {
            let labels = Labels(["__name__": "queue_messages_ready", "namespace": namespace, "queue": queue])
            series.append(.init(labels, samples: times.map { Sample(timestamp: $0, value: depth) }))
        }
        return RemoteWriteRequest(series: series)
    }

    @Test("Helm chart default rules and an external rule: names and values equal the adapter's queries on Prometheus")
    func helmDefaultsMatchPrometheus() async throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Agent360ServerTests/Fixtures/Adapter/helm-default-rules.yaml").path
        try await Self.withServers(try OpenSSLPKI(), adapterFile: fixture) { agent, prometheus, kubeconfig in
                let end = Int64(Date.now.timeIntervalSince1970 * 1000) - 3000
                for url in ["\(agent.baseURL)/api/v1/write", "\(prometheus.baseURL)/api/v1/write"] {
                    let result = try await HTTP.request(url, method: .POST, headers: RemoteWriteEncoder.headers.map { ($0.name, $0.value) },
                                                        body: RemoteWriteEncoder.encode(Self.helmSamples(end: end)))
                    #expect(result.status == 204, "\(url): \(result.text)")
                }

                let custom = try kubectlRaw(kubeconfig, "/apis/custom.metrics.k8s.io/v1beta1")
                let customNames = (Self.json(custom.output)["resources"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
                // Rule 0 (seconds_total → rate) names cpu_usage; rule 4's
                // <<.Resource>> template maps queue_messages_ready's namespace label.
                #expect(customNames == ["namespaces/cpu_usage", "namespaces/queue_messages_ready", "pods/cpu_usage"], "\(custom.output)")
                let external = try kubectlRaw(kubeconfig, "/apis/external.metrics.k8s.io/v1beta1")
                let externalNames = (Self.json(external.output)["resources"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
                #expect(externalNames == ["queue_ready"], "\(external.output)")

                let expectedCPU = try await Self.prometheus(
                    prometheus.baseURL, #"sum(rate(container_cpu_usage_seconds_total{namespace="shop",pod=~"web-1|web-2",container!="POD"}[5m])) by (pod)"#,
                    by: "pod")
                #expect(expectedCPU == ["web-1": "250m", "web-2": "500m"])
                let cpu = try kubectlRaw(kubeconfig, "/apis/custom.metrics.k8s.io/v1beta1/namespaces/shop/pods/*/cpu_usage")
                var values: [String: String] = [:]
                for item in Self.json(cpu.output)["items"] as? [[String: Any]] ?? [] {
                    values[(item["describedObject"] as? [String: Any])?["name"] as? String ?? "-"] = item["value"] as? String
                }
                #expect(values == expectedCPU, "\(cpu.output)")

                let expectedQueues = try await Self.prometheus(
                    prometheus.baseURL, #"sum(queue_messages_ready{namespace="shop"}) by (queue)"#, by: "queue")
                #expect(expectedQueues == ["orders": "12", "mails": "3"])
                let queues = try kubectlRaw(kubeconfig, "/apis/external.metrics.k8s.io/v1beta1/namespaces/shop/queue_ready")
                var queueValues: [String: String] = [:]
                for item in Self.json(queues.output)["items"] as? [[String: Any]] ?? [] {
                    queueValues[(item["metricLabels"] as? [String: String])?["queue"] ?? "-"] = item["value"] as? String
                }
                #expect(queueValues == expectedQueues, "\(queues.output)")
        }
    }

    @Test("a bad rule stops serve with the file, line, rule and field")
    func badRuleFailsStart() async throws {
        let directory = try Paths.temporaryDirectory("adapter-bad")
        let file = directory.appendingPathComponent("adapter.yaml").path
        try Self.walkthrough.replacingOccurrences(of: "^(.*)_total", with: "^(.*_total").write(toFile: file, atomically: true, encoding: .utf8)
        // Under timeout(1), so a rule wrongly accepted fails the test instead of hanging it in a running server.
        let result = try runCommand("/usr/bin/timeout", [
            "20", Paths.agent360, "serve", "--adapter-config", file, "--listen", "127.0.0.1:\(try freePort())",
            "--secure-listen", "127.0.0.1:\(try freePort())", "--storage.path", "",
        ])
        #expect(result.status == 2)
        #expect(result.output.contains("\(file):8:"), "\(result.output)")
        #expect(result.output.contains("rules[0].name.matches: invalid regular expression"), "\(result.output)")
    }
}
