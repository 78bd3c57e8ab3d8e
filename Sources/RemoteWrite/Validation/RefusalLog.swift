import TSDB

/// Counts of refused samples by reason plus the first few refusals spelled
/// out, which become the 400 response body.
struct RefusalLog {
    static let maxExamples = 5

    private(set) var rejected: [String: Int] = [:]
    private(set) var refusedSeries = 0
    private(set) var examples: [String] = []
    /// Refusal events, of which `examples` shows the first few.
    private(set) var events = 0

    var isEmpty: Bool { events == 0 }
    var rejectedSamples: Int { rejected.values.reduce(0, +) }
    var wantsExamples: Bool { examples.count < RefusalLog.maxExamples }

    /// A series refused as a whole; its samples and histograms count as rejected.
    mutating func refuseSeries(reason: String, samples: Int, describe series: () -> String, detail: () -> String) {
        refusedSeries += 1
        events += 1
        if samples > 0 { rejected[reason, default: 0] += samples }
        if wantsExamples { examples.append("\(reason) for \(series()) (\(detail()))") }
    }

    /// Samples of an otherwise accepted series refused for one reason.
    mutating func refuseSamples(
        reason: String, count: Int, describe series: () -> String, timestamp: Int64, detail: String? = nil
    ) {
        guard count > 0 else { return }
        events += 1
        rejected[reason, default: 0] += count
        if wantsExamples {
            let suffix = detail.map { " (\($0))" } ?? ""
            examples.append("\(reason) for \(series()) at \(timestamp)\(suffix)")
        }
    }

    /// Merges the store's verdict, naming series from the batch it was given.
    mutating func record(_ result: IngestResult, batch: IngestBatch) {
        for (reason, count) in result.rejected { rejected[reason.rawValue, default: 0] += count }
        events += result.rejectedSamples
        for example in result.examples where wantsExamples {
            guard batch.series.indices.contains(example.seriesIndex) else { continue }
            let series = batch.series[example.seriesIndex]
            let start = Int(series.labelStart)
            let labels = Array(batch.labels[start..<(start + Int(series.labelCount))])
            examples.append("\(example.reason.rawValue) for \(SeriesText.describe(labels)) at \(example.timestamp)")
        }
    }

    /// e.g. `3 samples rejected (invalid_labels: 1, out_of_order: 2): out_of_order for up{job="x"} at 1700000000000; …`
    var message: String {
        let samples = rejectedSamples
        var head: String
        if samples > 0 {
            let breakdown = rejected.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
            head = "\(samples) sample\(samples == 1 ? "" : "s") rejected (\(breakdown))"
            if refusedSeries > 0 { head += ", \(refusedSeries) series refused" }
        } else {
            head = "\(refusedSeries) series refused"
        }
        var text = head + ": " + examples.joined(separator: "; ")
        let more = events - examples.count
        if more > 0 { text += "; and \(more) more" }
        return text
    }
}
