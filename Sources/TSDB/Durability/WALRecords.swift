/// Payload layouts of the WAL's records (see `WALFrame` for the framing).
///
///     series:   count, then per series: id, label count, (name, value)*
///               (`seriesCompressed`: this payload, snappy-compressed)
///     samples:  count, base time, then per sample: Δid, time − base, value
///               (`sampleDeltas`: value as a difference; `samples`, from
///               earlier builds: absolute)
///     metadata: count, then per entry: type, family, help, unit
///
/// Integers are varints (ids as zigzag deltas from the previous sample's, so
/// consecutive samples of one series cost one byte), values are differences
/// from the series' previous value in the same segment (see
/// `ByteWriter.value(_:previous:)` and `WALValueTable`). Series ids are the store's
/// own, which a restore keeps, so records need no id translation.
enum WALRecords {
    // MARK: writing

    /// The labels of one series as (name, value) byte pairs.
    static func appendSeries(
        id: UInt32, labelCount: Int, into writer: inout ByteWriter,
        label: (Int) -> (UnsafeRawBufferPointer, UnsafeRawBufferPointer)
    ) {
        writer.uvarint(UInt64(id))
        writer.uvarint(UInt64(labelCount))
        for index in 0 ..< labelCount {
            let (name, value) = label(index)
            writer.string(name)
            writer.string(value)
        }
    }

    static func appendMetadata(_ metadata: [MetricMetadata], into writer: inout ByteWriter) {
        let start = WALFrame.begin(.metadata, in: &writer)
        writer.uvarint(UInt64(metadata.count))
        for entry in metadata {
            writer.byte(UInt8(MetricMetadata.MetricType.allCases.firstIndex(of: entry.type) ?? 0))
            writer.string(entry.metricFamilyName)
            writer.string(entry.help)
            writer.string(entry.unit)
        }
        WALFrame.finish(at: start, in: &writer)
    }

    // MARK: reading

    /// Calls `body` with each series' id and labels; false when malformed.
    static func readSeries(_ payload: UnsafeRawBufferPointer, _ body: (UInt32, [RawLabel]) -> Void) -> Bool {
        var reader = ByteReader(payload)
        guard let count = reader.count(minBytes: 2) else { return false }
        var labels: [RawLabel] = []
        for _ in 0 ..< count {
            guard let id = reader.uvarint(), id <= UInt64(UInt32.max), let labelCount = reader.count(minBytes: 2) else { return false }
            labels.removeAll(keepingCapacity: true)
            for _ in 0 ..< labelCount {
                guard let name = reader.string(), let value = reader.string() else { return false }
                labels.append(RawLabel(name: name, value: value))
            }
            body(UInt32(id), labels)
        }
        return reader.isAtEnd
    }

    /// Decodes a samples record into parallel arrays (cleared first).
    /// `values` is the segment's table: records decode in file order.
    /// `differences`: a `sampleDeltas` record (else `samples`, absolute).
    static func readSamples(
        _ payload: UnsafeRawBufferPointer, differences: Bool = true, values: inout WALValueTable,
        ids: inout [UInt32], samples: inout [Sample]
    ) -> Bool {
        ids.removeAll(keepingCapacity: true)
        samples.removeAll(keepingCapacity: true)
        var reader = ByteReader(payload)
        guard let count = reader.count(minBytes: 3), let base = reader.varint() else { return false }
        ids.reserveCapacity(count)
        samples.reserveCapacity(count)
        var id: Int64 = 0
        for _ in 0 ..< count {
            guard let delta = reader.varint(), let offset = reader.varint() else { return false }
            id &+= delta
            guard id >= 0, id < Int64(UInt32.max) else { return false }
            let value: Double
            if differences {
                let slot = values.slot(UInt32(id))
                guard let decoded = reader.value(previous: values[slot]) else { return false }
                values[slot] = decoded.bitPattern
                value = decoded
            } else {
                guard let decoded = reader.absoluteValue() else { return false }
                value = decoded
            }
            ids.append(UInt32(id))
            samples.append(Sample(timestamp: base &+ offset, value: value))
        }
        return reader.isAtEnd
    }

    static func readMetadata(_ payload: UnsafeRawBufferPointer) -> [MetricMetadata]? {
        var reader = ByteReader(payload)
        guard let count = reader.count(minBytes: 4) else { return nil }
        var result: [MetricMetadata] = []
        result.reserveCapacity(count)
        let types = MetricMetadata.MetricType.allCases
        for _ in 0 ..< count {
            guard let type = reader.byte(), Int(type) < types.count, let family = reader.text(),
                  let help = reader.text(), let unit = reader.text()
            else { return nil }
            result.append(MetricMetadata(metricFamilyName: family, type: types[Int(type)], help: help, unit: unit))
        }
        return reader.isAtEnd ? result : nil
    }
}

/// Builds one samples record incrementally.
struct SamplesRecordWriter {
    private var start = -1
    private var countOffset = 0
    private var count = 0
    private var base: Int64 = 0
    private var previousID: Int64 = 0

    /// Appends one sample, opening the record on the first.
    @inline(__always)
    mutating func append(id: UInt32, _ sample: Sample, values: inout WALValueTable, into writer: inout ByteWriter) {
        if start < 0 {
            start = WALFrame.begin(.sampleDeltas, in: &writer)
            countOffset = writer.reserveVarint5()
            base = sample.timestamp
            writer.varint(base)
        }
        writer.varint(Int64(id) &- previousID)
        previousID = Int64(id)
        writer.varint(sample.timestamp &- base)
        writer.value(sample.value, previous: values.exchange(id, sample.value.bitPattern))
        count &+= 1
    }

    /// Closes the record, if one was opened.
    mutating func finish(into writer: inout ByteWriter) {
        guard start >= 0 else { return }
        writer.patchVarint5(UInt32(count), at: countOffset)
        WALFrame.finish(at: start, in: &writer)
        self = SamplesRecordWriter()
    }
}
