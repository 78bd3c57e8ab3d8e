import RemoteWrite
import TSDB

/// A remote-write sink that keeps a comparable copy of everything delivered,
/// so two decoders' deliveries can be checked for equality. Values are kept
/// as bit patterns: a NaN must equal the same NaN.
final class Recorder: RemoteWriteSink {
    private(set) var series: [String] = []
    private(set) var metadata: [MetricMetadata] = []
    private(set) var exemplars: [String] = []

    func ingest(_ batch: IngestBatch, now: Int64) -> IngestResult {
        var result = IngestResult()
        for entry in batch.series {
            let start = Int(entry.labelStart)
            var line = ""
            for label in batch.labels[start..<(start + Int(entry.labelCount))] {
                line += "\(String(decoding: label.name, as: UTF8.self))=\(String(decoding: label.value, as: UTF8.self)),"
            }
            let sampleStart = Int(entry.sampleStart)
            for sample in batch.samples[sampleStart..<(sampleStart + Int(entry.sampleCount))] {
                line += " \(sample.timestamp):\(sample.value.bitPattern)"
                result.acceptedSamples += 1
            }
            series.append(line)
            result.createdSeries += 1
        }
        return result
    }

    func setMetadata(_ metadata: [MetricMetadata]) {
        self.metadata.append(contentsOf: metadata)
    }

    func addExemplars(_ exemplars: [Exemplar]) {
        for exemplar in exemplars {
            self.exemplars.append("\(exemplar.seriesLabels) \(exemplar.labels) \(exemplar.value.bitPattern) \(exemplar.timestamp)")
        }
    }

    func same(as other: Recorder) -> Bool {
        series == other.series && metadata == other.metadata && exemplars == other.exemplars
    }
}
