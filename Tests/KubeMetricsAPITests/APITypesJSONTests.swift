import Testing
@testable import KubeMetricsAPI

/// Exact JSON, keys as Kubernetes names them (sorted for reproducibility).
@Suite struct APITypesJSONTests {
    static let noon = KubeTimestamp(millisecondsSinceEpoch: 1_714_564_800_123)  // 2024-05-01T12:00:00.123Z

    @Test func statusHasKubernetesShape() throws {
        let status = Status(reason: .notFound, message: "the server could not find the requested resource")
        #expect(try KubeJSON.encodeToString(status)
            == #"{"apiVersion":"v1","code":404,"kind":"Status","message":"the server could not find the requested resource","metadata":{},"reason":"NotFound","status":"Failure"}"#)
        let detailed = Status(reason: .notFound, message: "m", details: Status.Details(name: "x", group: "external.metrics.k8s.io"))
        #expect(try KubeJSON.encodeToString(detailed)
            == #"{"apiVersion":"v1","code":404,"details":{"group":"external.metrics.k8s.io","name":"x"},"kind":"Status","message":"m","metadata":{},"reason":"NotFound","status":"Failure"}"#)
    }

    @Test(arguments: [
        (Status.Reason.badRequest, 400), (.unauthorized, 401), (.forbidden, 403), (.notFound, 404),
        (.methodNotAllowed, 405), (.internalError, 500), (.serviceUnavailable, 503),
    ])
    func statusReasonsCarryTheirCodes(reason: Status.Reason, code: Int) throws {
        let json = try KubeJSON.encodeToString(Status(reason: reason, message: "m"))
        #expect(json.contains(#""code":\#(code),"#))
        #expect(json.contains(#""reason":"\#(reason.rawValue)""#))
    }

    @Test func externalMetricValueList() throws {
        let list = ExternalMetricValueList(items: [
            ExternalMetricValue(metricName: "agent360_request_rate", metricLabels: ["namespace": "shop", "service": "web"],
                                timestamp: Self.noon, windowSeconds: 60, value: try Quantity(1.5)),
            ExternalMetricValue(metricName: "agent360_request_rate", metricLabels: [:], timestamp: Self.noon, value: try Quantity(2000)),
        ])
        #expect(try KubeJSON.encodeToString(list) == #"{"apiVersion":"external.metrics.k8s.io/v1beta1","items":["#
            + #"{"metricLabels":{"namespace":"shop","service":"web"},"metricName":"agent360_request_rate","timestamp":"2024-05-01T12:00:00Z","value":"1500m","window":60},"#
            + #"{"metricLabels":{},"metricName":"agent360_request_rate","timestamp":"2024-05-01T12:00:00Z","value":"2k"}"#
            + #"],"kind":"ExternalMetricValueList","metadata":{}}"#)
    }

    @Test func emptyListsKeepItemsAndMetadata() throws {
        #expect(try KubeJSON.encodeToString(ExternalMetricValueList(items: []))
            == #"{"apiVersion":"external.metrics.k8s.io/v1beta1","items":[],"kind":"ExternalMetricValueList","metadata":{}}"#)
    }

    @Test func customMetricValueListV1Beta2() throws {
        let selector = try #require(LabelSelectorObject(try LabelSelector(parsing: "verb=GET")))
        let list = MetricValueListV1Beta2(apiVersion: "custom.metrics.k8s.io/v1beta2", items: [
            MetricValueV1Beta2(
                describedObject: ObjectReference(kind: "Pod", namespace: "shop", name: "web-1", apiVersion: "v1"),
                metric: MetricIdentifier(name: "agent360_request_rate", selector: selector),
                timestamp: Self.noon, windowSeconds: 60, value: try Quantity(2000)),
            MetricValueV1Beta2(
                describedObject: ObjectReference(kind: "Node", namespace: nil, name: "n1", apiVersion: "v1"),
                metric: MetricIdentifier(name: "load"), timestamp: Self.noon, value: try Quantity(0.25)),
        ])
        #expect(try KubeJSON.encodeToString(list) == #"{"apiVersion":"custom.metrics.k8s.io/v1beta2","items":["#
            + #"{"describedObject":{"apiVersion":"v1","kind":"Pod","name":"web-1","namespace":"shop"},"metric":{"name":"agent360_request_rate","selector":{"matchLabels":{"verb":"GET"}}},"timestamp":"2024-05-01T12:00:00Z","value":"2k","windowSeconds":60},"#
            + #"{"describedObject":{"apiVersion":"v1","kind":"Node","name":"n1"},"metric":{"name":"load"},"timestamp":"2024-05-01T12:00:00Z","value":"250m"}"#
            + #"],"kind":"MetricValueList","metadata":{}}"#)
    }

    @Test func customMetricValueListV1Beta1() throws {
        let list = MetricValueListV1Beta1(apiVersion: "custom.metrics.k8s.io/v1beta1", items: [
            MetricValueV1Beta1(
                describedObject: ObjectReference(kind: "Deployment", namespace: "shop", name: "web", apiVersion: "apps/v1"),
                metricName: "agent360_request_rate", timestamp: Self.noon, windowSeconds: 30, value: try Quantity(12.5)),
        ])
        #expect(try KubeJSON.encodeToString(list) == #"{"apiVersion":"custom.metrics.k8s.io/v1beta1","items":["#
            + #"{"describedObject":{"apiVersion":"apps/v1","kind":"Deployment","name":"web","namespace":"shop"},"metricName":"agent360_request_rate","timestamp":"2024-05-01T12:00:00Z","value":"12500m","window":30}"#
            + #"],"kind":"MetricValueList","metadata":{}}"#)
    }

    @Test func labelSelectorObjectFollowsParseToLabelSelector() throws {
        let selector = try LabelSelector(parsing: "env in (a,b),tier!=cache,app,!legacy,x=1")
        let object = try #require(LabelSelectorObject(selector))
        #expect(try KubeJSON.encodeToString(object) == #"{"matchExpressions":["#
            + #"{"key":"app","operator":"Exists"},{"key":"env","operator":"In","values":["a","b"]},"#
            + #"{"key":"legacy","operator":"DoesNotExist"},{"key":"tier","operator":"NotIn","values":["cache"]}"#
            + #"],"matchLabels":{"x":"1"}}"#)
        #expect(LabelSelectorObject(try LabelSelector(parsing: "a>1")) == nil)
    }

    @Test func discoveryTypes() throws {
        let version = GroupVersionForDiscovery(groupVersion: "external.metrics.k8s.io/v1beta1", version: "v1beta1")
        let group = APIGroup(name: "external.metrics.k8s.io", versions: [version], preferredVersion: version)
        #expect(try KubeJSON.encodeToString(group) == #"{"apiVersion":"v1","kind":"APIGroup","name":"external.metrics.k8s.io","#
            + #""preferredVersion":{"groupVersion":"external.metrics.k8s.io/v1beta1","version":"v1beta1"},"#
            + #""versions":[{"groupVersion":"external.metrics.k8s.io/v1beta1","version":"v1beta1"}]}"#)
        // Inside a list, groups carry no kind/apiVersion, as in Kubernetes.
        #expect(try KubeJSON.encodeToString(APIGroupList(groups: [group])) == #"{"apiVersion":"v1","groups":[{"name":"external.metrics.k8s.io","#
            + #""preferredVersion":{"groupVersion":"external.metrics.k8s.io/v1beta1","version":"v1beta1"},"#
            + #""versions":[{"groupVersion":"external.metrics.k8s.io/v1beta1","version":"v1beta1"}]}],"kind":"APIGroupList"}"#)
        let resources = APIResourceList(groupVersion: "external.metrics.k8s.io/v1beta1", resources: [
            APIResource(name: "agent360_request_rate", namespaced: true, kind: "ExternalMetricValueList"),
        ])
        #expect(try KubeJSON.encodeToString(resources) == #"{"apiVersion":"v1","groupVersion":"external.metrics.k8s.io/v1beta1","#
            + #""kind":"APIResourceList","resources":[{"kind":"ExternalMetricValueList","name":"agent360_request_rate","#
            + #""namespaced":true,"singularName":"","verbs":["get"]}]}"#)
    }

    @Test func typesDecodeWhatTheyEncode() throws {
        let list = ExternalMetricValueList(items: [
            ExternalMetricValue(metricName: "m", metricLabels: ["a": "b"], timestamp: KubeTimestamp(millisecondsSinceEpoch: 1_714_564_800_000),
                                windowSeconds: 60, value: try Quantity(parsing: "1536Mi")),
        ])
        #expect(try KubeJSON.decode(ExternalMetricValueList.self, from: KubeJSON.encode(list)) == list)
        let status = Status(reason: .serviceUnavailable, message: "stale")
        #expect(try KubeJSON.decode(Status.self, from: KubeJSON.encode(status)) == status)
    }

    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00Z"),
        (1_714_564_800_123, "2024-05-01T12:00:00Z"),  // sub-second part dropped, as Go's RFC3339 layout does
        (951_782_400_000, "2000-02-29T00:00:00Z"),
        (-1, "1969-12-31T23:59:59Z"),
        (253_402_300_799_000, "9999-12-31T23:59:59Z"),
    ])
    func timestampsAreRFC3339UTCSeconds(milliseconds: Int64, text: String) {
        #expect(KubeTimestamp(millisecondsSinceEpoch: milliseconds).description == text)
    }

    @Test func timestampsParse() {
        #expect(KubeTimestamp(rfc3339: "2024-05-01T12:00:00Z")?.millisecondsSinceEpoch == 1_714_564_800_000)
        #expect(KubeTimestamp(rfc3339: "2024-05-01T12:00:00.5Z")?.millisecondsSinceEpoch == 1_714_564_800_500)
        #expect(KubeTimestamp(rfc3339: "2024-05-01T14:00:00+02:00")?.millisecondsSinceEpoch == 1_714_564_800_000)
        #expect(KubeTimestamp(rfc3339: "2024-05-01 12:00:00") == nil)
        #expect(KubeTimestamp(rfc3339: "2024-13-01T12:00:00Z") == nil)
    }
}
