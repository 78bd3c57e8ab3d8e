import TSDB

/// A minimal in-memory `SeriesQuerier` for tests: series kept sorted by
/// labels, matchers applied to every series.
struct ArrayQuerier: SeriesQuerier {
    private(set) var data: [(labels: Labels, samples: [Sample])] = []

    init() {}

    /// Loads series in expanding notation, one per line, `interval` ms apart from `start`.
    init(interval: Int64, start: Int64 = 0, _ text: String) throws {
        for line in text.split(separator: "\n") where !line.trimmingCharacters(in: " \t").isEmpty {
            let (labels, samples) = try SeriesNotation.series(String(line), interval: interval, start: start)
            add(labels, samples)
        }
    }

    mutating func add(_ labels: Labels, _ samples: [Sample]) {
        if let index = data.firstIndex(where: { $0.labels == labels }) {
            data[index].samples = (data[index].samples + samples).sorted { $0.timestamp < $1.timestamp }
        } else {
            data.append((labels, samples))
            data.sort { $0.labels < $1.labels }
        }
    }

    private func matching(_ matchers: [LabelMatcher]) -> [(labels: Labels, samples: [Sample])] {
        data.filter { series in matchers.allSatisfy { $0.matches(series.labels[$0.name] ?? "") } }
    }

    func select(_ matchers: [LabelMatcher], minTime: Int64, maxTime: Int64) throws -> [SelectedSeries] {
        matching(matchers).compactMap { series in
            let samples = series.samples.filter { $0.timestamp >= minTime && $0.timestamp <= maxTime }
            return samples.isEmpty ? nil : SelectedSeries(labels: series.labels, samples: samples)
        }
    }

    func series(_ matchers: [LabelMatcher], minTime: Int64, maxTime: Int64) throws -> [Labels] {
        try select(matchers, minTime: minTime, maxTime: maxTime).map(\.labels)
    }

    func labelNames(_ matchers: [LabelMatcher], minTime: Int64, maxTime: Int64) throws -> [String] {
        Array(Set(try series(matchers, minTime: minTime, maxTime: maxTime).flatMap { $0.map(\.name) })).sorted()
    }

    func labelValues(_ name: String, _ matchers: [LabelMatcher], minTime: Int64, maxTime: Int64) throws -> [String] {
        Array(Set(try series(matchers, minTime: minTime, maxTime: maxTime).compactMap { $0[name] })).sorted()
    }
}
