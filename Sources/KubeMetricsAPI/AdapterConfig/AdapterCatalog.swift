import TSDB

/// The metrics adapter rules derive from the series in the store at one
/// time: what discovery lists and what requests resolve against.
public struct AdapterCatalog: Sendable {
    /// A custom metric: the series it reads and the resources it describes.
    public struct CustomMetric: Sendable {
        public let name: String
        public let rule: AdapterRule
        public let seriesName: String
        /// Resource → the label naming its objects, sorted by group-resource.
        public var resources: [KubeResource: String]
        /// Some series carry the namespace label (the adapter's "namespaced").
        public var namespaced: Bool
    }

    public struct ExternalMetric: Sendable {
        public let name: String
        public let rule: AdapterRule
        public let seriesName: String
    }

    public private(set) var custom: [String: CustomMetric] = [:]
    public private(set) var external: [String: ExternalMetric] = [:]

    public init() {}

    /// Applies each rule to the series its `seriesQuery` found, as the
    /// adapter's relist does: filters and `name.matches`, the name, then
    /// (custom rules) the resources each series' labels map to. A metric
    /// name claimed by two rules keeps the first rule's meaning.
    public init(rules: AdapterRuleSet, series: (AdapterRule) -> [Labels]) {
        for rule in rules.rules {
            for labels in series(rule) {
                guard let seriesName = labels.metricName, AdapterRule.isMetricName(seriesName), rule.keeps(seriesName: seriesName),
                      let name = rule.metricName(forSeries: seriesName), Self.isResourceName(name)
                else { continue }
                let mapped = rule.resources.resources(of: labels)
                guard !mapped.isEmpty else { continue }
                let namespaced = mapped.contains { $0.resource == .namespaces }
                if var existing = custom[name] {
                    guard existing.rule.index == rule.index, existing.seriesName == seriesName else { continue }
                    for entry in mapped where existing.resources[entry.resource] == nil { existing.resources[entry.resource] = entry.label }
                    existing.namespaced = existing.namespaced || namespaced
                    custom[name] = existing
                } else {
                    custom[name] = CustomMetric(
                        name: name, rule: rule, seriesName: seriesName,
                        resources: Dictionary(mapped.map { ($0.resource, $0.label) }, uniquingKeysWith: { first, _ in first }),
                        namespaced: namespaced)
                }
            }
        }
        for rule in rules.externalRules {
            for labels in series(rule) {
                guard let seriesName = labels.metricName, AdapterRule.isMetricName(seriesName), rule.keeps(seriesName: seriesName),
                      let name = rule.metricName(forSeries: seriesName), Self.isResourceName(name), external[name] == nil
                else { continue }
                external[name] = ExternalMetric(name: name, rule: rule, seriesName: seriesName)
            }
        }
    }

    /// Names end up as URL path segments.
    static func isResourceName(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && !name.contains("/") && !name.contains("%")
            && !name.contains(where: { $0.isWhitespace })
    }

    /// `custom.metrics.k8s.io` discovery entries: `<resource>/<metric>`,
    /// namespaced like the adapter (series with a namespace label, except
    /// for the namespaces resource itself).
    public var customResources: [APIResource] {
        custom.values.flatMap { metric in
            metric.resources.keys.map { resource in
                APIResource(name: "\(resource.groupResource)/\(metric.name)",
                            namespaced: resource == .namespaces ? false : metric.namespaced, kind: "MetricValueList")
            }
        }
    }

    public var externalResources: [APIResource] {
        external.keys.map { APIResource(name: $0, namespaced: true, kind: "ExternalMetricValueList") }
    }
}
