import RemoteWrite
import TSDB

/// A sink that copies everything it is given into Swift values (the batch's
/// label pointers die with the request) and can play a store that refuses
/// samples, to exercise the 400 path for store rejections.
final class RecordingSink: RemoteWriteSink {
    struct Series: Equatable {
        var labels: Labels
        var samples: [Sample]
    }

    private(set) var series: [Series] = []
    private(set) var metadata: [MetricMetadata] = []
    private(set) var exemplars: [Exemplar] = []
    private(set) var ingestCalls = 0
    private(set) var lastNow: Int64?
    /// Label names of each delivered series, raw, to check sort order.
    private(set) var rawNameOrder: [[String]] = []

    /// Samples with a timestamp below this are refused as out of order.
    var refuseBefore: Int64?

    func ingest(_ batch: IngestBatch, now: Int64) -> IngestResult {
        ingestCalls += 1
        lastNow = now
        var result = IngestResult()
        for (index, entry) in batch.series.enumerated() {
            let start = Int(entry.labelStart)
            let raw = batch.labels[start..<(start + Int(entry.labelCount))]
            let labels = raw.map { Label(String(decoding: $0.name, as: UTF8.self), String(decoding: $0.value, as: UTF8.self)) }
            rawNameOrder.append(labels.map(\.name))
            let sampleStart = Int(entry.sampleStart)
            var kept: [Sample] = []
            for sample in batch.samples[sampleStart..<(sampleStart + Int(entry.sampleCount))] {
                if let limit = refuseBefore, sample.timestamp < limit {
                    result.reject(Rejection(seriesIndex: index, timestamp: sample.timestamp, reason: .outOfOrder))
                } else {
                    kept.append(sample)
                    result.acceptedSamples += 1
                }
            }
            series.append(Series(labels: Labels(sorted: labels), samples: kept))
            result.createdSeries += 1
        }
        return result
    }

    func setMetadata(_ metadata: [MetricMetadata]) {
        self.metadata.append(contentsOf: metadata)
    }

    func addExemplars(_ exemplars: [Exemplar]) {
        self.exemplars.append(contentsOf: exemplars)
    }

    var sampleCount: Int { series.reduce(0) { $0 + $1.samples.count } }

    func series(named name: String) -> [Series] {
        series.filter { $0.labels.metricName == name }
    }
}

/// A sink that does nothing, for timing.
struct NullSink: RemoteWriteSink {
    func ingest(_ batch: IngestBatch, now: Int64) -> IngestResult {
        var result = IngestResult()
        result.acceptedSamples = batch.samples.count
        return result
    }

    func setMetadata(_ metadata: [MetricMetadata]) {}
    func addExemplars(_ exemplars: [Exemplar]) {}
}
