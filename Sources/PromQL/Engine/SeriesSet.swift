import TSDB

/// A series' labels plus whether its metric name has been dropped.
///
/// Most functions drop `__name__`; doing that lazily avoids allocating a new
/// label array per series when the next step (say, `sum`) ignores labels.
struct SeriesMetric: Sendable {
    var labels: Labels
    var dropsName: Bool

    init(_ labels: Labels, dropsName: Bool = false) {
        self.labels = labels
        self.dropsName = dropsName
    }

    /// The labels as the user sees them.
    var materialized: Labels {
        dropsName ? labels.droppingMetricName() : labels
    }

    var metricName: String? {
        dropsName ? nil : self[metricNameLabel]
    }

    /// A label's value; a linear scan with `==` beats a binary search with
    /// ordered string comparisons for label sets of typical size.
    subscript(name: String) -> String? {
        if dropsName && name == metricNameLabel { return nil }
        for label in labels.storage where label.name == name { return label.value }
        return nil
    }

    func droppingName() -> SeriesMetric {
        SeriesMetric(labels, dropsName: true)
    }
}

extension Labels {
    /// Without `__name__`, cheaply (it sorts first among lower-case names).
    func droppingMetricName() -> Labels {
        guard let index = firstIndex(where: { $0.name == metricNameLabel }) else { return self }
        var copy = Array(self)
        copy.remove(at: index)
        return Labels(sorted: copy)
    }
}

/// An instant vector evaluated over all steps: series with their points,
/// stored column-wise (one flat points array) to avoid an allocation per
/// series. Point timestamps are step times, ascending within a series.
struct SeriesSet: Sendable {
    var metrics: [SeriesMetric] = []
    /// Exclusive end of each series' points in `points`.
    var ends: [Int] = []
    var points: [Sample] = []

    var count: Int { metrics.count }
    var isEmpty: Bool { metrics.isEmpty }

    func pointRange(_ series: Int) -> Range<Int> {
        (series == 0 ? 0 : ends[series - 1])..<ends[series]
    }

    init() {}

    init(reservingSeries seriesCount: Int, points pointCount: Int) {
        metrics.reserveCapacity(seriesCount)
        ends.reserveCapacity(seriesCount)
        points.reserveCapacity(pointCount)
    }

    /// Appends a series whose points were appended to `points` since the
    /// previous series ended; a series without points is dropped.
    mutating func closeSeries(_ metric: SeriesMetric) {
        let previousEnd = ends.last ?? 0
        guard points.count > previousEnd else { return }
        metrics.append(metric)
        ends.append(points.count)
    }

    /// Appends a complete series (dropped when it has no points).
    mutating func append(_ metric: SeriesMetric, _ seriesPoints: some Collection<Sample>) {
        guard !seriesPoints.isEmpty else { return }
        points.append(contentsOf: seriesPoints)
        metrics.append(metric)
        ends.append(points.count)
    }

    var totalPoints: Int { points.count }
}

/// `__name__`, as a module constant: `Labels.metricName` lives in another
/// module and is not inlinable, which shows up in per-series loops.
let metricNameLabel = "__name__"
