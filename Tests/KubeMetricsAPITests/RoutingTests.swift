import Testing
@testable import KubeMetricsAPI

@Suite struct RoutingTests {
    private func route(_ path: String, _ query: String = "", method: String = "GET") throws(KubeAPIError) -> KubeAPIRequest {
        try KubeAPIRequest.parse(method: method, path: path, query: query)
    }

    private func selector(_ text: String) throws -> LabelSelector { try LabelSelector(parsing: text) }

    @Test func fixedDocuments() throws {
        #expect(try route("/healthz") == .health)
        #expect(try route("/livez") == .health)
        #expect(try route("/readyz") == .health)
        #expect(try route("/apis") == .discoveryRoot)
        #expect(try route("/apis/") == .discoveryRoot)
        #expect(try route("/apis/external.metrics.k8s.io") == .discoveryGroup("external.metrics.k8s.io"))
        #expect(try route("/apis/custom.metrics.k8s.io") == .discoveryGroup("custom.metrics.k8s.io"))
        #expect(try route("/apis/external.metrics.k8s.io/v1beta1") == .discoveryVersion(.externalV1Beta1))
        #expect(try route("/apis/custom.metrics.k8s.io/v1beta1") == .discoveryVersion(.customV1Beta1))
        #expect(try route("/apis/custom.metrics.k8s.io/v1beta2/") == .discoveryVersion(.customV1Beta2))
        #expect(try route("/openapi/v2") == .openAPIV2)
        #expect(try route("/openapi/v3") == .openAPIV3Index)
        #expect(try route("/openapi/v3/apis/custom.metrics.k8s.io/v1beta2", "hash=ABC") == .openAPIV3(.customV1Beta2))
    }

    @Test func externalMetric() throws {
        #expect(try route("/apis/external.metrics.k8s.io/v1beta1/namespaces/shop/agent360_request_rate")
            == .externalMetric(ExternalMetricRequest(namespace: "shop", metricName: "agent360_request_rate")))
        #expect(try route("/apis/external.metrics.k8s.io/v1beta1/namespaces/shop/agent360_request_rate",
                          "labelSelector=app%3Dweb%2Cenv+in+%28a%2Cb%29")
            == .externalMetric(ExternalMetricRequest(namespace: "shop", metricName: "agent360_request_rate",
                                                     labelSelector: try selector("app=web,env in (a,b)"))))
    }

    @Test func customMetricObjects() throws {
        #expect(try route("/apis/custom.metrics.k8s.io/v1beta2/namespaces/shop/pods/web-1/agent360_request_rate")
            == .customMetric(CustomMetricRequest(version: .v1beta2, namespace: "shop", resource: "pods", object: .named("web-1"),
                                                 metricName: "agent360_request_rate")))
        #expect(try route("/apis/custom.metrics.k8s.io/v1beta1/namespaces/shop/pods/*/agent360_request_rate",
                          "labelSelector=app%3Dweb&metricLabelSelector=verb+notin+%28HEAD%29")
            == .customMetric(CustomMetricRequest(version: .v1beta1, namespace: "shop", resource: "pods", object: .all,
                                                 metricName: "agent360_request_rate", labelSelector: try selector("app=web"),
                                                 metricLabelSelector: try selector("verb notin (HEAD)"))))
        // '*' percent-encoded, group-qualified resource
        #expect(try route("/apis/custom.metrics.k8s.io/v1beta2/namespaces/shop/deployments.apps/%2A/agent360_request_rate")
            == .customMetric(CustomMetricRequest(version: .v1beta2, namespace: "shop", resource: "deployments.apps", object: .all,
                                                 metricName: "agent360_request_rate")))
        #expect(try route("/apis/custom.metrics.k8s.io/v1beta2/nodes/node-1.example/node_load")
            == .customMetric(CustomMetricRequest(version: .v1beta2, namespace: nil, resource: "nodes", object: .named("node-1.example"),
                                                 metricName: "node_load")))
        #expect(try route("/apis/custom.metrics.k8s.io/v1beta2/namespaces/shop/metrics/agent360_request_rate", "metricLabelSelector=verb%3DGET")
            == .namespaceMetric(NamespaceMetricRequest(version: .v1beta2, namespace: "shop", metricName: "agent360_request_rate",
                                                       metricLabelSelector: try selector("verb=GET"))))
    }

    @Test func queryDecodingDetails() throws {
        // '?' left on the path, first of repeated keys wins, unknown keys ignored, '+' is a space.
        #expect(try route("/apis/external.metrics.k8s.io/v1beta1/namespaces/shop/m?labelSelector=a%3D1&labelSelector=b%3D2&watch=1")
            == .externalMetric(ExternalMetricRequest(namespace: "shop", metricName: "m", labelSelector: try selector("a=1"))))
        #expect(try route("/apis/external.metrics.k8s.io/v1beta1/namespaces/shop/m", "labelSelector=a+in+(x,y)")
            == .externalMetric(ExternalMetricRequest(namespace: "shop", metricName: "m", labelSelector: try selector("a in (x,y)"))))
        #expect(try route("/apis/external.metrics.k8s.io/v1beta1/namespaces/shop/m", "labelSelector=")
            == .externalMetric(ExternalMetricRequest(namespace: "shop", metricName: "m")))
    }

    @Test(arguments: [
        "/", "", "apis", "/api", "/api/v1", "/apis/metrics.k8s.io/v1", "/apis/metrics.k8s.io/v1beta1/services",
        "/apis/external.metrics.k8s.io/v1beta2", "/apis/custom.metrics.k8s.io/v1",
        "/apis/external.metrics.k8s.io/v1beta1/m",                          // external metrics are namespaced
        "/apis/external.metrics.k8s.io/v1beta1/namespaces/shop",
        "/apis/external.metrics.k8s.io/v1beta1/namespaces/shop/m/extra",
        "/apis/custom.metrics.k8s.io/v1beta2/namespaces/shop/m",
        "/apis/custom.metrics.k8s.io/v1beta2/namespaces/shop/pods/web-1",
        "/apis/custom.metrics.k8s.io/v1beta2/pods/web-1",
        "/apis//external.metrics.k8s.io",
        "/openapi", "/openapi/v4", "/openapi/v3/apis/apps/v1", "/healthz/extra", "/metrics",
    ])
    func unknownPathsAreNotFound(path: String) {
        #expect(throws: KubeAPIError.unknownPath) { try route(path) }
    }

    @Test(arguments: ["POST", "PUT", "DELETE", "PATCH", "get"])
    func otherMethodsAreNotAllowed(method: String) {
        let error = KubeAPIError(.methodNotAllowed, "the server does not allow this method on the requested resource")
        #expect(throws: error) { try route("/apis/external.metrics.k8s.io/v1beta1/namespaces/shop/m", method: method) }
        #expect(throws: error) { try route("/apis", method: method) }
    }

    @Test func unknownPathWinsOverMethod() {
        #expect(throws: KubeAPIError.unknownPath) { try route("/nope", method: "POST") }
    }

    @Test func badRequests() {
        func message(_ path: String, _ query: String = "") -> String? {
            do {
                _ = try route(path, query)
                return nil
            } catch {
                return error.reason == .badRequest ? error.message : "wrong reason \(error)"
            }
        }
        let external = "/apis/external.metrics.k8s.io/v1beta1/namespaces/shop/m"
        #expect(message(external, "labelSelector=a+b")
            == #"invalid labelSelector "a b" at offset 2: unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"#)
        #expect(message(external, "labelSelector=%ZZ") == "malformed percent-encoding in query string")
        #expect(message(external, "labelSelector=%E2%28") == "malformed percent-encoding in query string")  // not UTF-8
        #expect(message("/apis/external.metrics.k8s.io/v1beta1/namespaces/sh%zzop/m") == #"malformed percent-encoding in URL path "/apis/external.metrics.k8s.io/v1beta1/namespaces/sh%zzop/m""#)
        #expect(message("/apis/external.metrics.k8s.io/v1beta1/namespaces/Shop/m")
            == #"invalid namespace "Shop": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"#)
        #expect(message("/apis/custom.metrics.k8s.io/v1beta2/namespaces/shop/pods/Web_1/m")?.hasPrefix(#"invalid object name "Web_1": "#) == true)
        #expect(message("/apis/custom.metrics.k8s.io/v1beta2/namespaces/shop/pods/*/m", "metricLabelSelector=x%3D%22%7D")?
            .hasPrefix(#"invalid metricLabelSelector "x=\"}" at offset 2: unable to parse requirement: values[0][x]: Invalid value: "\"}""#) == true)
    }
}
