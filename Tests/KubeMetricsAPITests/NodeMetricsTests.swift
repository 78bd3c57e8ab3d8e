import Foundation
import TSDB
import Testing
@testable import KubeMetricsAPI

@Suite struct NodeMetricsTests {
    static let base = "/apis/metrics.k8s.io/v1beta1"

    @Test func nodeListHasMetricsServerShape() async throws {
        let (service, _) = try ResourceFixture.service()
        let (status, list) = await ResourceFixture.get(service, "\(Self.base)/nodes")
        #expect(status == 200)
        #expect(list["kind"] as? String == "NodeMetricsList")
        let items = ResourceFixture.items(list)
        #expect(items.map(ResourceFixture.name) == ["/node-a", "/node-b"])
        #expect(items.map { $0["usage"] as? [String: String] ?? [:] }
            == [["cpu": "3750m", "memory": "8Gi"], ["cpu": "500m", "memory": "1000000000"]])
        #expect(items.first?["window"] as? String == "1m0s")
        #expect(items.first?["timestamp"] as? String == "2024-05-01T11:59:50Z")
        #expect(items.first?["kind"] == nil)
    }

    @Test func namedNodeIsNodeMetrics() async throws {
        let (service, evaluator) = try ResourceFixture.service()
        let (status, node) = await ResourceFixture.get(service, "\(Self.base)/nodes/node-b")
        #expect(status == 200)
        #expect(node["kind"] as? String == "NodeMetrics")
        #expect(ResourceFixture.name(node) == "/node-b")
        #expect(evaluator.calls.first?.matchers == [#"node="node-b""#])
    }

    @Test func missingNodeIsNotFound() async throws {
        let (service, _) = try ResourceFixture.service()
        let (status, body) = await ResourceFixture.get(service, "\(Self.base)/nodes/node-z")
        #expect(status == 404)
        #expect(body["message"] as? String == #"nodemetrics.metrics.k8s.io "node-z" not found"#)
    }

    @Test func nodeLabelSelectorMatchesKubeNodeLabels() async throws {
        let (service, evaluator) = try ResourceFixture.service()
        let (status, list) = await ResourceFixture.get(
            service, "\(Self.base)/nodes?labelSelector=node-role.kubernetes.io%2Fworker")
        #expect(status == 200)
        #expect(ResourceFixture.items(list).map(ResourceFixture.name) == ["/node-a"])
        #expect(evaluator.calls.first?.matchers == [#"label_node_role_kubernetes_io_worker!="""#])
    }

    @Test func staleNodeIsLeftOutOfListsAnd503ByName() async throws {
        var series = ResourceFixture.series
        series["node_memory"] = [
            Fixture.point(8_589_934_592, ["node": "node-a"]),
            Fixture.point(1_000_000_000, ageSeconds: 300, ["node": "node-b"]),
        ]
        let (service, _) = try ResourceFixture.service(series)
        let (listStatus, list) = await ResourceFixture.get(service, "\(Self.base)/nodes")
        #expect(listStatus == 200)
        #expect(ResourceFixture.items(list).map(ResourceFixture.name) == ["/node-a"])
        let (status, _) = await ResourceFixture.get(service, "\(Self.base)/nodes/node-b")
        #expect(status == 503)
    }

    @Test func negativeOrNaNUsageIsRefused() async throws {
        var series = ResourceFixture.series
        series["node_cpu"] = [Fixture.point(.nan, ["node": "node-a"]), Fixture.point(-1, ["node": "node-b"])]
        let (service, _) = try ResourceFixture.service(series)
        let (status, body) = await ResourceFixture.get(service, "\(Self.base)/nodes/node-a")
        #expect(status == 503)
        #expect((body["message"] as? String)?.contains("not usable resource quantities") == true)
        let (listStatus, _) = await ResourceFixture.get(service, "\(Self.base)/nodes")
        #expect(listStatus == 503)
    }
}
