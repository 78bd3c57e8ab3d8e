import TSDB

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
