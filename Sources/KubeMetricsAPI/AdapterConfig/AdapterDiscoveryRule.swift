/// One entry of `rules` or `externalRules`.
public struct AdapterDiscoveryRule: Sendable, Hashable {
    /// A Prometheus series selector, e.g. `{__name__=~"^container_.*",pod!=""}`.
    public var seriesQuery: String
    public var seriesFilters: [AdapterSeriesFilter]
    public var resources: AdapterResourceMapping
    public var name: AdapterNameMapping
    /// Template with `<<.Series>>`, `<<.LabelMatchers>>`, `<<.GroupBy>>`, `<<.GroupBySlice>>`.
    public var metricsQuery: String

    public init(seriesQuery: String, seriesFilters: [AdapterSeriesFilter] = [], resources: AdapterResourceMapping = .init(),
                name: AdapterNameMapping = .init(), metricsQuery: String) {
        self.seriesQuery = seriesQuery
        self.seriesFilters = seriesFilters
        self.resources = resources
        self.name = name
        self.metricsQuery = metricsQuery
    }
}

/// `seriesFilters` entry: keep series whose name matches `is`, or drop those matching `isNot`.
public enum AdapterSeriesFilter: Sendable, Hashable {
    case `is`(String)
    case isNot(String)
}

/// `name:` of a rule. `matches` empty means `.*`; `as` empty means `$0`
/// without capture groups, `$1` with one, and is an error with more.
public struct AdapterNameMapping: Sendable, Hashable {
    public var matches: String
    public var `as`: String

    public init(matches: String = "", as: String = "") {
        self.matches = matches
        self.as = `as`
    }
}
