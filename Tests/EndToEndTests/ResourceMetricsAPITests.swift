import Foundation
import KubeMetricsAPI
import Testing

/// `metrics.k8s.io/v1beta1` of `agent360 serve` in place of metrics-server:
/// real `kubectl top` and `kubectl get --raw`, with every value checked
/// against the same PromQL on a real Prometheus 2.42 holding the same
/// remote-written kubelet samples.
@Suite("Resource metrics API with kubectl top", .serialized)
struct ResourceMetricsAPITests {
    static let base = "/apis/metrics.k8s.io/v1beta1"
    static let cpuQuery = #"sum by (namespace, pod, container) (rate(container_cpu_usage_seconds_total{container!="",container!="POD"}[1m]))"#
    static let memoryQuery = #"sum by (namespace, pod, container) (container_memory_working_set_bytes{container!="",container!="POD"})"#

    struct Setup {
        let pki: OpenSSLPKI
        let agent: Agent360Process
        let prometheus: PrometheusServer
        let kubeconfig: String
    }

    static func withSetup(_ body: (Setup) async throws -> Void) async throws {
        let pki = try OpenSSLPKI()
        let tokens = pki.path("tokens.csv")
        try "admin-token,kubernetes-admin,uid-1,\"system:masters\"\n".write(toFile: tokens, atomically: true, encoding: .utf8)
        let config = """
        collectors: {enabled: false}
        rules: {groups: []}
        # stale-0's newest samples are ~33 s old: still two in the 1m rate
        # window, but older than maxAge.
        resourceMetrics:
          maxAge: 20s
        secureAPI:
          tokenAuthFile: \(tokens)
        """
        try await withAgent360(config: config) { agent in
            try await withPrometheus(config: "global: {scrape_interval: 1m}\n", extraArguments: ["--web.enable-remote-write-receiver"]) { prometheus in
                let end = Int64(Date.now.timeIntervalSince1970 * 1000) - 3000
                try await KubeletFleet.write(to: "\(agent.baseURL)/api/v1/write", end: end)
                try await KubeletFleet.write(to: "\(prometheus.baseURL)/api/v1/write", end: end)
                let kubeconfig = try pki.kubeconfig("admin", server: agent.secureURL, token: "admin-token")
                try await body(Setup(pki: pki, agent: agent, prometheus: prometheus, kubeconfig: kubeconfig))
            }
        }
    }

    /// PromQL results keyed by the listed labels' values joined with `/`.
    static func vector(_ baseURL: String, _ query: String, by keys: [String]) async throws -> [String: Double] {
        let data = try PrometheusAPI.data(from: await HTTP.get("\(baseURL)/api/v1/query?query=\(query.queryEncoded)"))
        var result: [String: Double] = [:]
        for (labels, value) in try PrometheusAPI.vector(data) {
            result[keys.map { labels[$0] ?? "" }.joined(separator: "/")] = value
        }
        return result
    }

    /// What the API must say for each fresh container: ResourceUsage of
    /// Prometheus's own numbers, keyed `namespace/pod/container`.
    static func expectedUsage(_ baseURL: String) async throws -> [String: ResourceUsage] {
        let keys = ["namespace", "pod", "container"]
        let cpu = try await vector(baseURL, cpuQuery, by: keys)
        let memory = try await vector(baseURL, memoryQuery, by: keys)
        var usage: [String: ResourceUsage] = [:]
        for (key, cores) in cpu where !key.contains("stale-0") {
            usage[key] = ResourceUsage(cpuCores: cores, memoryBytes: memory[key] ?? .nan)
        }
        return usage
    }

    static func kubectl(_ kubeconfig: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        try runCommand("/usr/bin/env", ["HOME=/tmp", "kubectl", "--kubeconfig", kubeconfig] + arguments)
    }

    /// `kubectl top` table rows as whitespace-separated columns, header dropped.
    static func rows(_ output: String) -> [[String]] {
        output.split(separator: "\n").dropFirst().map { $0.split(separator: " ").map(String.init) }
    }

    @Test("PodMetrics and kubectl top pod equal PromQL on agent360 and Prometheus")
    func podMetricsMatchPrometheus() async throws {
        try await Self.withSetup { setup in
            let fromPrometheus = try await Self.expectedUsage(setup.prometheus.baseURL)
            let fromAgent = try await Self.expectedUsage(setup.agent.baseURL)
            #expect(fromPrometheus.count == 4)
            #expect(fromPrometheus == fromAgent)
            #expect(fromPrometheus["shop/web-0/app"] == ResourceUsage(cpuCores: 0.25, memoryBytes: 104_857_600))
            #expect(fromPrometheus["shop/web-0/istio-proxy"]?.cpu.description == "12345679n")

            let raw = try kubectlRaw(setup.kubeconfig, "\(Self.base)/pods")
            #expect(raw.status == 0, "\(raw.output)")
            let list = try PodMetricsList.decode(raw.output)
            var served: [String: ResourceUsage] = [:]
            for pod in list.items {
                #expect(pod.window == "1m0s")
                for container in pod.containers {
                    served["\(pod.metadata.namespace ?? "")/\(pod.metadata.name)/\(container.name)"] = container.usage
                }
            }
            #expect(served == fromPrometheus, "API \(served) vs Prometheus \(fromPrometheus)")
            #expect(list.items.map(\.metadata.name) == ["coredns-0", "api-0", "web-0"], "stale-0 is left out")

            let top = try Self.kubectl(setup.kubeconfig, ["top", "pod", "-n", "shop", "--containers"])
            #expect(top.status == 0, "\(top.output)")
            let expectedRows = fromPrometheus.filter { $0.key.hasPrefix("shop/") }.map { key, usage in
                let parts = key.split(separator: "/")
                return [String(parts[1]), String(parts[2]), "\(usage.cpu.milliValue ?? -1)m",
                        "\(Int64(usage.memory.doubleValue) / 1_048_576)Mi"]
            }
            #expect(Self.rows(top.output).sorted { $0.joined() < $1.joined() } == expectedRows.sorted { $0.joined() < $1.joined() },
                    "\(top.output)")

            let all = try Self.kubectl(setup.kubeconfig, ["top", "pod", "-A"])
            #expect(all.status == 0, "\(all.output)")
            #expect(Self.rows(all.output) == [["kube-system", "coredns-0", "4m", "30Mi"], ["shop", "api-0", "1500m", "2048Mi"],
                                              ["shop", "web-0", "263m", "119Mi"]], "\(all.output)")

            let selected = try Self.kubectl(setup.kubeconfig, ["top", "pod", "-n", "shop", "-l", "app.kubernetes.io/name=web"])
            #expect(selected.status == 0, "\(selected.output)")
            #expect(Self.rows(selected.output).map { $0.first } == ["web-0"], "\(selected.output)")
        }
    }

    @Test("kubectl top node through a core-API stand-in equals PromQL on Prometheus")
    func nodeMetricsMatchPrometheus() async throws {
        try await Self.withSetup { setup in
            let cpu = try await Self.vector(setup.prometheus.baseURL, "sum by (node) (rate(node_cpu_usage_seconds_total[1m]))", by: ["node"])
            let memory = try await Self.vector(setup.prometheus.baseURL, "sum by (node) (node_memory_working_set_bytes)", by: ["node"])
            let raw = try kubectlRaw(setup.kubeconfig, "\(Self.base)/nodes")
            #expect(raw.status == 0, "\(raw.output)")
            let list = try NodeMetricsList.decode(raw.output)
            #expect(list.items.map(\.metadata.name) == ["node-a", "node-b"])
            for node in list.items {
                #expect(node.usage == ResourceUsage(cpuCores: cpu[node.metadata.name] ?? .nan, memoryBytes: memory[node.metadata.name] ?? .nan))
            }

            let standIn = try await CoreAPIStandIn.start(upstream: setup.agent.secureURL, pki: setup.pki, nodeList: KubeletFleet.nodeList)
            try await withProcess(standIn.process) { _ in
                let kubeconfig = try setup.pki.kubeconfig("standin", server: standIn.url, token: "admin-token")
                let top = try Self.kubectl(kubeconfig, ["top", "node"])
                #expect(top.status == 0, "\(top.output)")
                #expect(Self.rows(top.output) == [["node-a", "2500m", "62%", "4096Mi", "50%"], ["node-b", "750m", "37%", "1536Mi", "37%"]],
                        "\(top.output)")
                let one = try Self.kubectl(kubeconfig, ["top", "node", "node-b"])
                #expect(Self.rows(one.output).first?.prefix(2) == ["node-b", "750m"], "\(one.output)")
            }
        }
    }

    @Test("discovery, stale pods and bad requests answer like the other APIs")
    func discoveryAndErrors() async throws {
        try await Self.withSetup { setup in
            let discovery = try kubectlRaw(setup.kubeconfig, Self.base)
            let resources = try KubeJSON.decode(APIResourceList.self, from: Array(discovery.output.utf8)).resources
            #expect(resources.map(\.name) == ["nodes", "pods"])
            #expect(resources.map(\.kind) == ["NodeMetrics", "PodMetrics"])

            let cases: [(String, Int, String)] = [
                ("\(Self.base)/namespaces/shop/pods/stale-0", 503, "ServiceUnavailable"),
                ("\(Self.base)/namespaces/shop/pods/nope-0", 404, "NotFound"),
                ("\(Self.base)/pods?labelSelector=app%3D%3D%3D", 400, "BadRequest"),
                ("\(Self.base)/pods?fieldSelector=metadata.name%3Dweb-0", 400, "BadRequest"),
            ]
            for (path, code, reason) in cases {
                let output = try runCommand("/usr/bin/curl", ["-sk", "-w", "\n%{http_code}", "-H", "Authorization: Bearer admin-token",
                                                              "\(setup.agent.secureURL)\(path)"]).output
                let lines = output.split(separator: "\n")
                let status = try KubeJSON.decode(Status.self, from: Array(lines.dropLast().joined(separator: "\n").utf8))
                #expect(Int(lines.last ?? "") == code, "\(path): \(output)")
                #expect(status.reason.rawValue == reason, "\(path)")
            }
            let stale = try Self.kubectl(setup.kubeconfig, ["top", "pod", "-n", "shop", "stale-0"])
            #expect(stale.status != 0)
            #expect(stale.output.contains("refusing to serve stale data"), "\(stale.output)")
        }
    }
}

extension PodMetricsList {
    static func decode(_ text: String) throws -> PodMetricsList { try KubeJSON.decode(PodMetricsList.self, from: Array(text.utf8)) }
}

extension NodeMetricsList {
    static func decode(_ text: String) throws -> NodeMetricsList { try KubeJSON.decode(NodeMetricsList.self, from: Array(text.utf8)) }
}
