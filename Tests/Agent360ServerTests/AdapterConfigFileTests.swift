import Foundation
import KubeMetricsAPI
import PromQL
import TSDB
import Testing
@testable import Agent360Server

/// prometheus-adapter configuration files read as is: the documented
/// walkthrough and the Helm chart's defaults, one test per rule kind, and
/// errors that name file, line, rule and field.
@Suite("prometheus-adapter configuration files")
struct AdapterConfigFileTests {
    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/Adapter/\(name)").path
    }

    @Test("custom rules: the Helm chart's rules.default discover the names the adapter lists")
    func helmCustomRules() throws {
        let config = try AdapterConfigFile.load(path: Self.fixture("helm-default-rules.yaml"))
        #expect(config.rules.count == 6)
        let rules = try AdapterRuleSet(config)
        let container = ["container": "app", "namespace": "shop", "pod": "web-1"]
        let series: [Labels] = [
            Labels(container.merging(["__name__": "container_cpu_usage_seconds_total"]) { $1 }),
            Labels(container.merging(["__name__": "container_network_receive_bytes_total"]) { $1 }),
            Labels(container.merging(["__name__": "container_memory_working_set_bytes"]) { $1 }),
            Labels(["__name__": "http_requests_total", "namespace": "shop", "pod": "web-1", "service": "web"]),
            Labels(["__name__": "queue_depth", "namespace": "shop", "job": "q"]),
            Labels(["__name__": "gc_pause_seconds_total", "namespace": "shop", "pod": "web-1"]),
        ]
        let catalog = AdapterCatalog(rules: rules) { rule in
            let matchers = (try? parse(rule.seriesQuery).vectorSelectorMatchers) ?? []
            return series.filter { labels in matchers.allSatisfy { $0.matches(labels[$0.name] ?? "") } }
        }
        let names = Set(catalog.customResources.map(\.name))
        #expect(names == [
            "pods/cpu_usage", "namespaces/cpu_usage",
            "pods/network_receive_bytes", "namespaces/network_receive_bytes",
            "pods/memory_working_set_bytes", "namespaces/memory_working_set_bytes",
            "pods/http_requests", "namespaces/http_requests", "services/http_requests",
            "namespaces/queue_depth",
            "pods/gc_pause", "namespaces/gc_pause",
        ])
        #expect(catalog.custom["cpu_usage"]?.rule.index == 0)
        #expect(catalog.custom["network_receive_bytes"]?.rule.index == 1)
        #expect(catalog.custom["http_requests"]?.rule.index == 4)
    }

    @Test("external rules: the example rule names its metric and renders its query")
    func helmExternalRule() throws {
        let config = try AdapterConfigFile.load(path: Self.fixture("helm-default-rules.yaml"))
        let rule = try AdapterRule(try #require(config.externalRules.first), kind: .external, index: 0)
        #expect(rule.metricName(forSeries: "queue_messages_ready") == "queue_ready")
        #expect(rule.resources.label(for: .namespaces) == "namespace")
        let expr = try parse(rule.renderQuery(series: "queue_messages_ready", groupBy: []))
            .replacingAdapterPlaceholder(with: [.equal("namespace", "shop")])
        #expect(expr.description == (try parse(#"sum(queue_messages_ready{namespace="shop"}) by (queue)"#)).description)
    }

    @Test("resource rules: parsed into AdapterResourceRuleSet and rendered to PromQL for given pods")
    func helmResourceRules() throws {
        let config = try AdapterConfigFile.load(path: Self.fixture("helm-default-rules.yaml"))
        let rules = try #require(try AdapterRuleSet(config).resourceRules)
        #expect(rules.windowSeconds == 180)
        #expect(rules.cpu.containerLabel == "container")
        #expect(rules.cpu.podLabel == "pod" && rules.cpu.nodeLabel == "node" && rules.cpu.namespaceLabel == "namespace")
        let cpu = rules.cpu.containerQuery(namespace: "shop", pods: ["web-1", "web.2"])
        #expect(cpu.groupBy == ["pod", "container"])
        #expect(try cpu.expr().description == (try parse(
            #"sum(rate(container_cpu_usage_seconds_total{namespace="shop", pod=~"web-1|web\\.2", container!=""}[3m])) by (pod,container)"#)).description)
        let node = rules.memory.nodeQuery(nodes: ["n1"])
        #expect(try node.expr().description == (try parse(
            #"sum(container_memory_working_set_bytes{node="n1",id='/'}) by (node)"#)).description)
    }

    @Test("errors name file, line, rule index and field")
    func errorMessages() throws {
        func error(_ yaml: String) -> String {
            do { _ = try AdapterConfigFile.parse(yaml: yaml, file: "adapter.yaml"); return "" } catch { return error.description }
        }
        let badRegex = error("""
        rules:
        - seriesQuery: 'x{pod!=""}'
          name: {matches: "(unclosed"}
          metricsQuery: sum(<<.Series>>{<<.LabelMatchers>>}) by (<<.GroupBy>>)
        """)
        #expect(badRegex.hasPrefix("adapter.yaml:3:"), "\(badRegex)")
        #expect(badRegex.contains("rules[0].name.matches: invalid regular expression \"(unclosed\": missing closing )"), "\(badRegex)")

        let badQuery = error("""
        rules:
        - seriesQuery: 'x{pod!=""}'
          metricsQuery: sum(<<.Series>>{<<.LabelMatchers>>}) by (<<.GroupBy>>)
        - seriesQuery: 'y{pod!=""}'
          metricsQuery: sum(rate(<<.Series>>{<<.LabelMatchers>>})) by (<<.GroupBy>>)
        """)
        #expect(badQuery.hasPrefix("adapter.yaml:5:"), "\(badQuery)")
        #expect(badQuery.contains("rules[1].metricsQuery"), "\(badQuery)")

        let outsideBraces = error("""
        externalRules:
        - seriesQuery: 'x'
          metricsQuery: sum(<<.Series>>) by (<<.LabelMatchers>>)
        """)
        #expect(outsideBraces.contains("externalRules[0].metricsQuery"), "\(outsideBraces)")

        let unknownKey = error("""
        rules:
        - seriesQuery: 'x'
          metricQuery: sum(<<.Series>>{<<.LabelMatchers>>})
        """)
        #expect(unknownKey.contains("rules[0].metricsQuery"), "\(unknownKey)")

        let badResource = error("""
        rules:
        - seriesQuery: 'x'
          resources: {overrides: {ns: {resource: namespaces}, thing: {resource: widget}}}
          metricsQuery: sum(<<.Series>>{<<.LabelMatchers>>}) by (<<.GroupBy>>)
        """)
        #expect(badResource.contains("rules[0].resources.overrides.thing: unknown Kubernetes resource \"widget\""), "\(badResource)")
    }

    @Test("metricsAPI.adapterConfig in agent360's config loads the file relative to it")
    func fromAgentConfig() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("adapter-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.copyItem(atPath: Self.fixture("walkthrough.yaml"), toPath: directory.appendingPathComponent("adapter.yaml").path)
        let path = directory.appendingPathComponent("agent360.yaml").path
        try "metricsAPI:\n  adapterConfig: adapter.yaml\n  adapterRelistInterval: 30s\n  maxAge: 1m\n".write(toFile: path, atomically: true, encoding: .utf8)
        let config = try Agent360Config.load(path: path)
        #expect(config.kubernetes.adapter?.rules.first?.name.as == "${1}_per_second")
        #expect(config.kubernetes.adapterRelistInterval == .seconds(30))
        #expect(config.kubernetes.adapterSeriesMaxAge == .minutes(10))
        #expect(config.kubernetes.maxAge == .minutes(1))
    }
}
