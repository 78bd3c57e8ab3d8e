import KubeMetricsAPI
import TSDB
import Testing
@testable import Agent360Server

/// Adapter-rule discovery is refreshed on request with a short cache
/// instead of a relist interval: a new series shows up once the cache is
/// older than `refreshInterval`, and series without recent samples drop out.
@Suite("prometheus-adapter discovery refresh")
struct AdapterDiscoveryRefreshTests {
    private let now: Int64 = 1_714_564_800_000

    private func append(_ store: MemoryStore, pod: String, at time: Int64) {
        let labels = Labels(["__name__": "http_requests_total", "namespace": "shop", "pod": pod])
        _ = store.append(labels, [Sample(timestamp: time, value: 1)], now: time)
    }

    private func rules() throws -> AdapterRuleSet {
        try AdapterRuleSet(AdapterConfigFile.load(path: AdapterConfigFileTests.fixture("walkthrough.yaml")))
    }

    @Test("a new series appears after the refresh interval, not before")
    func refreshInterval() async throws {
        let store = MemoryStore(options: StoreOptions(retention: 3_600_000))
        let metrics = AdapterMetrics(rules: try rules(), source: StoreSeriesSource(queries: QueryService(config: QueryConfig(), store: store), executor: .kubernetesMetrics()),
                                     refreshIntervalMilliseconds: 15_000)
        #expect(await metrics.catalog(at: now).custom.isEmpty)
        append(store, pod: "web-1", at: now + 1_000)
        #expect(await metrics.catalog(at: now + 10_000).custom.isEmpty, "cached for 15 s")
        let refreshed = await metrics.catalog(at: now + 15_000)
        #expect(refreshed.custom["http_requests_per_second"]?.resources.keys.map(\.groupResource).sorted() == ["namespaces", "pods"])
    }

    @Test("series without samples in the window are not listed")
    func seriesWindow() async throws {
        let store = MemoryStore(options: StoreOptions(retention: 3_600_000))
        append(store, pod: "web-1", at: now - 700_000)
        let metrics = AdapterMetrics(rules: try rules(), source: StoreSeriesSource(queries: QueryService(config: QueryConfig(), store: store), executor: .kubernetesMetrics()),
                                     seriesWindowMilliseconds: 600_000)
        #expect(await metrics.catalog(at: now).custom.isEmpty)
        #expect(await metrics.catalog(at: now - 650_000).custom.count == 1)
    }

    @Test("resource rules are exposed from agent360's configuration for the resource metrics API")
    func resourceRulesFromConfig() throws {
        var config = KubeAPIConfig()
        #expect(try config.adapterResourceRules() == nil)
        config.adapter = try AdapterConfigFile.load(path: AdapterConfigFileTests.fixture("helm-default-rules.yaml"))
        let rules = try #require(try config.adapterResourceRules())
        #expect(rules.memory.containerQuery(namespace: "shop", pods: []).matchers.map(\.description) == [#"namespace="shop""#, #"pod!="""#])
    }
}
