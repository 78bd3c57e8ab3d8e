import TSDB

/// One `rules` / `externalRules` entry compiled: regexes built, templates
/// parsed, resources resolved, so discovery and requests cannot fail on
/// the configuration.
public struct AdapterRule: Sendable {
    public enum Kind: String, Sendable { case custom = "rules", external = "externalRules" }

    public let kind: Kind
    public let index: Int
    public let seriesQuery: String
    let filters: [(regex: AdapterRegex, keep: Bool)]
    let nameMatches: AdapterRegex
    let nameAs: String
    public let query: AdapterTemplate
    public let resources: AdapterResourceMapper
    /// External rules: scope values to the request's namespace.
    public let namespaced: Bool

    /// `rules[3]`: how errors and logs name this rule.
    public var field: String { "\(kind.rawValue)[\(index)]" }

    static let queryFields: Set<String> = ["Series", "LabelMatchers", "GroupBy", "GroupBySlice"]

    public init(_ rule: AdapterDiscoveryRule, kind: Kind, index: Int) throws(AdapterConfigError) {
        self.kind = kind
        self.index = index
        let field = "\(kind.rawValue)[\(index)]"
        guard !rule.seriesQuery.trimmingWhitespace().isEmpty else {
            throw AdapterConfigError(.missingField, field: "\(field).seriesQuery", "is required")
        }
        seriesQuery = rule.seriesQuery
        var filters: [(AdapterRegex, Bool)] = []
        for (position, filter) in rule.seriesFilters.enumerated() {
            let (pattern, keep, key) = switch filter {
            case .is(let pattern): (pattern, true, "is")
            case .isNot(let pattern): (pattern, false, "isNot")
            }
            filters.append((try Self.regex(pattern, field: "\(field).seriesFilters[\(position)].\(key)"), keep))
        }
        let matches = rule.name.matches.isEmpty ? ".*" : rule.name.matches
        nameMatches = try Self.regex(matches, field: "\(field).name.matches")
        if !rule.name.matches.isEmpty { filters.append((nameMatches, true)) }
        self.filters = filters
        if !rule.name.as.isEmpty {
            nameAs = rule.name.as
        } else {
            switch nameMatches.groupCount {
            case 0: nameAs = "$0"
            case 1: nameAs = "$1"
            default:
                throw AdapterConfigError(.missingField, field: "\(field).name.as",
                                         "is required when name.matches \"\(matches)\" has more than one capture group")
            }
        }
        guard !rule.metricsQuery.trimmingWhitespace().isEmpty else {
            throw AdapterConfigError(.missingField, field: "\(field).metricsQuery", "is required")
        }
        do {
            query = try AdapterTemplate(rule.metricsQuery, allowed: Self.queryFields)
        } catch {
            throw AdapterConfigError(.invalidTemplate, field: "\(field).metricsQuery", error.message)
        }
        // Request scoping (namespace, object names, selectors) is added to
        // the selectors that carry <<.LabelMatchers>>; a query without it
        // would answer every namespace's data to every request.
        guard query.fields.contains("LabelMatchers") else {
            throw AdapterConfigError(.invalidTemplate, field: "\(field).metricsQuery",
                                     "must use <<.LabelMatchers>> inside a selector's braces, so requests can be scoped")
        }
        resources = try AdapterResourceMapper(rule.resources, field: "\(field).resources")
        if kind == .custom, rule.resources.namespaced != nil {
            throw AdapterConfigError(.invalidResource, field: "\(field).resources.namespaced", "applies to externalRules only")
        }
        namespaced = rule.resources.namespaced ?? true
    }

    private static func regex(_ pattern: String, field: String) throws(AdapterConfigError) -> AdapterRegex {
        do { return try AdapterRegex(pattern) } catch {
            throw AdapterConfigError(.invalidRegex, field: field, "invalid regular expression \"\(pattern)\": \(error)")
        }
    }

    /// seriesFilters, then name.matches (the adapter appends it as a filter).
    public func keeps(seriesName: String) -> Bool {
        filters.allSatisfy { $0.regex.matches(seriesName) == $0.keep }
    }

    /// The API metric name for a series name (`name.matches` / `name.as`).
    public func metricName(forSeries seriesName: String) -> String? {
        nameMatches.expand(nameAs, matching: seriesName)
    }
}
