import TSDB
import Testing
@testable import KubeMetricsAPI

@Suite struct ExternalMetricResolutionTests {
    private let now = Fixture.now

    private func service(_ series: [String: [MetricPoint]], failure: (any Error)? = nil) throws -> (KubeMetricsService, StandInPromQLEvaluator) {
        let evaluator = StandInPromQLEvaluator(series, failure: failure)
        return (KubeMetricsService(configuration: try Fixture.configuration(), evaluator: evaluator), evaluator)
    }

    private static let rates = [
        Fixture.point(1.5, ["__name__": "agent360_request_rate", "namespace": "shop", "service": "web"]),
        Fixture.point(0.25, ["namespace": "shop", "service": "api"]),
        Fixture.point(900, ["namespace": "other", "service": "web"]),
    ]

    @Test func valuesAreScopedToTheRequestNamespace() async throws {
        let (service, evaluator) = try service(["external_rate": Self.rates])
        let list = try await service.externalMetricValues(
            ExternalMetricRequest(namespace: "shop", metricName: "agent360_request_rate"), at: now)
        #expect(evaluator.calls == [.init(query: "external_rate", matchers: [#"namespace="shop""#], time: now)])
        // Sorted by labels; __name__ dropped; window from config; timestamp = evaluation time.
        #expect(list.items.map(\.metricLabels) == [["namespace": "shop", "service": "api"], ["namespace": "shop", "service": "web"]])
        #expect(list.items.map(\.value.description) == ["250m", "1500m"])
        #expect(list.items.allSatisfy { $0.metricName == "agent360_request_rate" && $0.windowSeconds == 60 })
        #expect(list.items.allSatisfy { $0.timestamp.description == "2024-05-01T12:00:00Z" })
    }

    @Test func labelSelectorAddsMatchers() async throws {
        let (service, evaluator) = try service(["external_rate": Self.rates])
        let list = try await service.externalMetricValues(
            ExternalMetricRequest(namespace: "shop", metricName: "agent360_request_rate",
                                  labelSelector: try LabelSelector(parsing: "service in (web,db)")), at: now)
        #expect(evaluator.calls.first?.matchers == [#"namespace="shop""#, #"service=~"db|web""#])
        #expect(list.items.map(\.value.description) == ["1500m"])
    }

    @Test func selectorCannotEscapeTheNamespace() async throws {
        let (service, evaluator) = try service(["external_rate": Self.rates])
        await #expect(throws: KubeAPIError.self) {
            try await service.externalMetricValues(
                ExternalMetricRequest(namespace: "shop", metricName: "agent360_request_rate",
                                      labelSelector: try LabelSelector(parsing: "namespace=other")), at: now)
        }
        // Both matchers reach the engine; together they select nothing.
        #expect(evaluator.calls.first?.matchers == [#"namespace="shop""#, #"namespace="other""#])
    }

    @Test func optedOutMetricsSeeAllNamespaces() async throws {
        let depth = [Fixture.point(7, ["namespace": "queues", "queue": "orders"]), Fixture.point(3, ["queue": "mail"])]
        let (service, evaluator) = try service(["queue_depth": depth])
        let list = try await service.externalMetricValues(
            ExternalMetricRequest(namespace: "shop", metricName: "agent360_queue_depth"), at: now)
        #expect(evaluator.calls.first?.matchers == [])
        // Prometheus's label-set order: {namespace="queues", ...} < {queue="mail"} ("namespace" < "queue").
        #expect(list.items.map(\.value.description) == ["7", "3"])
    }

    @Test func staleDataIsServiceUnavailable() async throws {
        // Default max age 120s: a series last fed 121s ago poisons the whole answer.
        let series = [Fixture.point(1, ageSeconds: 5, ["namespace": "shop"]), Fixture.point(2, ageSeconds: 121, ["namespace": "shop", "service": "old"])]
        let (service, _) = try service(["external_rate": series])
        do {
            _ = try await service.externalMetricValues(ExternalMetricRequest(namespace: "shop", metricName: "agent360_request_rate"), at: now)
            Issue.record("stale data must be refused")
        } catch {
            #expect(error.reason == .serviceUnavailable)
            #expect(error.message == #"metric agent360_request_rate: newest sample of series {namespace="shop", service="old"} is 121.0s old, older than the allowed 120s; refusing to serve stale data"#)
        }
    }

    @Test func maxAgeBoundaryIsInclusive() async throws {
        let (service, _) = try service(["external_rate": [Fixture.point(1, ageSeconds: 120, ["namespace": "shop"])]])
        let list = try await service.externalMetricValues(ExternalMetricRequest(namespace: "shop", metricName: "agent360_request_rate"), at: now)
        #expect(list.items.count == 1)
    }

    @Test func perMetricMaxAgeOverridesTheDefault() async throws {
        let (service, _) = try service(["external_errors": [Fixture.point(0.01, ageSeconds: 31, ["namespace": "shop"])]])
        await #expect(throws: KubeAPIError.self) {
            try await service.externalMetricValues(ExternalMetricRequest(namespace: "shop", metricName: "agent360_error_rate"), at: now)
        }
        let response = await service.handle(method: "GET", path: "/apis/external.metrics.k8s.io/v1beta1/namespaces/shop/agent360_error_rate", query: "", at: now)
        #expect(response.status == 503)
        #expect(response.bodyText.contains(#""reason":"ServiceUnavailable""#))
        #expect(response.bodyText.contains("older than the allowed 30s"))
    }

    @Test func notANumberIsServiceUnavailableNotZero() async throws {
        let (service, _) = try service(["external_errors": [Fixture.point(.nan, ["namespace": "shop"])]])
        do {
            _ = try await service.externalMetricValues(ExternalMetricRequest(namespace: "shop", metricName: "agent360_error_rate"), at: now)
            Issue.record("NaN must be refused")
        } catch {
            #expect(error.reason == .serviceUnavailable)
            #expect(error.message == #"metric agent360_error_rate: series {namespace="shop"} has value nan, which the autoscaler cannot use"#)
        }
    }

    @Test func noSeriesIsNotFound() async throws {
        let (service, _) = try service([:])
        do {
            _ = try await service.externalMetricValues(
                ExternalMetricRequest(namespace: "shop", metricName: "agent360_request_rate", labelSelector: try LabelSelector(parsing: "service=web")), at: now)
            Issue.record("an empty result must be an error")
        } catch let error as KubeAPIError {
            #expect(error.reason == .notFound)
            #expect(error.message == #"no data for external metric agent360_request_rate in namespace shop matching labelSelector "service=web""#)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func unknownMetricIsNotFound() async throws {
        let (service, evaluator) = try service([:])
        let response = await service.handle(method: "GET", path: "/apis/external.metrics.k8s.io/v1beta1/namespaces/shop/nope", query: "", at: now)
        #expect(response.status == 404)
        #expect(response.bodyText == #"{"apiVersion":"v1","code":404,"details":{"group":"external.metrics.k8s.io","name":"nope"},"kind":"Status","message":"the server could not find the external metric nope","metadata":{},"reason":"NotFound","status":"Failure"}"#)
        #expect(evaluator.calls.isEmpty)
    }

    @Test func engineFailureIsInternalError() async throws {
        let (service, _) = try service([:], failure: EngineFailure())
        let response = await service.handle(method: "GET", path: "/apis/external.metrics.k8s.io/v1beta1/namespaces/shop/agent360_request_rate", query: "", at: now)
        #expect(response.status == 500)
        #expect(response.bodyText.contains(#""message":"evaluating the query of metric agent360_request_rate failed: parse error at char 5: unexpected identifier""#))
        #expect(response.bodyText.contains(#""reason":"InternalError""#))
    }

    @Test func engineStatusErrorsPassThrough() async throws {
        let (service, _) = try service([:], failure: KubeAPIError(.serviceUnavailable, "backend Prometheus unreachable"))
        let response = await service.handle(method: "GET", path: "/apis/external.metrics.k8s.io/v1beta1/namespaces/shop/agent360_request_rate", query: "", at: now)
        #expect(response.status == 503)
        #expect(response.bodyText.contains("backend Prometheus unreachable"))
    }

    @Test func selectorsWithoutPrometheusMeaningAreBadRequests() async throws {
        let (service, evaluator) = try service(["external_rate": Self.rates])
        let response = await service.handle(method: "GET", path: "/apis/external.metrics.k8s.io/v1beta1/namespaces/shop/agent360_request_rate",
                                            query: "labelSelector=replicas%3E3", at: now)
        #expect(response.status == 400)
        #expect(response.bodyText.contains(#"invalid labelSelector \"replicas>3\": label selector \"replicas>3\": operator gt cannot be expressed as a Prometheus label matcher"#))
        #expect(evaluator.calls.isEmpty)
    }

    @Test func endToEndThroughHandle() async throws {
        let (service, evaluator) = try service(["external_rate": Self.rates])
        let response = await service.handle(method: "GET", path: "/apis/external.metrics.k8s.io/v1beta1/namespaces/shop/agent360_request_rate",
                                            query: "labelSelector=app.kubernetes.io%2Fname%21%3Dx%2Cservice%3Dweb", at: now)
        #expect(response.status == 200)
        #expect(response.contentType == "application/json")
        #expect(evaluator.calls.first?.matchers == [#"namespace="shop""#, #"app_kubernetes_io_name!="x""#, #"service="web""#])
        #expect(response.bodyText == #"{"apiVersion":"external.metrics.k8s.io/v1beta1","items":[{"metricLabels":{"namespace":"shop","service":"web"},"metricName":"agent360_request_rate","timestamp":"2024-05-01T12:00:00Z","value":"1500m","window":60}],"kind":"ExternalMetricValueList","metadata":{}}"#)
    }
}
