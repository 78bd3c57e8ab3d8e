import Synchronization
import TSDB

/// The adapter-rule metrics as the store currently has them.
///
/// Refreshed on request, at most every `refreshInterval` (a short cache,
/// not the adapter's periodic `--metrics-relist-interval`): discovery and
/// requests see a new series within seconds of its first sample, and an
/// idle server does no listing work. Series count if they have samples in
/// the last `seriesWindow` (the adapter's `--metrics-max-age`).
public final class AdapterMetrics: Sendable {
    public let rules: AdapterRuleSet
    let source: any AdapterSeriesSource
    public let refreshInterval: Int64
    public let seriesWindow: Int64
    private let state = Mutex<(catalog: AdapterCatalog, builtAt: Int64?, lastError: String?)>((AdapterCatalog(), nil, nil))

    public init(rules: AdapterRuleSet, source: any AdapterSeriesSource, refreshIntervalMilliseconds: Int64 = 15_000,
                seriesWindowMilliseconds: Int64 = 600_000) {
        self.rules = rules
        self.source = source
        refreshInterval = refreshIntervalMilliseconds
        seriesWindow = seriesWindowMilliseconds
    }

    /// Why the last refresh failed, if it did (the previous catalog is kept).
    public var lastError: String? { state.withLock { $0.lastError } }

    /// The catalog at `time`, listing series again when the cached one is old.
    public func catalog(at time: Int64) async -> AdapterCatalog {
        let cached = state.withLock { current -> AdapterCatalog? in
            guard let builtAt = current.builtAt, time - builtAt < refreshInterval, time >= builtAt else { return nil }
            return current.catalog
        }
        if let cached { return cached }
        do {
            let catalog = try await list(at: time)
            state.withLock { $0 = (catalog, time, nil) }
            return catalog
        } catch {
            return state.withLock { current in
                current.lastError = "\(error)"
                return current.catalog
            }
        }
    }

    /// One series listing per distinct `seriesQuery` (as the adapter does).
    private func list(at time: Int64) async throws -> AdapterCatalog {
        var bySelector: [String: [Labels]] = [:]
        for rule in rules.rules + rules.externalRules where bySelector[rule.seriesQuery] == nil {
            bySelector[rule.seriesQuery] = try await source.series(matching: rule.seriesQuery, start: time - seriesWindow, end: time)
        }
        return AdapterCatalog(rules: rules) { rule in (bySelector[rule.seriesQuery] ?? []).sorted() }
    }
}
