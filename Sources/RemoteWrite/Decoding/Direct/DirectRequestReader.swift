import TSDB

/// Reads a `prometheus.WriteRequest` straight from the decompressed bytes.
///
/// The batch's label pointers point into the decompression buffer itself, so
/// a request costs no allocation at all beyond the reused batch arrays: no
/// per-message structs, no string copies. protobuf-c's unpacker spends ~70 ns
/// building each small message; this reader spends that on a whole series.
/// It refuses exactly the malformed input protobuf-c refuses (a differential
/// fuzz test holds the two to that).
struct DirectRequestReader {
    var result = ReadResult()
    private var names = LabelNameMemo()
    private let maxSeries: Int
    private let maxBatchBytes: Int

    /// - Parameter maxBatchBytes: bound on the batch arrays (maxDecodedBytes),
    ///   the one allocation that grows with a hostile request.
    init(maxSeries: Int, maxBatchBytes: Int) {
        self.maxSeries = maxSeries
        self.maxBatchBytes = maxBatchBytes
    }

    mutating func read(_ bytes: UnsafeRawBufferPointer, into batch: inout IngestBatch) throws(DirectDecodeError) {
        var reader = WireReader(bytes)
        var seriesCount = 0
        while !reader.isAtEnd {
            let (number, wire) = try reader.field()
            switch number {
            case 1:
                try WireReader.expect(wire, .lengthDelimited)
                seriesCount += 1
                guard seriesCount <= maxSeries else { throw .tooManySeries }
                try readSeries(try reader.lengthDelimited(), into: &batch)
                let batchBytes = batch.labels.count * MemoryLayout<RawLabel>.stride
                    + batch.samples.count * MemoryLayout<Sample>.stride
                    + batch.series.count * MemoryLayout<IngestSeries>.stride
                guard batchBytes <= maxBatchBytes else { throw .tooLarge }
            case 3:
                try WireReader.expect(wire, .lengthDelimited)
                if let metadata = try DirectMessages.metadata(try reader.lengthDelimited()) {
                    result.metadata.append(metadata)
                }
            default:
                try reader.skip(wire)
            }
        }
    }

    private mutating func readSeries(_ bytes: UnsafeRawBufferPointer, into batch: inout IngestBatch) throws(WireReader.Malformed) {
        let labelStart = batch.labels.count
        let sampleStart = batch.samples.count
        var builder = LabelSetBuilder(start: labelStart)
        var exemplars: [UnsafeRawBufferPointer] = []
        var histogramCount = 0
        var firstHistogramTimestamp: Int64 = 0

        var reader = WireReader(bytes)
        while !reader.isAtEnd {
            let (number, wire) = try reader.field()
            switch number {
            case 1:
                try WireReader.expect(wire, .lengthDelimited)
                let (name, value) = try DirectMessages.label(try reader.lengthDelimited())
                builder.add(name: name, value: value, to: &batch.labels, memo: &names)
            case 2:
                try WireReader.expect(wire, .lengthDelimited)
                batch.samples.append(try DirectMessages.sample(try reader.lengthDelimited()))
            case 3:
                try WireReader.expect(wire, .lengthDelimited)
                let exemplar = try reader.lengthDelimited()
                try DirectMessages.checkExemplar(exemplar)
                exemplars.append(exemplar)
            case 4:
                try WireReader.expect(wire, .lengthDelimited)
                let timestamp = try DirectMessages.histogramTimestamp(try reader.lengthDelimited())
                if histogramCount == 0 { firstHistogramTimestamp = timestamp }
                histogramCount += 1
            default:
                try reader.skip(wire)
            }
        }

        let sampleCount = batch.samples.count - sampleStart
        if let problem = builder.finish(&batch.labels) {
            batch.labels.removeSubrange(labelStart...)
            batch.samples.removeSubrange(sampleStart...)
            result.refusals.refuseSeries(
                reason: RemoteWriteOutcome.Reason.invalidLabels,
                samples: sampleCount + histogramCount,
                describe: { DirectMessages.describeSeries(bytes) },
                detail: { problem.detail }
            )
            result.droppedExemplars += exemplars.count
            return
        }

        if !exemplars.isEmpty {
            let seriesLabels = ExemplarReader.labels(batch.labels[labelStart...])
            for exemplar in exemplars {
                if let value = try DirectMessages.exemplar(exemplar, seriesLabels: seriesLabels) {
                    result.exemplars.append(value)
                } else {
                    result.droppedExemplars += 1
                }
            }
        }

        if histogramCount > 0 {
            result.refusals.refuseSamples(
                reason: RemoteWriteOutcome.Reason.nativeHistogram,
                count: histogramCount,
                describe: { SeriesText.describe(Array(batch.labels[labelStart...])) },
                timestamp: firstHistogramTimestamp,
                detail: "native histograms are not supported yet"
            )
        }

        batch.closeSeries(labelStart: labelStart, sampleStart: sampleStart)
    }
}
