import TSDB

/// One sample agent360 derived itself (a verdict, a replica count, a cost),
/// before it is written into the store and exported on /metrics.
struct DerivedSample: Sendable, Equatable {
    /// Includes `__name__`.
    var labels: Labels
    var value: Double

    init(_ name: String, _ labels: [(String, String)], _ value: Double) {
        var all = labels.filter { !$0.1.isEmpty }.map { Label($0.0, $0.1) }
        all.append(Label(Labels.metricName, name))
        self.labels = Labels(all)
        self.value = value
    }
}

/// Writes each evaluation's derived samples into the store, the way the rules
/// engine writes recorded series: a series written last time but not this
/// time gets a stale marker, so queries and dashboards drop it at once
/// instead of showing its last value for five minutes.
struct DerivedSeriesWriter: Sendable {
    private(set) var previous: Set<Labels> = []

    mutating func write(_ samples: [DerivedSample], at time: Int64, into store: MemoryStore) {
        var current = Set<Labels>()
        for sample in samples where current.insert(sample.labels).inserted {
            _ = store.append(sample.labels, [Sample(timestamp: time, value: sample.value)], now: time)
        }
        for gone in previous where !current.contains(gone) {
            _ = store.append(gone, [Sample(timestamp: time, value: StaleMarker.value)], now: time)
        }
        previous = current
    }
}
