/// One series selected for a query, with its samples in the requested range.
public struct SelectedSeries: Sendable {
    public let labels: Labels
    /// Ascending by timestamp; stale markers included (callers decide).
    public let samples: [Sample]

    public init(labels: Labels, samples: [Sample]) {
        self.labels = labels
        self.samples = samples
    }
}

/// What the query engine and the HTTP API read from a store.
///
/// Kept as a protocol so PromQL can run against the in-memory store and,
/// later, against a remote Prometheus-compatible backend.
public protocol SeriesQuerier: Sendable {
    /// Series matching all `matchers` with at least one sample in
    /// `[minTime, maxTime]` (milliseconds, inclusive), sorted by labels.
    func select(_ matchers: [LabelMatcher], minTime: Int64, maxTime: Int64) throws -> [SelectedSeries]

    /// Calls `visitor` once per series matching all `matchers` with at least
    /// one sample in `[minTime, maxTime]`, lending its samples and labels
    /// (see `SeriesVisit`) instead of materialising them: the read path of
    /// whole-fleet queries. Order is the querier's storage order, not label
    /// order (`MemoryStore`: by shard, then series creation); the default
    /// implementation, built on `select`, goes in label order.
    ///
    /// The visitor must not call back into the querier: `MemoryStore` holds
    /// a shard lock around it. An error it throws ends the visit and is
    /// rethrown.
    func visitSeries(
        _ matchers: [LabelMatcher], minTime: Int64, maxTime: Int64, samples: SampleSelection,
        _ visitor: (borrowing SeriesVisit) throws -> Void
    ) throws

    /// Label sets of matching series (no samples), sorted.
    func series(_ matchers: [LabelMatcher], minTime: Int64, maxTime: Int64) throws -> [Labels]

    /// Sorted label names over series matching `matchers` (all series when empty).
    func labelNames(_ matchers: [LabelMatcher], minTime: Int64, maxTime: Int64) throws -> [String]

    /// Sorted values of `name` over series matching `matchers` (all series when empty).
    func labelValues(_ name: String, _ matchers: [LabelMatcher], minTime: Int64, maxTime: Int64) throws -> [String]
}
