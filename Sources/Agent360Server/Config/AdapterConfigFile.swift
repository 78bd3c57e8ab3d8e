import KubeMetricsAPI
import Yams

/// Reads a prometheus-adapter configuration file as is (`rules`,
/// `externalRules`, `resourceRules`), with agent360's errors: file, line
/// and key path (`rules[2].name.matches`).
///
/// Each rule is compiled (`AdapterRule`) and its rendered query parsed as
/// PromQL while its YAML node is at hand, so an error points at the line of
/// the rule's field, not at the file.
public enum AdapterConfigFile {
    public static func load(path: String) throws(ConfigError) -> AdapterConfig {
        try parse(yaml: ConfigFiles.readText(path), file: path)
    }

    public static func parse(yaml text: String, file: String? = nil) throws(ConfigError) -> AdapterConfig {
        do {
            return try parseUnlocated(yaml: text)
        } catch var error {
            error.file = file
            throw error
        }
    }

    private static func parseUnlocated(yaml text: String) throws(ConfigError) -> AdapterConfig {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else { return AdapterConfig() }
            root = node
        } catch let error as YamlError {
            throw ConfigError.syntax(yamlError: error, text: text)
        } catch {
            throw ConfigError.syntax(line: nil, column: nil, "\(error)")
        }
        var reader = try YAMLMapping(root, path: "")
        var config = AdapterConfig()
        var index = 0
        config.rules = try reader.list("rules") { (rule: inout YAMLMapping) throws(ConfigError) -> AdapterDiscoveryRule in
            defer { index += 1 }
            return try readRule(&rule, kind: .custom, index: index)
        } ?? []
        index = 0
        config.externalRules = try reader.list("externalRules") { (rule: inout YAMLMapping) throws(ConfigError) -> AdapterDiscoveryRule in
            defer { index += 1 }
            return try readRule(&rule, kind: .external, index: index)
        } ?? []
        config.resourceRules = try reader.section("resourceRules", readResourceRules)
        try reader.finish()
        return config
    }

    static func readRule(_ reader: inout YAMLMapping, kind: AdapterRule.Kind, index: Int) throws(ConfigError) -> AdapterDiscoveryRule {
        guard let seriesQuery = try reader.string("seriesQuery") else { throw reader.missing("seriesQuery") }
        guard let metricsQuery = try reader.string("metricsQuery") else { throw reader.missing("metricsQuery") }
        var rule = AdapterDiscoveryRule(seriesQuery: seriesQuery, metricsQuery: metricsQuery)
        rule.seriesFilters = try reader.list("seriesFilters") { (filter: inout YAMLMapping) throws(ConfigError) -> AdapterSeriesFilter in
            let isPattern = try filter.string("is")
            let isNotPattern = try filter.string("isNot")
            switch (isPattern, isNotPattern) {
            case (let pattern?, nil): return .is(pattern)
            case (nil, let pattern?): return .isNot(pattern)
            case (.some, .some): throw filter.invalid("isNot", "a filter has either `is` or `isNot`, not both")
            case (nil, nil): throw filter.missing("is")
            }
        } ?? []
        rule.resources = try reader.section("resources", { (resources: inout YAMLMapping) throws(ConfigError) in
            try readResources(&resources)
        }) ?? AdapterResourceMapping()
        rule.name = try reader.section("name") { (name: inout YAMLMapping) throws(ConfigError) -> AdapterNameMapping in
            AdapterNameMapping(matches: try name.string("matches") ?? "", as: try name.string("as") ?? "")
        } ?? AdapterNameMapping()
        // The adapter's labelValueReplacements rewrite request values pasted
        // into the query; agent360 never pastes them, so it has no use.
        if reader.has("labelValueReplacements") {
            throw reader.invalid("labelValueReplacements", "is not supported: agent360 adds request values as matchers, never as query text")
        }
        try check(rule, kind: kind, index: index, &reader)
        return rule
    }

    static func readResources(_ reader: inout YAMLMapping) throws(ConfigError) -> AdapterResourceMapping {
        var mapping = AdapterResourceMapping()
        mapping.template = try reader.string("template")
        mapping.namespaced = try reader.bool("namespaced")
        if let node = reader.node("overrides") {
            var overrides = try YAMLMapping(node, path: reader.keyPath("overrides"))
            for label in overrides.keys {
                mapping.overrides[label] = try overrides.section(label) { (entry: inout YAMLMapping) throws(ConfigError) in
                    guard let resource = try entry.string("resource") else { throw entry.missing("resource") }
                    return AdapterGroupResource(group: try entry.string("group") ?? "", resource: resource)
                }
            }
            try overrides.finish()
        }
        return mapping
    }

    static func readResourceRules(_ reader: inout YAMLMapping) throws(ConfigError) -> AdapterResourceRules {
        func rule(_ key: String, _ reader: inout YAMLMapping) throws(ConfigError) -> AdapterResourceRule {
            guard let rule = try reader.section(key, { (rule: inout YAMLMapping) throws(ConfigError) -> AdapterResourceRule in
                guard let container = try rule.string("containerQuery") else { throw rule.missing("containerQuery") }
                guard let node = try rule.string("nodeQuery") else { throw rule.missing("nodeQuery") }
                let resources = try rule.section("resources", { (resources: inout YAMLMapping) throws(ConfigError) in
                    try readResources(&resources)
                }) ?? AdapterResourceMapping()
                guard let label = try rule.string("containerLabel") else { throw rule.missing("containerLabel") }
                return AdapterResourceRule(containerQuery: container, nodeQuery: node, resources: resources, containerLabel: label)
            }) else { throw reader.missing(key) }
            return rule
        }
        let rules = AdapterResourceRules(
            cpu: try rule("cpu", &reader), memory: try rule("memory", &reader),
            windowSeconds: try reader.duration("window").map { $0.milliseconds / 1000 })
        do {
            let compiled = try AdapterResourceRuleSet(rules)
            for (name, queries) in [("cpu", compiled.cpu), ("memory", compiled.memory)] {
                try validate(queries.containerQuery(namespace: "default", pods: ["p"]).query, field: "resourceRules.\(name).containerQuery")
                try validate(queries.nodeQuery(nodes: ["n"]).query, field: "resourceRules.\(name).nodeQuery")
            }
        } catch {
            throw reader.invalid(firstKey(of: error.field, under: "resourceRules"), keyPath: error.field, error.message)
        }
        return rules
    }
}
