import Foundation
import TSDB
import Testing
@testable import KubeMetricsAPI

@Suite struct PodMetricsTests {
    static let base = "/apis/metrics.k8s.io/v1beta1"

    @Test func namespaceListHasMetricsServerShapeAndQuantities() async throws {
        let (service, evaluator) = try ResourceFixture.service()
        let (status, list) = await ResourceFixture.get(service, "\(Self.base)/namespaces/shop/pods")
        #expect(status == 200)
        #expect(list["kind"] as? String == "PodMetricsList")
        #expect(list["apiVersion"] as? String == "metrics.k8s.io/v1beta1")
        let items = ResourceFixture.items(list)
        // old-0 is stale, half-0 has no memory series: both left out.
        #expect(items.map(ResourceFixture.name) == ["shop/api-0", "shop/web-0"])
        let web = items[1]
        #expect(web["kind"] == nil)
        #expect(web["window"] as? String == "1m0s")
        // The older of the containers' newest samples (sidecar: 20 s).
        #expect(web["timestamp"] as? String == "2024-05-01T11:59:40Z")
        #expect((web["metadata"] as? [String: Any])?["creationTimestamp"] as? String == "2024-05-01T12:00:00Z")
        let containers = web["containers"] as? [[String: Any]] ?? []
        #expect(containers.map { $0["name"] as? String } == ["app", "sidecar"])
        let usages = containers.map { $0["usage"] as? [String: String] ?? [:] }
        #expect(usages == [["cpu": "250m", "memory": "100Mi"], ["cpu": "12345679n", "memory": "12345"]])
        #expect(evaluator.calls.map(\.matchers) == [[#"namespace="shop""#], [#"namespace="shop""#]])
    }

    @Test func allNamespacesListsEveryFreshPod() async throws {
        let (service, evaluator) = try ResourceFixture.service()
        let (status, list) = await ResourceFixture.get(service, "\(Self.base)/pods")
        #expect(status == 200)
        #expect(ResourceFixture.items(list).map(ResourceFixture.name) == ["other/web-0", "shop/api-0", "shop/web-0"])
        #expect(evaluator.calls.map(\.matchers) == [[], []])
    }

    @Test func namedPodIsPodMetricsWithTypeMeta() async throws {
        let (service, evaluator) = try ResourceFixture.service()
        let (status, pod) = await ResourceFixture.get(service, "\(Self.base)/namespaces/shop/pods/api-0")
        #expect(status == 200)
        #expect(pod["kind"] as? String == "PodMetrics")
        #expect(pod["apiVersion"] as? String == "metrics.k8s.io/v1beta1")
        #expect(ResourceFixture.name(pod) == "shop/api-0")
        let usage = (pod["containers"] as? [[String: Any]])?.first?["usage"] as? [String: String]
        #expect(usage == ["cpu": "1500m", "memory": "2Gi"])
        #expect(evaluator.calls.first?.matchers == [#"namespace="shop""#, #"pod="api-0""#])
    }

    @Test func missingPodIsNotFoundLikeMetricsServer() async throws {
        let (service, _) = try ResourceFixture.service()
        let (status, body) = await ResourceFixture.get(service, "\(Self.base)/namespaces/shop/pods/nope-0")
        #expect(status == 404)
        #expect(body["kind"] as? String == "Status")
        #expect(body["message"] as? String == #"podmetrics.metrics.k8s.io "nope-0" not found"#)
        #expect((body["details"] as? [String: String]) == ["name": "nope-0", "group": "metrics.k8s.io", "kind": "pods"])
    }

    @Test func incompletePodIsNotFoundWithTheReason() async throws {
        let (service, _) = try ResourceFixture.service()
        let (status, body) = await ResourceFixture.get(service, "\(Self.base)/namespaces/shop/pods/half-0")
        #expect(status == 404)
        #expect((body["message"] as? String)?.hasSuffix("container app has CPU but no memory usage series") == true)
    }

    @Test func stalePodByNameIs503() async throws {
        let (service, _) = try ResourceFixture.service()
        let (status, body) = await ResourceFixture.get(service, "\(Self.base)/namespaces/shop/pods/old-0")
        #expect(status == 503)
        #expect(body["reason"] as? String == "ServiceUnavailable")
        #expect((body["message"] as? String)?.contains("600.0s old, older than the allowed 120s") == true)
    }

    @Test func listOfOnlyStalePodsIs503() async throws {
        let stale = ResourceFixture.series.mapValues { points in
            points.map { MetricPoint(labels: $0.labels, value: $0.value, newestSampleTimestamp: Fixture.now - 900_000) }
        }
        let (service, _) = try ResourceFixture.service(stale)
        let (status, body) = await ResourceFixture.get(service, "\(Self.base)/namespaces/shop/pods")
        #expect(status == 503)
        #expect((body["message"] as? String)?.hasPrefix("no pod has fresh metrics") == true)
    }

    @Test func emptyNamespaceIsAnEmptyList() async throws {
        let (service, _) = try ResourceFixture.service()
        let (status, list) = await ResourceFixture.get(service, "\(Self.base)/namespaces/empty/pods")
        #expect(status == 200)
        #expect(ResourceFixture.items(list).isEmpty)
    }

    @Test func labelSelectorMatchesKubePodLabels() async throws {
        let (service, evaluator) = try ResourceFixture.service()
        let (status, list) = await ResourceFixture.get(service, "\(Self.base)/namespaces/shop/pods?labelSelector=app%3Dweb")
        #expect(status == 200)
        #expect(ResourceFixture.items(list).map(ResourceFixture.name) == ["shop/web-0"])
        #expect(evaluator.calls.first == .init(query: "kube_pod_labels", matchers: [#"namespace="shop""#, #"label_app="web""#],
                                                time: Fixture.now))
    }

    @Test func labelSelectorKeysAreSanitizedLikeKubeStateMetrics() async throws {
        let (service, evaluator) = try ResourceFixture.service()
        let (status, list) = await ResourceFixture.get(
            service, "\(Self.base)/pods?labelSelector=app.kubernetes.io%2Fname+in+%28web%29")
        #expect(status == 200)
        #expect(ResourceFixture.items(list).map(ResourceFixture.name) == ["shop/web-0"])
        #expect(evaluator.calls.first?.matchers == [#"label_app_kubernetes_io_name=~"web""#])
    }

    @Test func labelSelectorWithoutLabelSeriesIsRefused() async throws {
        var queries = ResourceFixture.queries
        queries.podLabelsQuery = nil
        let (service, _) = try ResourceFixture.service(queries: queries)
        let (status, body) = await ResourceFixture.get(service, "\(Self.base)/pods?labelSelector=app%3Dweb")
        #expect(status == 400)
        #expect((body["message"] as? String)?.contains("resourceMetrics.podLabels") == true)
    }

    @Test func seriesWithoutObjectLabelsIsAnInternalError() async throws {
        var series = ResourceFixture.series
        series["container_cpu"] = [Fixture.point(1, ["namespace": "shop", "pod": "web-0"])]
        let (service, _) = try ResourceFixture.service(series)
        let (status, body) = await ResourceFixture.get(service, "\(Self.base)/pods")
        #expect(status == 500)
        #expect((body["message"] as? String)?.contains("lacks the labels namespace, pod, container") == true)
    }

    @Test func engineFailureIsAnInternalError() async throws {
        let (service, _) = try ResourceFixture.service(failure: EngineFailure())
        let (status, body) = await ResourceFixture.get(service, "\(Self.base)/pods")
        #expect(status == 500)
        #expect((body["message"] as? String)?.contains("containerCPU query failed") == true)
    }
}
