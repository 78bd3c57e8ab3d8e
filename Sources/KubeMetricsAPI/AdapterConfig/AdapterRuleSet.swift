/// A whole prometheus-adapter configuration compiled and checked once at
/// start, so a bad rule fails the server's start with its index and field,
/// not an HPA request later.
public struct AdapterRuleSet: Sendable {
    public let rules: [AdapterRule]
    public let externalRules: [AdapterRule]
    /// Checked resource rules for the resource metrics API (`metrics.k8s.io`).
    public let resourceRules: AdapterResourceRuleSet?

    public init(_ config: AdapterConfig) throws(AdapterConfigError) {
        var rules: [AdapterRule] = []
        for (index, rule) in config.rules.enumerated() {
            rules.append(try AdapterRule(rule, kind: .custom, index: index))
        }
        var external: [AdapterRule] = []
        for (index, rule) in config.externalRules.enumerated() {
            external.append(try AdapterRule(rule, kind: .external, index: index))
        }
        self.rules = rules
        externalRules = external
        resourceRules = try config.resourceRules.map { rules throws(AdapterConfigError) in try AdapterResourceRuleSet(rules) }
    }

    public var isEmpty: Bool { rules.isEmpty && externalRules.isEmpty }
}

extension AdapterRule {
    /// Rendered for `<<.LabelMatchers>>`: a matcher that matches every
    /// series (no series has this label), which the evaluator replaces in
    /// the parsed query with the request's matchers. Request data is never
    /// pasted into query text.
    public static let placeholderLabel = "__agent360_label_matchers__"
    public static let placeholderMatcher = "\(placeholderLabel)=\"\""

    /// The query for one series and resource, with the placeholder where
    /// the adapter would paste the request's matchers. `groupBy` are label
    /// names from the configuration or the resource table, `series` a
    /// checked metric name, so the text is fixed by the configuration.
    public func renderQuery(series: String, groupBy: [String]) -> String {
        query.render([
            "Series": series,
            "LabelMatchers": Self.placeholderMatcher,
            "GroupBy": groupBy.joined(separator: ","),
            // Go's fmt of a []string.
            "GroupBySlice": "[\(groupBy.joined(separator: " "))]",
        ])
    }

    /// A series name that can stand in a query as a metric name.
    static func isMetricName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCII,
              first.properties.isAlphabetic || first == "_" || first == ":"
        else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0" ... "9").contains($0) || $0 == "_" || $0 == ":") }
    }
}
