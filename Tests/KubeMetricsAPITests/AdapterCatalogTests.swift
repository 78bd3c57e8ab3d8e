import KubeMetricsAPI
import TSDB
import Testing

@Suite("prometheus-adapter discovery catalog")
struct AdapterCatalogTests {
    static let walkthrough = AdapterDiscoveryRule(
        seriesQuery: #"http_requests_total{namespace!="",pod!=""}"#,
        resources: AdapterResourceMapping(overrides: ["namespace": .init(resource: "namespace"), "pod": .init(resource: "pod")]),
        name: AdapterNameMapping(matches: "^(.*)_total", as: "${1}_per_second"),
        metricsQuery: "sum(rate(<<.Series>>{<<.LabelMatchers>>}[2m])) by (<<.GroupBy>>)")

    @Test("custom rules list <resource>/<metric> for each resource the series' labels map to")
    func customNames() throws {
        let rules = try AdapterRuleSet(AdapterConfig(rules: [Self.walkthrough]))
        let catalog = AdapterCatalog(rules: rules) { _ in
            [Labels(["__name__": "http_requests_total", "namespace": "shop", "pod": "web-1", "method": "GET"]),
             Labels(["__name__": "http_requests_total", "namespace": "shop", "pod": "web-2", "method": "GET"])]
        }
        let names = catalog.customResources.map { "\($0.name) namespaced=\($0.namespaced)" }.sorted()
        #expect(names == ["namespaces/http_requests_per_second namespaced=false", "pods/http_requests_per_second namespaced=true"])
        let metric = try #require(catalog.custom["http_requests_per_second"])
        #expect(metric.seriesName == "http_requests_total")
        #expect(metric.rule.renderQuery(series: metric.seriesName, groupBy: ["pod"])
            == #"sum(rate(http_requests_total{__agent360_label_matchers__=""}[2m])) by (pod)"#)
    }

    @Test("series that map no resource, fail a filter or have unusable names are not listed")
    func skipped() throws {
        var rule = Self.walkthrough
        rule.seriesFilters = [.isNot("^internal_")]
        let rules = try AdapterRuleSet(AdapterConfig(rules: [rule]))
        let catalog = AdapterCatalog(rules: rules) { _ in
            [Labels(["__name__": "jobs_total", "job": "x"]),
             Labels(["__name__": "internal_requests_total", "pod": "a"]),
             Labels(["__name__": "not matching", "pod": "a"])]
        }
        #expect(catalog.custom.isEmpty)
    }

    @Test("external rules list the metric name once, whatever the series' labels")
    func externalNames() throws {
        let rule = AdapterDiscoveryRule(
            seriesQuery: #"{__name__=~"^queue_messages_ready$"}"#,
            resources: AdapterResourceMapping(overrides: ["namespace": .init(resource: "namespace")]),
            name: AdapterNameMapping(as: "queue_ready"), metricsQuery: "sum(<<.Series>>{<<.LabelMatchers>>}) by (queue)")
        let rules = try AdapterRuleSet(AdapterConfig(externalRules: [rule]))
        let catalog = AdapterCatalog(rules: rules) { _ in
            [Labels(["__name__": "queue_messages_ready", "queue": "a"]), Labels(["__name__": "queue_messages_ready", "queue": "b"])]
        }
        #expect(catalog.externalResources.map(\.name) == ["queue_ready"])
        #expect(catalog.external["queue_ready"]?.rule.namespaced == true)
    }
}
