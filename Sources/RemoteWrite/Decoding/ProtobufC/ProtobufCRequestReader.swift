import CPrompb
import TSDB

/// Walks a protobuf-c-unpacked `prometheus.WriteRequest` and fills an
/// `IngestBatch` with pointers straight into protobuf-c's memory, validating
/// each series.
///
/// A valid series costs a few byte comparisons per label and no allocation
/// (the batch arrays keep their capacity across requests). Invalid series are
/// refused whole and logged; exemplars and metadata, which are rare, become
/// Swift values.
struct ProtobufCRequestReader {
    var result = ReadResult()

    mutating func read(_ request: UnsafePointer<Prometheus__WriteRequest>, into batch: inout IngestBatch) {
        let message = request.pointee
        if message.n_timeseries > 0, let list = message.timeseries {
            batch.series.reserveCapacity(message.n_timeseries)
            for index in 0..<message.n_timeseries {
                guard let series = list[index] else { continue }
                readSeries(UnsafePointer(series), into: &batch)
            }
        }
        if message.n_metadata > 0, let list = message.metadata {
            result.metadata = MetadataReader.read(list, count: message.n_metadata)
        }
    }

    private mutating func readSeries(_ pointer: UnsafePointer<Prometheus__TimeSeries>, into batch: inout IngestBatch) {
        let series = pointer.pointee
        let labelStart = batch.labels.count
        if let problem = ProtobufCLabels.append(series, to: &batch.labels) {
            batch.labels.removeSubrange(labelStart...)
            result.refusals.refuseSeries(
                reason: RemoteWriteOutcome.Reason.invalidLabels,
                samples: series.n_samples + series.n_histograms,
                describe: { ProtobufCLabels.describe(series) },
                detail: { problem.detail }
            )
            result.droppedExemplars += series.n_exemplars
            return
        }

        if series.n_exemplars > 0, let list = series.exemplars {
            let seriesLabels = ExemplarReader.labels(batch.labels[labelStart...])
            for index in 0..<series.n_exemplars {
                if let exemplar = list[index], let value = ExemplarReader.read(exemplar.pointee, seriesLabels: seriesLabels) {
                    result.exemplars.append(value)
                } else {
                    result.droppedExemplars += 1
                }
            }
        }

        if series.n_histograms > 0 {
            let first = series.histograms?[0]?.pointee.timestamp ?? 0
            result.refusals.refuseSamples(
                reason: RemoteWriteOutcome.Reason.nativeHistogram,
                count: series.n_histograms,
                describe: { SeriesText.describe(Array(batch.labels[labelStart...])) },
                timestamp: first,
                detail: "native histograms are not supported yet"
            )
        }

        let sampleStart = batch.samples.count
        if series.n_samples > 0, let list = series.samples {
            for index in 0..<series.n_samples {
                guard let sample = list[index] else { continue }
                batch.samples.append(Sample(timestamp: sample.pointee.timestamp, value: sample.pointee.value))
            }
        }
        // Without samples there is nothing for the store (exemplars or histograms only).
        batch.closeSeries(labelStart: labelStart, sampleStart: sampleStart)
    }
}
