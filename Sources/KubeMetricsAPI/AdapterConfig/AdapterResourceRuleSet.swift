import TSDB

/// `resourceRules` compiled and checked: the value the resource metrics
/// API (`metrics.k8s.io`) is wired to.
///
/// How to use it: ask `cpu.containerQuery(namespace:pods:)` (or
/// `nodeQuery(nodes:)`) for a `AdapterScopedQuery`, parse its `query` and
/// put its `matchers` where the placeholder matcher is (in agent360:
/// `Expr.replacingAdapterPlaceholder(with:)`), then evaluate. Each result
/// series carries the `podLabel` + `containerLabel` (or `nodeLabel`) that
/// name what it measures; CPU is in cores, memory in bytes, as the adapter
/// expects them from the queries.
public struct AdapterResourceRuleSet: Sendable {
    public let cpu: AdapterResourceQueries
    public let memory: AdapterResourceQueries
    public let windowSeconds: Int64?

    public init(_ rules: AdapterResourceRules) throws(AdapterConfigError) {
        cpu = try AdapterResourceQueries(rules.cpu, field: "resourceRules.cpu")
        memory = try AdapterResourceQueries(rules.memory, field: "resourceRules.memory")
        if let window = rules.windowSeconds, window <= 0 {
            throw AdapterConfigError(.invalidQuery, field: "resourceRules.window", "must be positive")
        }
        windowSeconds = rules.windowSeconds
    }
}

/// A query with the placeholder for the request's matchers, and those matchers.
public struct AdapterScopedQuery: Sendable, Hashable {
    /// PromQL text fixed by the configuration; `AdapterRule.placeholderMatcher`
    /// marks the selectors the adapter would paste `.LabelMatchers` into.
    public let query: String
    /// Namespace and object-name matchers to put at the placeholder.
    public let matchers: [LabelMatcher]
    /// The labels each result series is grouped by.
    public let groupBy: [String]
}

/// The CPU or memory queries of `resourceRules`.
public struct AdapterResourceQueries: Sendable {
    let containerTemplate: AdapterTemplate
    let nodeTemplate: AdapterTemplate
    public let resources: AdapterResourceMapper
    public let containerLabel: String
    public let podLabel: String
    public let nodeLabel: String
    public let namespaceLabel: String

    init(_ rule: AdapterResourceRule, field: String) throws(AdapterConfigError) {
        func template(_ source: String, _ key: String) throws(AdapterConfigError) -> AdapterTemplate {
            guard !source.trimmingWhitespace().isEmpty else {
                throw AdapterConfigError(.missingField, field: "\(field).\(key)", "is required")
            }
            do {
                let parsed = try AdapterTemplate(source, allowed: AdapterRule.queryFields)
                guard parsed.fields.contains("LabelMatchers") else {
                    throw AdapterConfigError(.invalidTemplate, field: "\(field).\(key)",
                                             "must use <<.LabelMatchers>> inside a selector's braces, so requests can be scoped")
                }
                return parsed
            } catch let error as AdapterTemplateError {
                throw AdapterConfigError(.invalidTemplate, field: "\(field).\(key)", error.message)
            } catch let error as AdapterConfigError {
                throw error
            } catch {
                throw AdapterConfigError(.invalidTemplate, field: "\(field).\(key)", "\(error)")
            }
        }
        containerTemplate = try template(rule.containerQuery, "containerQuery")
        nodeTemplate = try template(rule.nodeQuery, "nodeQuery")
        let mapper = try AdapterResourceMapper(rule.resources, field: "\(field).resources")
        resources = mapper
        guard PrometheusLabelName.isValid(rule.containerLabel) else {
            throw AdapterConfigError(.missingField, field: "\(field).containerLabel",
                                     "must be a Prometheus label name, got \"\(rule.containerLabel)\"")
        }
        containerLabel = rule.containerLabel
        func label(_ resource: KubeResource) throws(AdapterConfigError) -> String {
            guard let label = mapper.label(for: resource) else {
                throw AdapterConfigError(.invalidResource, field: "\(field).resources",
                                         "maps no label to \(resource.groupResource) (add an override or a template)")
            }
            return label
        }
        podLabel = try label(.pods)
        nodeLabel = try label(.nodes)
        namespaceLabel = try label(.namespaces)
    }

    /// Per-container usage of `pods` in `namespace` (all pods when empty).
    public func containerQuery(namespace: String, pods: [String]) -> AdapterScopedQuery {
        var matchers = [LabelMatcher.equal(namespaceLabel, namespace)]
        matchers.append(Self.matcher(podLabel, pods))
        return render(containerTemplate, groupBy: [podLabel, containerLabel], matchers: matchers)
    }

    /// Per-node usage of `nodes` (all nodes when empty).
    public func nodeQuery(nodes: [String]) -> AdapterScopedQuery {
        render(nodeTemplate, groupBy: [nodeLabel], matchers: [Self.matcher(nodeLabel, nodes)])
    }

    private func render(_ template: AdapterTemplate, groupBy: [String], matchers: [LabelMatcher]) -> AdapterScopedQuery {
        let query = template.render([
            "Series": "",
            "LabelMatchers": AdapterRule.placeholderMatcher,
            "GroupBy": groupBy.joined(separator: ","),
            "GroupBySlice": "[\(groupBy.joined(separator: " "))]",
        ])
        return AdapterScopedQuery(query: query, matchers: matchers, groupBy: groupBy)
    }

    /// `label="name"`, `label=~"a|b"` (names escaped: a pod name's dots are
    /// literal), or `label!=""` for all.
    static func matcher(_ label: String, _ names: [String]) -> LabelMatcher {
        if names.count == 1 { return .equal(label, names[0]) }
        if names.isEmpty { return .notEqual(label, "") }
        let pattern = names.map(escapeRegex).joined(separator: "|")
        // Escaped literals always compile; fall back to "all", which is
        // then narrowed by the caller's per-name filtering.
        return (try? LabelMatcher(.regexMatch, label, pattern)) ?? .notEqual(label, "")
    }

    static func escapeRegex(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if "\\.+*?()|[]{}^$".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
