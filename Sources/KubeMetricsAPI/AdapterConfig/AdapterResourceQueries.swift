import TSDB

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

    /// The container query's text with the placeholder where the adapter
    /// pastes `.LabelMatchers`, grouped by `groupBy`.
    public func containerQueryText(groupBy: [String]) -> String { text(containerTemplate, groupBy: groupBy) }

    /// The node query's text, likewise.
    public func nodeQueryText(groupBy: [String]) -> String { text(nodeTemplate, groupBy: groupBy) }

    private func render(_ template: AdapterTemplate, groupBy: [String], matchers: [LabelMatcher]) -> AdapterScopedQuery {
        AdapterScopedQuery(query: text(template, groupBy: groupBy), matchers: matchers, groupBy: groupBy)
    }

    private func text(_ template: AdapterTemplate, groupBy: [String]) -> String {
        template.render([
            "Series": "",
            "LabelMatchers": AdapterRule.placeholderMatcher,
            "GroupBy": groupBy.joined(separator: ","),
            "GroupBySlice": "[\(groupBy.joined(separator: " "))]",
        ])
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
