import Foundation
import KubeMetricsAPI
import PromQL
import TSDB
import Testing
@testable import Agent360Server

/// The default `resourceMetrics` queries on agent360's own PromQL engine and
/// store: values, per-container freshness and label selection without any
/// stand-in.
@Suite("Resource metrics on the PromQL engine")
struct ResourceMetricsEngineTests {
    private let now: Int64 = 1_714_564_800_000

    /// web-0 reports every 15 s up to 5 s ago; slow-0's last samples are 40 s
    /// old (two still inside the 1 m rate window).
    private func service(maxAgeSeconds: Int64 = 30) throws -> KubeMetricsService {
        let store = MemoryStore(options: StoreOptions(retention: 3_600_000))
        for (pod, cores, bytes, last) in [("web-0", 0.25, 104_857_600.0, now - 5_000), ("slow-0", 0.5, 1_048_576.0, now - 40_000)] {
            let base = ["namespace": "shop", "pod": pod, "container": "app"]
            let stamps = (0 ..< 20).map { last - Int64(19 - $0) * 15_000 }
            _ = store.append(Labels(base.merging(["__name__": "container_cpu_usage_seconds_total"]) { $1 }),
                             stamps.map { Sample(timestamp: $0, value: 100 + cores * Double($0 - stamps[0]) / 1000) }, now: now)
            _ = store.append(Labels(base.merging(["__name__": "container_memory_working_set_bytes"]) { $1 }),
                             stamps.map { Sample(timestamp: $0, value: bytes) }, now: now)
            _ = store.append(Labels(["__name__": "kube_pod_labels", "namespace": "shop", "pod": pod, "label_app": pod]),
                             stamps.map { Sample(timestamp: $0, value: 1) }, now: now)
        }
        var queries = ResourceMetricsQueries()
        queries.maxAgeSeconds = maxAgeSeconds
        let configuration = try KubeMetricsConfiguration(resource: queries)
        let evaluator = PromQLMetricEvaluator(queries: QueryService(config: QueryConfig(), store: store), executor: .kubernetesMetrics(),
                                              lookbackDelta: 300_000,
                                              configuredQueries: queries.allQueries)
        return KubeMetricsService(configuration: configuration, evaluator: evaluator)
    }

    private func get(_ service: KubeMetricsService, _ path: String) async -> (Int, String) {
        let response = await service.handle(method: "GET", path: "/apis/metrics.k8s.io/v1beta1" + path, query: "", at: now)
        return (response.status, response.bodyText)
    }

    @Test("a stale pod is left out of the list and refused by name; the fresh one is served exactly")
    func perPodFreshness() async throws {
        let service = try service()
        let (status, body) = await get(service, "/namespaces/shop/pods")
        #expect(status == 200)
        let list = try KubeJSON.decode(PodMetricsList.self, from: Array(body.utf8))
        #expect(list.items.map(\.metadata.name) == ["web-0"])
        #expect(list.items.first?.containers.first?.usage == ResourceUsage(cpuCores: 0.25, memoryBytes: 104_857_600))
        #expect(list.items.first?.timestamp == KubeTimestamp(millisecondsSinceEpoch: now - 5_000))
        let (slowStatus, slowBody) = await get(service, "/namespaces/shop/pods/slow-0")
        #expect(slowStatus == 503, "\(slowBody)")
        // With a longer max age the same pod is served.
        let (relaxed, _) = await get(try self.service(maxAgeSeconds: 60), "/namespaces/shop/pods/slow-0")
        #expect(relaxed == 200)
    }

    @Test("labelSelector goes through kube_pod_labels on the engine")
    func selectorOnTheEngine() async throws {
        let (status, body) = await get(try service(maxAgeSeconds: 60), "/pods?labelSelector=app%20in%20(slow-0)")
        #expect(status == 200)
        let list = try KubeJSON.decode(PodMetricsList.self, from: Array(body.utf8))
        #expect(list.items.map(\.metadata.name) == ["slow-0"])
        // PromQL's rate, not the pod's true 0.5 cores: only 15 s of samples
        // (now-55 s, now-40 s) lie in the window, extrapolated 5 s back to its
        // start and half an interval (7.5 s) forward: 0.5 × 27.5 / 60.
        #expect(list.items.first?.containers.first?.usage.cpu.description == "229166667n")
    }
}
