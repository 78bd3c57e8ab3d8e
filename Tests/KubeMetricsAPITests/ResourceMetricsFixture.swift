import Foundation
import TSDB
@testable import KubeMetricsAPI

/// Canned kubelet-style series for the `metrics.k8s.io` tests: the stand-in
/// evaluator applies the request's matchers to them.
enum ResourceFixture {
    static let queries = ResourceMetricsQueries(
        containerCPU: "container_cpu", containerMemory: "container_memory", nodeCPU: "node_cpu", nodeMemory: "node_memory",
        podLabelsQuery: "kube_pod_labels", nodeLabelsQuery: "kube_node_labels")

    static func container(_ value: Double, _ namespace: String, _ pod: String, _ container: String, ageSeconds: Int64 = 10) -> MetricPoint {
        Fixture.point(value, ageSeconds: ageSeconds, ["namespace": namespace, "pod": pod, "container": container])
    }

    static let series: [String: [MetricPoint]] = [
        "container_cpu": [
            container(0.25, "shop", "web-0", "app"),
            container(0.0123456789, "shop", "web-0", "sidecar", ageSeconds: 20),
            container(1.5, "shop", "api-0", "app"),
            container(0.1, "other", "web-0", "app"),
            container(0.2, "shop", "old-0", "app", ageSeconds: 600),
            container(0.3, "shop", "half-0", "app"),
        ],
        "container_memory": [
            container(104_857_600, "shop", "web-0", "app"),
            container(12_345, "shop", "web-0", "sidecar"),
            container(2_147_483_648, "shop", "api-0", "app"),
            container(1_048_576, "other", "web-0", "app"),
            container(1_048_576, "shop", "old-0", "app", ageSeconds: 600),
        ],
        "node_cpu": [
            Fixture.point(3.75, ["node": "node-a"]),
            Fixture.point(0.5, ["node": "node-b"]),
        ],
        "node_memory": [
            Fixture.point(8_589_934_592, ["node": "node-a"]),
            Fixture.point(1_000_000_000, ["node": "node-b"]),
        ],
        "kube_pod_labels": [
            Fixture.point(1, ["namespace": "shop", "pod": "web-0", "label_app": "web", "label_app_kubernetes_io_name": "web"]),
            Fixture.point(1, ["namespace": "shop", "pod": "api-0", "label_app": "api"]),
            Fixture.point(1, ["namespace": "other", "pod": "web-0", "label_app": "web"]),
        ],
        "kube_node_labels": [
            Fixture.point(1, ["node": "node-a", "label_node_role_kubernetes_io_worker": "true"]),
            Fixture.point(1, ["node": "node-b"]),
        ],
    ]

    static func service(_ series: [String: [MetricPoint]] = series, queries: ResourceMetricsQueries? = queries,
                        failure: (any Error)? = nil) throws -> (KubeMetricsService, StandInPromQLEvaluator) {
        let evaluator = StandInPromQLEvaluator(series, failure: failure)
        let configuration = try KubeMetricsConfiguration(resource: queries)
        return (KubeMetricsService(configuration: configuration, evaluator: evaluator), evaluator)
    }

    static func get(_ service: KubeMetricsService, _ path: String, method: String = "GET") async -> (Int, [String: Any]) {
        let response = await service.handle(method: method, path: path, query: "", at: Fixture.now)
        let object = (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any] ?? [:]
        return (response.status, object)
    }

    static func items(_ object: [String: Any]) -> [[String: Any]] {
        object["items"] as? [[String: Any]] ?? []
    }

    static func name(_ item: [String: Any]) -> String {
        let metadata = item["metadata"] as? [String: Any] ?? [:]
        return "\(metadata["namespace"] as? String ?? "")/\(metadata["name"] as? String ?? "")"
    }
}
