import Foundation
import KubeMetricsAPI
import PromQL
import TSDB
import Testing
@testable import Agent360Server

/// Adapter rules served by the metrics APIs over the real store and
/// PromQL engine: discovery lists the derived names, values equal the
/// rule's metricsQuery evaluated with the request's matchers.
@Suite("prometheus-adapter rules in the metrics APIs")
struct AdapterRulesServiceTests {
    private let now: Int64 = 1_714_564_800_000

    /// Counters rising 1/s (web-1), 2/s (web-2) in shop and 5/s in other,
    /// every 15 s for 5 minutes; a queue gauge per namespace.
    private func store() -> MemoryStore {
        let store = MemoryStore(options: StoreOptions(retention: 3_600_000))
        for (namespace, pod, perSecond) in [("shop", "web-1", 1.0), ("shop", "web-2", 2.0), ("other", "api-1", 5.0)] {
            let labels = Labels(["__name__": "http_requests_total", "namespace": namespace, "pod": pod, "method": "GET"])
            let samples = (0 ... 20).map { Sample(timestamp: now - Int64(20 - $0) * 15_000, value: Double($0) * 15 * perSecond) }
            _ = store.append(labels, samples, now: now)
        }
        for (namespace, queue, depth) in [("shop", "orders", 7.0), ("shop", "mails", 3.0), ("other", "orders", 100.0)] {
            let labels = Labels(["__name__": "queue_messages_ready", "namespace": namespace, "queue": queue])
            _ = store.append(labels, (0 ... 4).map { Sample(timestamp: now - Int64(4 - $0) * 15_000, value: depth) }, now: now)
        }
        return store
    }

    private func service(_ fixture: String, _ store: MemoryStore) throws -> (KubeMetricsService, QueryService) {
        let queries = QueryService(config: QueryConfig(), store: store)
        let config = try AdapterConfigFile.load(path: AdapterConfigFileTests.fixture(fixture))
        let adapter = AdapterMetrics(rules: try AdapterRuleSet(config), source: StoreSeriesSource(queries: queries, executor: .kubernetesMetrics()))
        let evaluator = PromQLMetricEvaluator(queries: queries, executor: .kubernetesMetrics(), lookbackDelta: 300_000, configuredQueries: [])
        return (KubeMetricsService(configuration: try KubeMetricsConfiguration(), evaluator: evaluator, adapter: adapter), queries)
    }

    private func json(_ response: KubeAPIResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
    }

    private func expected(_ query: String, _ queries: QueryService) async throws -> [String: Double] {
        let result = try await queries.instant(query, at: now)
        guard case .vector(let vector) = result.value else { return [:] }
        return Dictionary(uniqueKeysWithValues: vector.map { ($0.labels["pod"] ?? $0.labels["queue"] ?? "-", $0.value) })
    }

    @Test("the walkthrough rule: discovery lists pods/ and namespaces/http_requests_per_second")
    func walkthroughDiscovery() async throws {
        let (service, _) = try service("walkthrough.yaml", store())
        let response = await service.handle(method: "GET", path: "/apis/custom.metrics.k8s.io/v1beta1", query: "", at: now)
        let resources = try #require(try json(response)["resources"] as? [[String: Any]])
        let names = resources.compactMap { $0["name"] as? String }
        #expect(names == ["namespaces/http_requests_per_second", "pods/http_requests_per_second"])
    }

    @Test("pod values equal the rendered metricsQuery with the namespace matcher, evaluated directly")
    func walkthroughValues() async throws {
        let (service, queries) = try service("walkthrough.yaml", store())
        let response = await service.handle(
            method: "GET", path: "/apis/custom.metrics.k8s.io/v1beta1/namespaces/shop/pods/*/http_requests_per_second", query: "", at: now)
        #expect(response.status == 200, "\(response.bodyText)")
        let items = try #require(try json(response)["items"] as? [[String: Any]])
        var values: [String: Double] = [:]
        for item in items {
            let object = try #require(item["describedObject"] as? [String: Any])
            let name = try #require(object["name"] as? String)
            let quantity = try #require(item["value"] as? String)
            values[name] = quantity.hasSuffix("m") ? Double(quantity.dropLast()).map { $0 / 1000 } : Double(quantity)
        }
        let direct = try await expected(#"sum(rate(http_requests_total{namespace="shop",pod!=""}[2m])) by (pod)"#, queries)
        #expect(Set(values.keys) == ["web-1", "web-2"])
        for (pod, value) in direct { #expect(abs((values[pod] ?? -1) - value) < 0.001, "\(pod)") }
        #expect(abs((values["web-2"] ?? 0) - 2) < 0.001)
    }

    @Test("a pod name shaped to break query text is refused before any query runs")
    func injection() async throws {
        let (service, _) = try service("walkthrough.yaml", store())
        let hostile = #"web-1"}) or vector(1"#.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        let response = await service.handle(
            method: "GET", path: "/apis/custom.metrics.k8s.io/v1beta1/namespaces/shop/pods/\(hostile)/http_requests_per_second", query: "", at: now)
        #expect(response.status == 400 || response.status == 404, "\(response.bodyText)")
        // And a valid name reaches the query only as a matcher value.
        let expr = try PromQL.parse(#"sum(rate(http_requests_total{__agent360_label_matchers__=""}[2m])) by (pod)"#)
            .replacingAdapterPlaceholder(with: [.equal("pod", #"a"} or vector(1"#)])
        #expect(expr.description == #"sum by (pod) (rate(http_requests_total{pod="a\"} or vector(1"}[2m]))"#)
    }

    @Test("external rule: values in the request's namespace only, grouped as the query says")
    func externalRule() async throws {
        let (service, queries) = try service("helm-default-rules.yaml", store())
        let discovery = await service.handle(method: "GET", path: "/apis/external.metrics.k8s.io/v1beta1", query: "", at: now)
        let names = (try json(discovery)["resources"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(names == ["queue_ready"])
        let list = try await service.externalMetricValues(ExternalMetricRequest(namespace: "shop", metricName: "queue_ready"), at: now)
        let values = Dictionary(uniqueKeysWithValues: list.items.map { ($0.metricLabels["queue"] ?? "-", $0.value.description) })
        #expect(values == ["mails": "3", "orders": "7"])
        let direct = try await expected(#"sum(queue_messages_ready{namespace="shop"}) by (queue)"#, queries)
        #expect(direct == ["mails": 3, "orders": 7])
    }

    @Test("discovery lists adapter-derived metrics alongside configured ones; a configured name wins")
    func alongsideConfigured() async throws {
        let store = store()
        let queries = QueryService(config: QueryConfig(), store: store)
        let config = try AdapterConfigFile.load(path: AdapterConfigFileTests.fixture("walkthrough.yaml"))
        let adapter = AdapterMetrics(rules: try AdapterRuleSet(config), source: StoreSeriesSource(queries: queries, executor: .kubernetesMetrics()))
        let configured = try KubeMetricsConfiguration(custom: [
            CustomMetricConfig(name: "http_requests_per_second", query: "sum by (pod) (http_requests_total)", resources: ["pod": "pod"]),
            CustomMetricConfig(name: "queue_total", query: "sum by (namespace) (queue_messages_ready)", resources: ["namespace": "namespace"]),
        ])
        let evaluator = PromQLMetricEvaluator(queries: queries, executor: .kubernetesMetrics(), lookbackDelta: 300_000, configuredQueries: [])
        let service = KubeMetricsService(configuration: configured, evaluator: evaluator, adapter: adapter)
        let response = await service.handle(method: "GET", path: "/apis/custom.metrics.k8s.io/v1beta2", query: "", at: now)
        let names = (try json(response)["resources"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(names == ["namespaces/http_requests_per_second", "namespaces/queue_total", "pods/http_requests_per_second"])
        // pods/http_requests_per_second is the configured query (a sum of the counter, not a rate).
        let value = await service.handle(
            method: "GET", path: "/apis/custom.metrics.k8s.io/v1beta1/namespaces/shop/pods/web-1/http_requests_per_second", query: "", at: now)
        let item = (try json(value)["items"] as? [[String: Any]])?.first
        #expect(item?["value"] as? String == "300", "\(value.bodyText)")
        // namespaces/http_requests_per_second is the adapter rule's (the configured metric maps pods only).
        let namespace = await service.handle(
            method: "GET", path: "/apis/custom.metrics.k8s.io/v1beta1/namespaces/shop/metrics/http_requests_per_second", query: "", at: now)
        #expect((try json(namespace)["items"] as? [[String: Any]])?.first?["value"] as? String == "3", "\(namespace.bodyText)")
    }

    @Test("matchers go only where <<.LabelMatchers>> stands, as the adapter pastes them")
    func placeholderOnly() throws {
        let expr = try PromQL.parse(#"sum(a{__agent360_label_matchers__="",x="1"}) / on() group_left sum(b{y="2"})"#)
            .replacingAdapterPlaceholder(with: [.equal("namespace", "shop")])
        #expect(expr.description == (try PromQL.parse(#"sum(a{namespace="shop",x="1"}) / on() group_left() sum(b{y="2"})"#)).description)
    }
}
