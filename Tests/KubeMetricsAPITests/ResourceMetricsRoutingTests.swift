import Foundation
import Testing
@testable import KubeMetricsAPI

@Suite struct ResourceMetricsRoutingTests {
    static let base = "/apis/metrics.k8s.io/v1beta1"

    @Test(arguments: [
        ("/apis/metrics.k8s.io/v1beta1/pods?fieldSelector=metadata.name%3Dx", 400, "BadRequest"),
        ("/apis/metrics.k8s.io/v1beta1/namespaces/Bad_NS/pods", 400, "BadRequest"),
        ("/apis/metrics.k8s.io/v1beta1/namespaces/shop/pods/Web_0", 400, "BadRequest"),
        ("/apis/metrics.k8s.io/v1beta1/pods?labelSelector=app%3D%3D%3D", 400, "BadRequest"),
        ("/apis/metrics.k8s.io/v1beta1/pods?labelSelector=replicas%3E2", 400, "BadRequest"),
        ("/apis/metrics.k8s.io/v1beta1/services", 404, "NotFound"),
        ("/apis/metrics.k8s.io/v1beta1/namespaces/shop/pods/web-0/extra", 404, "NotFound"),
        ("/apis/metrics.k8s.io/v1", 404, "NotFound"),
    ])
    func malformedRequestsGetStatus(path: String, code: Int, reason: String) async throws {
        let (service, _) = try ResourceFixture.service()
        let (status, body) = await ResourceFixture.get(service, path)
        #expect(status == code, "\(path)")
        #expect(body["kind"] as? String == "Status")
        #expect(body["reason"] as? String == reason, "\(path): \(body)")
    }

    @Test func nonGetIsMethodNotAllowed() async throws {
        let (service, _) = try ResourceFixture.service()
        let (status, _) = await ResourceFixture.get(service, "\(Self.base)/pods", method: "DELETE")
        #expect(status == 405)
    }

    @Test func discoveryListsTheGroupAsMetricsServerDoes() async throws {
        let (service, _) = try ResourceFixture.service()
        let (_, groups) = await ResourceFixture.get(service, "/apis")
        let names = (groups["groups"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        #expect(names == ["external.metrics.k8s.io", "custom.metrics.k8s.io", "metrics.k8s.io"])
        let (_, group) = await ResourceFixture.get(service, "/apis/metrics.k8s.io")
        #expect(group["kind"] as? String == "APIGroup")
        #expect((group["preferredVersion"] as? [String: String]) == ["groupVersion": "metrics.k8s.io/v1beta1", "version": "v1beta1"])
        let response = await service.handle(method: "GET", path: "/apis/metrics.k8s.io/v1beta1", query: "", at: Fixture.now)
        #expect(response.bodyText == #"{"apiVersion":"v1","groupVersion":"metrics.k8s.io/v1beta1","kind":"APIResourceList","resources":["#
            + #"{"kind":"NodeMetrics","name":"nodes","namespaced":false,"singularName":"","verbs":["get","list"]},"#
            + #"{"kind":"PodMetrics","name":"pods","namespaced":true,"singularName":"","verbs":["get","list"]}]}"#
        )
    }

    @Test func unconfiguredGroupIsNotServed() async throws {
        let (service, _) = try ResourceFixture.service(queries: nil)
        let (_, groups) = await ResourceFixture.get(service, "/apis")
        let names = (groups["groups"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        #expect(names == ["external.metrics.k8s.io", "custom.metrics.k8s.io"])
        for path in ["/apis/metrics.k8s.io", "/apis/metrics.k8s.io/v1beta1", "\(Self.base)/pods", "/openapi/v3/apis/metrics.k8s.io/v1beta1"] {
            let (status, _) = await ResourceFixture.get(service, path)
            #expect(status == 404, "\(path)")
        }
    }

    @Test func openAPIDescribesTheResourcePaths() async throws {
        let (service, _) = try ResourceFixture.service()
        let (status, document) = await ResourceFixture.get(service, "/openapi/v3/apis/metrics.k8s.io/v1beta1")
        #expect(status == 200)
        let paths = (document["paths"] as? [String: Any])?.keys.sorted() ?? []
        #expect(paths == ["/apis/metrics.k8s.io/v1beta1/", "/apis/metrics.k8s.io/v1beta1/namespaces/{namespace}/pods",
                          "/apis/metrics.k8s.io/v1beta1/namespaces/{namespace}/pods/{name}", "/apis/metrics.k8s.io/v1beta1/nodes",
                          "/apis/metrics.k8s.io/v1beta1/nodes/{name}", "/apis/metrics.k8s.io/v1beta1/pods"])
    }

    @Test(arguments: [(0, "0s"), (500, "500ms"), (15_000, "15s"), (10_500, "10.5s"), (60_000, "1m0s"), (90_250, "1m30.25s"),
                      (3_600_000, "1h0m0s"), (3_723_000, "1h2m3s")])
    func windowsAreGoDurations(milliseconds: Int64, text: String) {
        #expect(GoDuration.string(milliseconds: milliseconds) == text)
    }

    @Test func invalidConfigurationIsRejected() {
        var queries = ResourceMetricsQueries()
        queries.podLabel = "pod-name"
        #expect(throws: KubeMetricsConfigurationError.self) { try KubeMetricsConfiguration(resource: queries) }
        queries = ResourceMetricsQueries(windowMilliseconds: 0)
        #expect(throws: KubeMetricsConfigurationError.self) { try KubeMetricsConfiguration(resource: queries) }
    }
}
