import CPrompb
import TSDB

/// Packs a request by building protobuf-c structs and calling its packer:
/// the reference the direct packer is tested against.
enum ProtobufCPacker {
    static func pack(_ request: RemoteWriteRequest) -> [UInt8] {
        let arena = PackArena()
        var message = Prometheus__WriteRequest()
        prometheus__write_request__init(&message)

        message.n_timeseries = request.series.count
        let seriesPointers = arena.allocate(UnsafeMutablePointer<Prometheus__TimeSeries>?.self, count: request.series.count)
        message.timeseries = seriesPointers
        let series = arena.allocate(Prometheus__TimeSeries.self, count: request.series.count)
        for (index, source) in request.series.enumerated() {
            let target = series + index
            prometheus__time_series__init(target)
            fill(target, from: source, arena: arena)
            seriesPointers[index] = target
        }

        message.n_metadata = request.metadata.count
        let metadataPointers = arena.allocate(UnsafeMutablePointer<Prometheus__MetricMetadata>?.self, count: request.metadata.count)
        message.metadata = metadataPointers
        let metadata = arena.allocate(Prometheus__MetricMetadata.self, count: request.metadata.count)
        for (index, source) in request.metadata.enumerated() {
            let target = metadata + index
            prometheus__metric_metadata__init(target)
            target.pointee.type = Prometheus__MetricMetadata__MetricType(rawValue: source.type.protoNumber)
            target.pointee.metric_family_name = cString(source.metricFamilyName, arena: arena)
            target.pointee.help = cString(source.help, arena: arena)
            target.pointee.unit = cString(source.unit, arena: arena)
            metadataPointers[index] = target
        }

        let size = prometheus__write_request__get_packed_size(&message)
        return [UInt8](unsafeUninitializedCapacity: max(size, 1)) { buffer, count in
            count = buffer.baseAddress.map { prometheus__write_request__pack(&message, $0) } ?? 0
        }
    }

    private static func fill(_ target: UnsafeMutablePointer<Prometheus__TimeSeries>, from source: RemoteWriteRequest.Series, arena: PackArena) {
        (target.pointee.n_labels, target.pointee.labels) = labels(source.labels, arena: arena)

        target.pointee.n_samples = source.samples.count
        let samplePointers = arena.allocate(UnsafeMutablePointer<Prometheus__Sample>?.self, count: source.samples.count)
        target.pointee.samples = samplePointers
        let samples = arena.allocate(Prometheus__Sample.self, count: source.samples.count)
        for (index, sample) in source.samples.enumerated() {
            prometheus__sample__init(samples + index)
            samples[index].timestamp = sample.timestamp
            samples[index].value = sample.value
            samplePointers[index] = samples + index
        }

        target.pointee.n_exemplars = source.exemplars.count
        let exemplarPointers = arena.allocate(UnsafeMutablePointer<Prometheus__Exemplar>?.self, count: source.exemplars.count)
        target.pointee.exemplars = exemplarPointers
        let exemplars = arena.allocate(Prometheus__Exemplar.self, count: source.exemplars.count)
        for (index, exemplar) in source.exemplars.enumerated() {
            prometheus__exemplar__init(exemplars + index)
            (exemplars[index].n_labels, exemplars[index].labels) = labels(exemplar.labels, arena: arena)
            exemplars[index].value = exemplar.value
            exemplars[index].timestamp = exemplar.timestamp
            exemplarPointers[index] = exemplars + index
        }

        target.pointee.n_histograms = source.histograms.count
        let histogramPointers = arena.allocate(UnsafeMutablePointer<Prometheus__Histogram>?.self, count: source.histograms.count)
        target.pointee.histograms = histogramPointers
        let histograms = arena.allocate(Prometheus__Histogram.self, count: source.histograms.count)
        for (index, histogram) in source.histograms.enumerated() {
            fill(histograms + index, from: histogram, arena: arena)
            histogramPointers[index] = histograms + index
        }
    }

    private static func fill(_ target: UnsafeMutablePointer<Prometheus__Histogram>, from source: RemoteWriteRequest.Histogram, arena: PackArena) {
        prometheus__histogram__init(target)
        target.pointee.timestamp = source.timestamp
        target.pointee.count_case = PROMETHEUS__HISTOGRAM__COUNT_COUNT_INT
        target.pointee.count_int = source.count
        target.pointee.sum = source.sum
        target.pointee.schema = source.schema
        target.pointee.zero_threshold = source.zeroThreshold
        target.pointee.zero_count_case = PROMETHEUS__HISTOGRAM__ZERO_COUNT_ZERO_COUNT_INT
        target.pointee.zero_count_int = source.zeroCount
        target.pointee.n_positive_spans = source.positiveSpans.count
        let spanPointers = arena.allocate(UnsafeMutablePointer<Prometheus__BucketSpan>?.self, count: source.positiveSpans.count)
        target.pointee.positive_spans = spanPointers
        let spans = arena.allocate(Prometheus__BucketSpan.self, count: source.positiveSpans.count)
        for (index, span) in source.positiveSpans.enumerated() {
            prometheus__bucket_span__init(spans + index)
            spans[index].offset = span.offset
            spans[index].length = span.length
            spanPointers[index] = spans + index
        }
        target.pointee.n_positive_deltas = source.positiveDeltas.count
        let deltas = arena.allocate(Int64.self, count: source.positiveDeltas.count)
        for (index, delta) in source.positiveDeltas.enumerated() { deltas[index] = delta }
        target.pointee.positive_deltas = deltas
    }

    private static func labels(
        _ source: [RemoteWriteRequest.Label], arena: PackArena
    ) -> (Int, UnsafeMutablePointer<UnsafeMutablePointer<Prometheus__Label>?>) {
        let pointers = arena.allocate(UnsafeMutablePointer<Prometheus__Label>?.self, count: source.count)
        let labels = arena.allocate(Prometheus__Label.self, count: source.count)
        for (index, label) in source.enumerated() {
            prometheus__label__init(labels + index)
            labels[index].name = ProtobufCBinaryData(len: label.name.count, data: arena.copy(label.name))
            labels[index].value = ProtobufCBinaryData(len: label.value.count, data: arena.copy(label.value))
            pointers[index] = labels + index
        }
        return (source.count, pointers)
    }

    private static func cString(_ text: String, arena: PackArena) -> UnsafeMutablePointer<CChar> {
        let bytes = arena.copy(Array(text.utf8), nulTerminated: true)
        return UnsafeMutableRawPointer(bytes).assumingMemoryBound(to: CChar.self)
    }
}

extension MetricMetadata.MetricType {
    /// The `MetricMetadata.MetricType` enum number on the wire.
    var protoNumber: UInt32 {
        switch self {
        case .unknown: return 0
        case .counter: return 1
        case .gauge: return 2
        case .histogram: return 3
        case .gaugehistogram: return 4
        case .summary: return 5
        case .info: return 6
        case .stateset: return 7
        }
    }
}
