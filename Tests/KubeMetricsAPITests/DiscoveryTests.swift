#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Testing
@testable import KubeMetricsAPI

@Suite struct DiscoveryTests {
    @Test func rootListsBothGroupsWithPreferredVersions() throws {
        let discovery = MetricsDiscovery(configuration: try Fixture.configuration())
        #expect(try KubeJSON.encodeToString(discovery.apiGroupList()) == #"{"apiVersion":"v1","groups":["#
            + #"{"name":"external.metrics.k8s.io","preferredVersion":{"groupVersion":"external.metrics.k8s.io/v1beta1","version":"v1beta1"},"#
            + #""versions":[{"groupVersion":"external.metrics.k8s.io/v1beta1","version":"v1beta1"}]},"#
            + #"{"name":"custom.metrics.k8s.io","preferredVersion":{"groupVersion":"custom.metrics.k8s.io/v1beta2","version":"v1beta2"},"#
            + #""versions":[{"groupVersion":"custom.metrics.k8s.io/v1beta2","version":"v1beta2"},{"groupVersion":"custom.metrics.k8s.io/v1beta1","version":"v1beta1"}]}"#
            + #"],"kind":"APIGroupList"}"#)
    }

    @Test func groupDocument() throws {
        let discovery = MetricsDiscovery(configuration: try Fixture.configuration())
        let group = try #require(discovery.apiGroup("custom.metrics.k8s.io"))
        #expect(group.preferredVersion.version == "v1beta2")
        #expect(group.versions.map(\.version) == ["v1beta2", "v1beta1"])
        #expect(discovery.apiGroup("metrics.k8s.io") == nil)
    }

    @Test func externalResourcesAreOnePerMetric() throws {
        let list = MetricsDiscovery(configuration: try Fixture.configuration()).apiResourceList(.externalV1Beta1)
        #expect(list.groupVersion == "external.metrics.k8s.io/v1beta1")
        #expect(list.resources.map(\.name) == ["agent360_error_rate", "agent360_queue_depth", "agent360_request_rate"])
        #expect(list.resources.allSatisfy { $0.namespaced && $0.kind == "ExternalMetricValueList" && $0.verbs == ["get"] && $0.singularName.isEmpty })
    }

    @Test func customResourcesAreResourceSlashMetric() throws {
        let discovery = MetricsDiscovery(configuration: try Fixture.configuration())
        for groupVersion in [MetricsAPIGroupVersion.customV1Beta1, .customV1Beta2] {
            let list = discovery.apiResourceList(groupVersion)
            #expect(list.groupVersion == groupVersion.rawValue)
            #expect(list.resources.map { "\($0.name) \($0.namespaced)" } == [
                "deployments.apps/agent360_request_rate true",
                "namespaces/agent360_request_rate false",
                "nodes/node_load false",
                "pods/agent360_request_rate true",
                "pods/agent360_unlabelled_rate true",
            ])
            #expect(list.resources.allSatisfy { $0.kind == "MetricValueList" && $0.verbs == ["get"] })
        }
    }

    @Test func configurationErrorsNameTheMetric() {
        func message(_ build: () throws -> KubeMetricsConfiguration) -> String? {
            do { _ = try build(); return nil } catch { return (error as? KubeMetricsConfigurationError)?.description }
        }
        #expect(message { try KubeMetricsConfiguration(custom: [CustomMetricConfig(name: "m", query: "q", resources: ["widget": "w"])]) }
            == #"metric "m": unknown Kubernetes resource "widget" (known: pod, namespace, node, service, deployment, statefulset, daemonset, replicaset, job, cronjob, ingress)"#)
        #expect(message { try KubeMetricsConfiguration(external: [ExternalMetricConfig(name: "a/b", query: "q")]) }
            == #"metric "a/b": metric name must be a non-empty URL path segment (no '/', '%' or spaces)"#)
        #expect(message { try KubeMetricsConfiguration(external: [ExternalMetricConfig(name: "m", query: "q"), ExternalMetricConfig(name: "m", query: "r")]) }
            == #"metric "m": external metric is defined twice"#)
        #expect(message { try KubeMetricsConfiguration(external: [ExternalMetricConfig(name: "m", query: " ")]) } == #"metric "m": query is empty"#)
        #expect(message { try KubeMetricsConfiguration(custom: [CustomMetricConfig(name: "m", query: "q", resources: ["pod": "pod-name"])]) }
            == #"metric "m": label "pod-name" for pod is not a valid Prometheus label name"#)
        #expect(message { try KubeMetricsConfiguration(custom: [CustomMetricConfig(name: "m", query: "q", resources: ["pod": "a", "pods": "b"])]) }
            == #"metric "m": resource pods is mapped twice"#)
        #expect(message { try KubeMetricsConfiguration(external: [ExternalMetricConfig(name: "m", query: "q", maxAgeSeconds: 0)]) }
            == #"metric "m": max age must be positive, got 0s"#)
        #expect(message { try KubeMetricsConfiguration(defaultMaxAgeSeconds: -1) } == "default max age must be positive, got -1s")
    }

    @Test(arguments: ["pod", "pods", "Pod", "deployment", "deployments", "deployments.apps", "deployment.apps", "Deployment"])
    func resourcesAreFoundByTheirUsualNames(name: String) {
        #expect(KubeResource.lookup(name) != nil)
    }

    @Test func resourceIdentity() throws {
        let deployment = try #require(KubeResource.lookup("deployment"))
        #expect(deployment.groupResource == "deployments.apps")
        #expect(deployment.apiVersion == "apps/v1")
        #expect(KubeResource.pods.apiVersion == "v1")
        #expect(KubeResource.lookup("pods.apps") == nil)
    }
}

@Suite struct OpenAPITests {
    /// Every `$ref` in a document, to check they all resolve.
    private func references(in value: JSONValue) -> [String] {
        switch value {
        case .object(let members):
            var refs: [String] = []
            if case .string(let target)? = members["$ref"] { refs.append(target) }
            return refs + members.values.flatMap(references)
        case .array(let items):
            return items.flatMap(references)
        default:
            return []
        }
    }

    private func keys(_ value: JSONValue?) -> Set<String> {
        if case .object(let members)? = value { return Set(members.keys) }
        return []
    }

    @Test func swaggerV2DocumentIsSelfContained() throws {
        let document = MetricsOpenAPI.v2Document()
        #expect(document["swagger"] == "2.0")
        #expect(document["info"]?["title"] == "agent360 metrics API")
        let definitions = keys(document["definitions"])
        let refs = references(in: document)
        #expect(!refs.isEmpty)
        for ref in refs {
            #expect(ref.hasPrefix("#/definitions/"))
            #expect(definitions.contains(String(ref.dropFirst("#/definitions/".count))), "\(ref) does not resolve")
        }
        #expect(keys(document["paths"]) == [
            "/apis/external.metrics.k8s.io/v1beta1/",
            "/apis/external.metrics.k8s.io/v1beta1/namespaces/{namespace}/{metric}",
            "/apis/custom.metrics.k8s.io/v1beta1/",
            "/apis/custom.metrics.k8s.io/v1beta1/namespaces/{namespace}/{resource}/{name}/{metric}",
            "/apis/custom.metrics.k8s.io/v1beta1/{resource}/{name}/{metric}",
            "/apis/custom.metrics.k8s.io/v1beta1/namespaces/{name}/metrics/{metric}",
            "/apis/custom.metrics.k8s.io/v1beta2/",
            "/apis/custom.metrics.k8s.io/v1beta2/namespaces/{namespace}/{resource}/{name}/{metric}",
            "/apis/custom.metrics.k8s.io/v1beta2/{resource}/{name}/{metric}",
            "/apis/custom.metrics.k8s.io/v1beta2/namespaces/{name}/metrics/{metric}",
            "/apis/metrics.k8s.io/v1beta1/",
            "/apis/metrics.k8s.io/v1beta1/pods",
            "/apis/metrics.k8s.io/v1beta1/namespaces/{namespace}/pods",
            "/apis/metrics.k8s.io/v1beta1/namespaces/{namespace}/pods/{name}",
            "/apis/metrics.k8s.io/v1beta1/nodes",
            "/apis/metrics.k8s.io/v1beta1/nodes/{name}",
        ])
    }

    @Test func operationIdsAreUnique() {
        guard case .object(let paths)? = MetricsOpenAPI.v2Document()["paths"] else {
            Issue.record("no paths")
            return
        }
        let ids = paths.values.compactMap { $0["get"]?["operationId"] }
        #expect(ids.count == paths.count)
        #expect(Set(ids).count == ids.count)
    }

    @Test(arguments: MetricsAPIGroupVersion.allCases)
    func v3DocumentPerGroupVersion(groupVersion: MetricsAPIGroupVersion) {
        let document = MetricsOpenAPI.v3Document(groupVersion)
        #expect(document["openapi"] == "3.0.0")
        let schemas = keys(document["components"]?["schemas"])
        for ref in references(in: document) {
            #expect(schemas.contains(String(ref.dropFirst("#/components/schemas/".count))), "\(ref) does not resolve")
        }
        #expect(keys(document["paths"]).allSatisfy { $0.hasPrefix("/apis/\(groupVersion.rawValue)/") })
    }

    @Test func v3IndexPointsAtEachGroupVersionWithAStableHash() throws {
        let index = MetricsOpenAPI.v3Index()
        #expect(keys(index["paths"]) == [
            "apis/external.metrics.k8s.io/v1beta1", "apis/custom.metrics.k8s.io/v1beta1", "apis/custom.metrics.k8s.io/v1beta2",
            "apis/metrics.k8s.io/v1beta1",
        ])
        let expectedHash = MetricsOpenAPI.fnv1aHex(try KubeJSON.encode(MetricsOpenAPI.v3Document(.customV1Beta2)))
        #expect(index["paths"]?["apis/custom.metrics.k8s.io/v1beta2"]?["serverRelativeURL"]
            == .string("/openapi/v3/apis/custom.metrics.k8s.io/v1beta2?hash=\(expectedHash)"))
        #expect(MetricsOpenAPI.v3Index() == index)
    }

    @Test func fnvHashIsTheReferenceValue() {
        // FNV-1a 64 test vectors: "" and "a".
        #expect(MetricsOpenAPI.fnv1aHex([]) == "CBF29CE484222325")
        #expect(MetricsOpenAPI.fnv1aHex(Array("a".utf8)) == "AF63DC4C8601EC8C")
    }
}
