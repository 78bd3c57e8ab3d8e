import Foundation
import RemoteWrite
import TSDB

/// Series as a Prometheus scraping the kubelets' `/metrics/resource` (with
/// a `node` label from relabelling) and kube-state-metrics' `kube_pod_labels`
/// would remote-write them; sent alike to agent360 and to Prometheus 2.42.
///
/// CPU counters grow at constant rates, so `rate(...[1m])` is the same a
/// few seconds apart on either server.
enum KubeletFleet {
    /// (namespace, pod, container, CPU cores, memory bytes, seconds the last sample is older than `end`)
    static let containers: [(String, String, String, Double, Double, Int64)] = [
        ("shop", "web-0", "app", 0.25, 104_857_600, 0),
        ("shop", "web-0", "istio-proxy", 0.0123456789, 20_000_000, 0),
        ("shop", "api-0", "app", 1.5, 2_147_483_648, 0),
        ("shop", "stale-0", "app", 0.1, 1_048_576, 30),
        ("kube-system", "coredns-0", "coredns", 0.004, 31_457_280, 0),
    ]
    /// (node, CPU cores, memory bytes)
    static let nodes: [(String, Double, Double)] = [
        ("node-a", 2.5, 4_294_967_296),
        ("node-b", 0.75, 1_610_612_736),
    ]
    static let podLabels: [(String, String, [String: String])] = [
        ("shop", "web-0", ["label_app": "web", "label_app_kubernetes_io_name": "web"]),
        ("shop", "api-0", ["label_app": "api"]),
        ("kube-system", "coredns-0", ["label_k8s_app": "kube-dns"]),
    ]

    /// Five minutes of samples every 15 s ending at `end` (ms).
    static func request(end: Int64) -> RemoteWriteRequest {
        let start = end - 300_000
        func series(_ name: String, _ labels: [String: String], lagSeconds: Int64 = 0, _ value: (Int64) -> Double)
            -> RemoteWriteRequest.Series
        {
            var all = labels
            all["__name__"] = name
            all["job"] = "kubelet"
            let stamps = stride(from: start, through: end - lagSeconds * 1000, by: 15_000)
            return .init(Labels(all), samples: stamps.map { Sample(timestamp: $0, value: value($0)) })
        }
        var result: [RemoteWriteRequest.Series] = []
        for (namespace, pod, container, cores, bytes, lag) in containers {
            let labels = ["namespace": namespace, "pod": pod, "container": container, "node": "node-a"]
            result.append(series("container_cpu_usage_seconds_total", labels, lagSeconds: lag) { 1_000 + cores * Double($0 - start) / 1000 })
            result.append(series("container_memory_working_set_bytes", labels, lagSeconds: lag) { _ in bytes })
        }
        for (node, cores, bytes) in nodes {
            result.append(series("node_cpu_usage_seconds_total", ["node": node]) { 50_000 + cores * Double($0 - start) / 1000 })
            result.append(series("node_memory_working_set_bytes", ["node": node]) { _ in bytes })
        }
        for (namespace, pod, labels) in podLabels {
            result.append(series("kube_pod_labels", labels.merging(["namespace": namespace, "pod": pod]) { $1 }) { _ in 1 })
        }
        return RemoteWriteRequest(series: result)
    }

    static func write(to url: String, end: Int64) async throws {
        try await SyntheticFleet.post(request(end: end), to: url)
    }

    /// The core API's node list (`GET /api/v1/nodes`), which `kubectl top
    /// node` reads for allocatable capacity: agent360 serves no core API.
    static let nodeList = """
    {"kind":"NodeList","apiVersion":"v1","metadata":{"resourceVersion":"1"},"items":[
    {"metadata":{"name":"node-a","labels":{"kubernetes.io/hostname":"node-a"}},
     "status":{"allocatable":{"cpu":"4","memory":"8Gi","pods":"110"},"capacity":{"cpu":"4","memory":"8Gi","pods":"110"}}},
    {"metadata":{"name":"node-b","labels":{"kubernetes.io/hostname":"node-b"}},
     "status":{"allocatable":{"cpu":"2","memory":"4Gi","pods":"110"},"capacity":{"cpu":"2","memory":"4Gi","pods":"110"}}}]}
    """
}
