import TSDB
import Testing
@testable import KubeMetricsAPI

@Suite struct CustomMetricResolutionTests {
    private let now = Fixture.now

    private static let podRates = [
        Fixture.point(2, ["namespace": "shop", "pod": "web-1", "workload": "web", "app": "web"]),
        Fixture.point(3.5, ["namespace": "shop", "pod": "web-2", "workload": "web", "app": "web"]),
        Fixture.point(9, ["namespace": "shop", "pod": "api-1", "workload": "api", "app": "api"]),
        Fixture.point(100, ["namespace": "other", "pod": "web-1", "workload": "web", "app": "web"]),
    ]

    private func service(_ series: [String: [MetricPoint]], aggregating: Set<String> = []) throws -> (KubeMetricsService, StandInPromQLEvaluator) {
        let evaluator = StandInPromQLEvaluator(series, aggregatingQueries: aggregating)
        return (KubeMetricsService(configuration: try Fixture.configuration(), evaluator: evaluator), evaluator)
    }

    private func request(_ resource: String, _ object: ObjectSelection, namespace: String? = "shop", metric: String = "agent360_request_rate",
                         labelSelector: String = "", metricLabelSelector: String = "") throws -> CustomMetricRequest {
        CustomMetricRequest(version: .v1beta2, namespace: namespace, resource: resource, object: object, metricName: metric,
                            labelSelector: try LabelSelector(parsing: labelSelector),
                            metricLabelSelector: try LabelSelector(parsing: metricLabelSelector))
    }

    @Test func singleObjectGetsExactlyOneItem() async throws {
        let (service, evaluator) = try service(["pod_rate": Self.podRates])
        let values = try await service.customMetricValues(try request("pods", .named("web-1")), at: now)
        #expect(evaluator.calls.first?.matchers == [#"namespace="shop""#, #"pod="web-1""#])
        #expect(values.count == 1)
        #expect(values.first?.object == ObjectReference(kind: "Pod", namespace: "shop", name: "web-1", apiVersion: "v1"))
        #expect(values.first?.value.description == "2")
        #expect(values.first?.windowSeconds == 60)
    }

    @Test func missingObjectIsNotFound() async throws {
        let (service, _) = try service(["pod_rate": Self.podRates])
        do {
            _ = try await service.customMetricValues(try request("pods", .named("web-9")), at: now)
            Issue.record("no value for web-9")
        } catch let error as KubeAPIError {
            #expect(error.reason == .notFound)
            #expect(error.message == "the server could not find the metric agent360_request_rate for pods web-9")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func allObjectsMatchingTheSelector() async throws {
        let (service, evaluator) = try service(["pod_rate": Self.podRates])
        let values = try await service.customMetricValues(try request("pods", .all, labelSelector: "app=web"), at: now)
        #expect(evaluator.calls.first?.matchers == [#"namespace="shop""#, #"pod!="""#, #"app="web""#])
        #expect(values.map(\.object.name) == ["web-1", "web-2"])
        #expect(values.map(\.value.description) == ["2", "3500m"])
    }

    @Test func objectSelectorCanBeIgnoredForUnlabelledSeries() async throws {
        let unlabelled = [Fixture.point(4, ["namespace": "shop", "pod": "web-1"])]
        let (service, evaluator) = try service(["pod_rate_unlabelled": unlabelled])
        let values = try await service.customMetricValues(
            try request("pods", .all, metric: "agent360_unlabelled_rate", labelSelector: "app=web"), at: now)
        #expect(evaluator.calls.first?.matchers == [#"namespace="shop""#, #"pod!="""#])
        #expect(values.map(\.object.name) == ["web-1"])
    }

    @Test func metricLabelSelectorNarrowsSeries() async throws {
        let series = [
            Fixture.point(1, ["namespace": "shop", "pod": "web-1", "verb": "GET"]),
            Fixture.point(5, ["namespace": "shop", "pod": "web-1", "verb": "POST"]),
        ]
        let (service, evaluator) = try service(["pod_rate": series])
        var getOnly = try request("pods", .named("web-1"), metricLabelSelector: "verb=GET")
        let values = try await service.customMetricValues(getOnly, at: now)
        #expect(evaluator.calls.first?.matchers == [#"namespace="shop""#, #"pod="web-1""#, #"verb="GET""#])
        #expect(values.map(\.value.description) == ["1"])

        // Without it, two series describe one pod: ambiguous, so an error rather than a guess.
        getOnly.metricLabelSelector = .everything
        do {
            _ = try await service.customMetricValues(getOnly, at: now)
            Issue.record("two series for one pod must fail")
        } catch {
            #expect(error.reason == .internalError)
            #expect(error.message == #"metric agent360_request_rate: the query returned more than one series for pods web-1; aggregate by "pod" so each object has one value"#)
        }
    }

    @Test func workloadResourcesUseTheirMappedLabel() async throws {
        let series = [Fixture.point(12.5, ["namespace": "shop", "workload": "web"])]
        let (service, evaluator) = try service(["pod_rate": series])
        let values = try await service.customMetricValues(try request("deployments.apps", .named("web")), at: now)
        #expect(evaluator.calls.first?.matchers == [#"namespace="shop""#, #"workload="web""#])
        #expect(values.first?.object == ObjectReference(kind: "Deployment", namespace: "shop", name: "web", apiVersion: "apps/v1"))
    }

    @Test func rootScopedResourcesHaveNoNamespaceMatcher() async throws {
        let series = [Fixture.point(0.75, ["node": "n1"]), Fixture.point(1.25, ["node": "n2"])]
        let (service, evaluator) = try service(["node_load": series])
        let values = try await service.customMetricValues(try request("nodes", .all, namespace: nil, metric: "node_load"), at: now)
        #expect(evaluator.calls.first?.matchers == [#"node!="""#])
        #expect(values.map(\.object) == [
            ObjectReference(kind: "Node", namespace: nil, name: "n1", apiVersion: "v1"),
            ObjectReference(kind: "Node", namespace: nil, name: "n2", apiVersion: "v1"),
        ])
    }

    @Test func namespaceMetricDescribesTheNamespace() async throws {
        let series = [Fixture.point(42, ["namespace": "shop"])]
        let (service, evaluator) = try service(["pod_rate": series])
        let values = try await service.namespaceMetricValues(
            NamespaceMetricRequest(version: .v1beta2, namespace: "shop", metricName: "agent360_request_rate"), at: now)
        #expect(evaluator.calls.first?.matchers == [#"namespace="shop""#])
        #expect(values.map(\.object) == [ObjectReference(kind: "Namespace", namespace: nil, name: "shop", apiVersion: "v1")])
    }

    @Test func scopeMismatchesAreNotFound() async throws {
        let (service, evaluator) = try service(["pod_rate": Self.podRates])
        await #expect(throws: KubeAPIError.self) { try await service.customMetricValues(try request("pods", .all, namespace: nil), at: now) }
        await #expect(throws: KubeAPIError.self) {
            try await service.customMetricValues(try request("nodes", .all, namespace: "shop", metric: "node_load"), at: now)
        }
        await #expect(throws: KubeAPIError.unknownPath) { try await service.customMetricValues(try request("widgets", .all), at: now) }
        #expect(evaluator.calls.isEmpty)
    }

    @Test func metricNotMappedForResourceIsNotFound() async throws {
        let (service, _) = try service(["pod_rate": Self.podRates])
        do {
            _ = try await service.customMetricValues(try request("services", .named("web")), at: now)
            Issue.record("services are not mapped")
        } catch let error as KubeAPIError {
            #expect(error.reason == .notFound)
            #expect(error.message == "the server could not find the metric agent360_request_rate for services")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func resultWithoutTheObjectLabelIsAnInternalError() async throws {
        // e.g. `sum(rate(...))` that aggregated the pod label away, or `... or vector(0)`.
        let series = [Fixture.point(0, ["namespace": "shop"])]
        let (service, _) = try service(["pod_rate": series], aggregating: ["pod_rate"])
        do {
            _ = try await service.customMetricValues(try request("pods", .all), at: now)
            Issue.record("a series naming no pod must fail")
        } catch let error as KubeAPIError {
            #expect(error.reason == .internalError)
            #expect(error.message == #"metric agent360_request_rate: result series {namespace="shop"} has no "pod" label to name the Pod it describes; keep it in the query (e.g. sum by (pod) (...))"#)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func emptyListIsNotFound() async throws {
        let (service, _) = try service([:])
        do {
            _ = try await service.customMetricValues(try request("pods", .all, labelSelector: "app=web"), at: now)
            Issue.record("an empty result must be an error")
        } catch let error as KubeAPIError {
            #expect(error.reason == .notFound)
            #expect(error.message == #"no data for metric agent360_request_rate for any pods in namespace shop matching labelSelector "app=web""#)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func staleCustomDataIsServiceUnavailable() async throws {
        let series = [Fixture.point(1, ageSeconds: 300, ["namespace": "shop", "pod": "web-1"])]
        let (service, _) = try service(["pod_rate": series])
        let response = await service.handle(
            method: "GET", path: "/apis/custom.metrics.k8s.io/v1beta2/namespaces/shop/pods/web-1/agent360_request_rate", query: "", at: now)
        #expect(response.status == 503)
    }

    @Test func bothVersionsThroughHandle() async throws {
        let (service, _) = try service(["pod_rate": Self.podRates])
        let v2 = await service.handle(
            method: "GET", path: "/apis/custom.metrics.k8s.io/v1beta2/namespaces/shop/pods/*/agent360_request_rate",
            query: "labelSelector=app%3Dweb&metricLabelSelector=app%3Dweb", at: now)
        #expect(v2.status == 200)
        #expect(v2.bodyText == #"{"apiVersion":"custom.metrics.k8s.io/v1beta2","items":["#
            + #"{"describedObject":{"apiVersion":"v1","kind":"Pod","name":"web-1","namespace":"shop"},"metric":{"name":"agent360_request_rate","selector":{"matchLabels":{"app":"web"}}},"timestamp":"2024-05-01T12:00:00Z","value":"2","windowSeconds":60},"#
            + #"{"describedObject":{"apiVersion":"v1","kind":"Pod","name":"web-2","namespace":"shop"},"metric":{"name":"agent360_request_rate","selector":{"matchLabels":{"app":"web"}}},"timestamp":"2024-05-01T12:00:00Z","value":"3500m","windowSeconds":60}"#
            + #"],"kind":"MetricValueList","metadata":{}}"#)
        let v1 = await service.handle(
            method: "GET", path: "/apis/custom.metrics.k8s.io/v1beta1/namespaces/shop/pods/api-1/agent360_request_rate", query: "", at: now)
        #expect(v1.status == 200)
        #expect(v1.bodyText == #"{"apiVersion":"custom.metrics.k8s.io/v1beta1","items":["#
            + #"{"describedObject":{"apiVersion":"v1","kind":"Pod","name":"api-1","namespace":"shop"},"metricName":"agent360_request_rate","timestamp":"2024-05-01T12:00:00Z","value":"9","window":60}"#
            + #"],"kind":"MetricValueList","metadata":{}}"#)
    }

    @Test func documentsThroughHandle() async throws {
        let (service, _) = try service([:])
        let health = await service.handle(method: "GET", path: "/healthz", query: "", at: now)
        #expect(health.status == 200 && health.bodyText == "ok")
        let resources = await service.handle(method: "GET", path: "/apis/custom.metrics.k8s.io/v1beta2", query: "", at: now)
        #expect(resources.status == 200 && resources.bodyText.contains(#""name":"pods/agent360_request_rate""#))
        let group = await service.handle(method: "GET", path: "/apis/external.metrics.k8s.io", query: "", at: now)
        #expect(group.status == 200 && group.bodyText.hasPrefix(#"{"apiVersion":"v1","kind":"APIGroup""#))
        let openAPI = await service.handle(method: "GET", path: "/openapi/v2", query: "", at: now)
        #expect(openAPI.status == 200 && openAPI.bodyText.contains(#""swagger":"2.0""#))
        let notAllowed = await service.handle(method: "DELETE", path: "/apis", query: "", at: now)
        #expect(notAllowed.status == 405)
        #expect(notAllowed.bodyText.contains(#""reason":"MethodNotAllowed""#))
        let missing = await service.handle(method: "GET", path: "/apis/apps/v1", query: "", at: now)
        #expect(missing.status == 404)
        #expect(missing.bodyText == #"{"apiVersion":"v1","code":404,"kind":"Status","message":"the server could not find the requested resource","metadata":{},"reason":"NotFound","status":"Failure"}"#)
    }
}
