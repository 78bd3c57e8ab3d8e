import TSDB

/// Collects results produced step by step (binary operators, aggregations)
/// into series.
///
/// Series are identified by the caller (usually per input series or group);
/// with `mergesByLabels`, outputs with the same labels become one series, as
/// Prometheus merges per-step results by label set. Two values for one
/// series at the same step are an error.
struct OutputAssembler {
    private let grid: StepGrid
    private let mergesByLabels: Bool
    private let duplicateError: QueryError
    private(set) var metrics: [SeriesMetric] = []
    private var lastStep: [Int] = []
    private var singleValues: [Double] = []
    private var pointLists: [[Sample]] = []
    private var byLabels: [Labels: Int] = [:]

    init(grid: StepGrid, mergesByLabels: Bool, duplicateError: QueryError = .duplicateLabelset) {
        self.grid = grid
        self.mergesByLabels = mergesByLabels
        self.duplicateError = duplicateError
    }

    /// A new output series, or the existing one with the same labels when merging.
    mutating func series(for metric: SeriesMetric) -> Int {
        if mergesByLabels {
            let labels = metric.materialized
            if let existing = byLabels[labels] { return existing }
            byLabels[labels] = metrics.count
        }
        metrics.append(metric)
        lastStep.append(-1)
        if grid.count == 1 {
            singleValues.append(0)
        } else {
            pointLists.append([])
        }
        return metrics.count - 1
    }

    mutating func append(_ series: Int, step: Int, value: Double) throws {
        if lastStep[series] == step { throw duplicateError }
        lastStep[series] = step
        if grid.count == 1 {
            singleValues[series] = value
        } else {
            pointLists[series].append(Sample(timestamp: grid.time(step), value: value))
        }
    }

    /// Whether `series` already has a value at `step`.
    func hasValue(_ series: Int, step: Int) -> Bool { lastStep[series] == step }

    func build() -> SeriesSet {
        var set = SeriesSet(reservingSeries: metrics.count, points: grid.count == 1 ? metrics.count : 0)
        for series in metrics.indices where lastStep[series] >= 0 {
            if grid.count == 1 {
                set.points.append(Sample(timestamp: grid.start, value: singleValues[series]))
                set.closeSeries(metrics[series])
            } else {
                set.append(metrics[series], pointLists[series])
            }
        }
        return set
    }
}

/// Walks the series of a `SeriesSet` step by step without searching.
struct StepCursor {
    private var next: [Int]
    private let ends: [Int]

    init(_ set: SeriesSet) {
        var starts: [Int] = []
        starts.reserveCapacity(set.count)
        var previous = 0
        for end in set.ends {
            starts.append(previous)
            previous = end
        }
        next = starts
        ends = set.ends
    }

    /// The value of `series` at `time`, consuming it; nil when absent.
    @inline(__always)
    mutating func value(_ series: Int, at time: Int64, in set: SeriesSet) -> Double? {
        let index = next[series]
        guard index < ends[series], set.points[index].timestamp == time else { return nil }
        next[series] = index + 1
        return set.points[index].value
    }
}

/// Prometheus's text forms for labels in error messages.
enum PrometheusText {
    /// `labels.Labels.String()`: `{__name__="up", job="api"}`.
    static func labels(_ labels: Labels) -> String {
        "{" + labels.map { "\($0.name)=\(GoQuote.quote($0.value))" }.joined(separator: ", ") + "}"
    }
}
