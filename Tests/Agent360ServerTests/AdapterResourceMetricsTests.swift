import Foundation
import KubeMetricsAPI
import PromQL
import TSDB
import Testing
@testable import Agent360Server

/// An adapter file's `resourceRules` serving `metrics.k8s.io` on the real
/// engine: the Helm chart's cAdvisor rules give the values their own PromQL
/// gives, scoped to the requested namespace, pod or node.
@Suite("Adapter resourceRules behind the resource metrics API")
struct AdapterResourceMetricsTests {
    private let now: Int64 = 1_714_564_800_000

    private func queries() throws -> ResourceMetricsQueries {
        let config = try AdapterConfigFile.load(path: AdapterConfigFileTests.fixture("helm-default-rules.yaml"))
        let rules = try #require(try AdapterRuleSet(config).resourceRules)
        var base = ResourceMetricsQueries()
        base.maxAgeSeconds = 60
        return try ResourceMetricsQueries(adapter: rules, base: base)
    }

    /// cAdvisor-shaped series: per container (with `id` of its cgroup) and
    /// the root cgroup `id="/"` per node; the same pod name in two namespaces.
    private func store() -> MemoryStore {
        let store = MemoryStore(options: StoreOptions(retention: 3_600_000))
        let stamps = (0 ..< 20).map { now - 5_000 - Int64(19 - $0) * 15_000 }
        func add(_ labels: [String: String], cores: Double, bytes: Double) {
            _ = store.append(Labels(labels.merging(["__name__": "container_cpu_usage_seconds_total"]) { $1 }),
                             stamps.map { Sample(timestamp: $0, value: 50 + cores * Double($0 - stamps[0]) / 1000) }, now: now)
            _ = store.append(Labels(labels.merging(["__name__": "container_memory_working_set_bytes"]) { $1 }),
                             stamps.map { Sample(timestamp: $0, value: bytes) }, now: now)
        }
        for (namespace, scale) in [("shop", 1.0), ("other", 3.0)] {
            for (container, cores) in [("app", 0.25), ("sidecar", 0.05)] {
                add(["namespace": namespace, "pod": "web-0", "container": container, "node": "n1",
                     "id": "/kubepods/\(namespace)/web-0/\(container)"], cores: cores * scale, bytes: 64e6 * scale)
            }
        }
        add(["node": "n1", "id": "/"], cores: 1.5, bytes: 2e9)
        add(["node": "n2", "id": "/"], cores: 0.5, bytes: 1e9)
        return store
    }

    private func value(_ query: String, _ service: QueryService) async throws -> [String: Double] {
        guard case .vector(let samples) = try await service.instant(query, at: now).value else { return [:] }
        return Dictionary(uniqueKeysWithValues: samples.map { ($0.labels["container"] ?? $0.labels["node"] ?? "", $0.value) })
    }

    @Test("the Helm rules' queries are rendered with the placeholder, grouped for all-namespace lists, window 3m")
    func rendered() throws {
        let queries = try queries()
        #expect(queries.windowMilliseconds == 180_000)
        #expect([queries.namespaceLabel, queries.podLabel, queries.containerLabel, queries.nodeLabel] == ["namespace", "pod", "container", "node"])
        #expect(queries.containerCPU.contains(AdapterRule.placeholderMatcher))
        #expect(queries.containerCPU.hasSuffix("by (namespace,pod,container)"))
        #expect(queries.nodeMemory.hasSuffix("by (node)"))
        #expect(queries.podLabelsQuery == "kube_pod_labels" && queries.maxAgeSeconds == 60)
    }

    @Test("pods and nodes carry what the adapter's own queries give, in the requested scope only")
    func values() async throws {
        let queries = try queries()
        let store = store()
        let queryService = QueryService(config: QueryConfig(), store: store)
        let service = KubeMetricsService(
            configuration: try KubeMetricsConfiguration(resource: queries),
            evaluator: PromQLMetricEvaluator(queries: queryService, executor: .kubernetesMetrics(), lookbackDelta: 300_000,
                                             configuredQueries: queries.allQueries))
        let pod = await service.handle(method: "GET", path: "/apis/metrics.k8s.io/v1beta1/namespaces/shop/pods/web-0", query: "", at: now)
        #expect(pod.status == 200, "\(pod.bodyText)")
        let metrics = try KubeJSON.decode(PodMetrics.self, from: Array(pod.bodyText.utf8))
        #expect(metrics.window == "3m0s")
        // What prometheus-adapter runs for this request (.LabelMatchers pasted in).
        let cpu = try await value(#"sum(rate(container_cpu_usage_seconds_total{namespace="shop",pod="web-0", container!=""}[3m])) by (pod,container)"#, queryService)
        let memory = try await value(#"sum(container_memory_working_set_bytes{namespace="shop",pod="web-0", container!=""}) by (pod,container)"#, queryService)
        #expect(cpu.count == 2 && memory.count == 2)
        for container in metrics.containers {
            let cores = try #require(cpu[container.name])
            let bytes = try #require(memory[container.name])
            #expect(container.usage == ResourceUsage(cpuCores: cores, memoryBytes: bytes), "\(container.name)")
        }
        #expect(metrics.containers.map(\.name).sorted() == ["app", "sidecar"])

        let node = await service.handle(method: "GET", path: "/apis/metrics.k8s.io/v1beta1/nodes/n1", query: "", at: now)
        #expect(node.status == 200, "\(node.bodyText)")
        let nodeMetrics = try KubeJSON.decode(NodeMetrics.self, from: Array(node.bodyText.utf8))
        let nodeCPU = try await value(#"sum(rate(container_cpu_usage_seconds_total{node="n1", id='/'}[3m])) by (node)"#, queryService)
        let nodeMemory = try await value(#"sum(container_memory_working_set_bytes{node="n1",id='/'}) by (node)"#, queryService)
        let nodeCores = try #require(nodeCPU["n1"])
        let nodeBytes = try #require(nodeMemory["n1"])
        #expect(nodeMetrics.usage == ResourceUsage(cpuCores: nodeCores, memoryBytes: nodeBytes))
        // The root cgroup only: 1.5 cores, not the containers' sum added to it.
        #expect(abs((nodeCPU["n1"] ?? 0) - 1.5) < 0.01)
    }
}
