import TSDB

/// Readers for the small messages inside a `TimeSeries`, field numbers as in
/// proto/remote_write_v1.proto. Scalars keep the last occurrence, as in
/// protobuf-c; unknown fields are skipped.
enum DirectMessages {
    typealias Malformed = WireReader.Malformed

    /// `Label { bytes name = 1; bytes value = 2; }`
    @inline(__always)
    static func label(_ bytes: UnsafeRawBufferPointer) throws(Malformed) -> (UnsafeRawBufferPointer, UnsafeRawBufferPointer) {
        // What every encoder writes for short labels: name (field 1) then
        // value (field 2), one-byte lengths, nothing else. Read it without
        // the general loop, which gives the same answer for these bytes.
        if bytes.count >= 4, bytes[0] == 0x0a, bytes[1] < 0x80 {
            let nameEnd = 2 + Int(bytes[1])
            if nameEnd + 2 <= bytes.count, bytes[nameEnd] == 0x12, bytes[nameEnd + 1] < 0x80,
               nameEnd + 2 + Int(bytes[nameEnd + 1]) == bytes.count {
                return (
                    UnsafeRawBufferPointer(rebasing: bytes[2 ..< nameEnd]),
                    UnsafeRawBufferPointer(rebasing: bytes[(nameEnd + 2)...])
                )
            }
        }
        var name = UnsafeRawBufferPointer(start: nil, count: 0)
        var value = UnsafeRawBufferPointer(start: nil, count: 0)
        var reader = WireReader(bytes)
        while !reader.isAtEnd {
            let (number, wire) = try reader.field()
            switch number {
            case 1:
                try WireReader.expect(wire, .lengthDelimited)
                name = try reader.lengthDelimited()
            case 2:
                try WireReader.expect(wire, .lengthDelimited)
                value = try reader.lengthDelimited()
            default:
                try reader.skip(wire)
            }
        }
        return (name, value)
    }

    /// `Sample { double value = 1; int64 timestamp = 2; }`
    @inline(__always)
    static func sample(_ bytes: UnsafeRawBufferPointer) throws(Malformed) -> Sample {
        var sample = Sample(timestamp: 0, value: 0)
        var reader = WireReader(bytes)
        while !reader.isAtEnd {
            let (number, wire) = try reader.field()
            switch number {
            case 1:
                try WireReader.expect(wire, .fixed64)
                sample.value = Double(bitPattern: try reader.fixed64())
            case 2:
                try WireReader.expect(wire, .varint)
                sample.timestamp = Int64(bitPattern: try reader.varint())
            default:
                try reader.skip(wire)
            }
        }
        return sample
    }

    /// `Exemplar { repeated Label labels = 1; double value = 2; int64 timestamp = 3; }`,
    /// or nil when its labels are invalid.
    static func exemplar(_ bytes: UnsafeRawBufferPointer, seriesLabels: Labels) throws(Malformed) -> Exemplar? {
        var labels: [RawLabel] = []
        var value = 0.0
        var timestamp: Int64 = 0
        var reader = WireReader(bytes)
        while !reader.isAtEnd {
            let (number, wire) = try reader.field()
            switch number {
            case 1:
                try WireReader.expect(wire, .lengthDelimited)
                let (name, labelValue) = try label(try reader.lengthDelimited())
                labels.append(RawLabel(name: name, value: labelValue))
            case 2:
                try WireReader.expect(wire, .fixed64)
                value = Double(bitPattern: try reader.fixed64())
            case 3:
                try WireReader.expect(wire, .varint)
                timestamp = Int64(bitPattern: try reader.varint())
            default:
                try reader.skip(wire)
            }
        }
        return ExemplarReader.make(labels, value: value, timestamp: timestamp, seriesLabels: seriesLabels)
    }

    /// Structure check only, so a malformed exemplar fails the request before
    /// the series' labels are known.
    static func checkExemplar(_ bytes: UnsafeRawBufferPointer) throws(Malformed) {
        var reader = WireReader(bytes)
        while !reader.isAtEnd {
            let (number, wire) = try reader.field()
            switch number {
            case 1:
                try WireReader.expect(wire, .lengthDelimited)
                _ = try label(try reader.lengthDelimited())
            case 2:
                try WireReader.expect(wire, .fixed64)
                _ = try reader.fixed64()
            case 3:
                try WireReader.expect(wire, .varint)
                _ = try reader.varint()
            default:
                try reader.skip(wire)
            }
        }
    }

    /// Validates a native `Histogram` message and returns its timestamp.
    static func histogramTimestamp(_ bytes: UnsafeRawBufferPointer) throws(Malformed) -> Int64 {
        var timestamp: Int64 = 0
        var reader = WireReader(bytes)
        while !reader.isAtEnd {
            let (number, wire) = try reader.field()
            switch number {
            case 1, 4, 6, 14:  // count_int, schema, zero_count_int, reset_hint
                try WireReader.expect(wire, .varint)
                _ = try reader.varint()
            case 15:
                try WireReader.expect(wire, .varint)
                timestamp = Int64(bitPattern: try reader.varint())
            case 2, 3, 5, 7:  // count_float, sum, zero_threshold, zero_count_float
                try WireReader.expect(wire, .fixed64)
                _ = try reader.fixed64()
            case 8, 11:  // negative_spans, positive_spans
                try WireReader.expect(wire, .lengthDelimited)
                try checkBucketSpan(try reader.lengthDelimited())
            case 9, 12:  // negative_deltas, positive_deltas (sint64, packed or not)
                try reader.skipRepeatedVarints(wire)
            case 10, 13:  // negative_counts, positive_counts (double, packed or not)
                try reader.skipRepeatedFixed64(wire)
            default:
                try reader.skip(wire)
            }
        }
        return timestamp
    }

    /// `BucketSpan { sint32 offset = 1; uint32 length = 2; }`
    private static func checkBucketSpan(_ bytes: UnsafeRawBufferPointer) throws(Malformed) {
        var reader = WireReader(bytes)
        while !reader.isAtEnd {
            let (number, wire) = try reader.field()
            switch number {
            case 1, 2:
                try WireReader.expect(wire, .varint)
                _ = try reader.varint()
            default:
                try reader.skip(wire)
            }
        }
    }

    /// `MetricMetadata { MetricType type = 1; string metric_family_name = 2; string help = 4; string unit = 5; }`
    static func metadata(_ bytes: UnsafeRawBufferPointer) throws(Malformed) -> MetricMetadata? {
        var type: UInt64 = 0
        var name = UnsafeRawBufferPointer(start: nil, count: 0)
        var help = name
        var unit = name
        var reader = WireReader(bytes)
        while !reader.isAtEnd {
            let (number, wire) = try reader.field()
            switch number {
            case 1:
                try WireReader.expect(wire, .varint)
                type = try reader.varint()
            case 2:
                try WireReader.expect(wire, .lengthDelimited)
                name = try reader.lengthDelimited()
            case 4:
                try WireReader.expect(wire, .lengthDelimited)
                help = try reader.lengthDelimited()
            case 5:
                try WireReader.expect(wire, .lengthDelimited)
                unit = try reader.lengthDelimited()
            default:
                try reader.skip(wire)
            }
        }
        return MetadataReader.make(name: name, type: UInt32(truncatingIfNeeded: type), help: help, unit: unit)
    }

    /// The series' labels as sent, for the message naming a refused series.
    static func describeSeries(_ bytes: UnsafeRawBufferPointer) -> String {
        var raw: [RawLabel] = []
        var reader = WireReader(bytes)
        while !reader.isAtEnd {
            guard let (number, wire) = try? reader.field() else { break }
            if number == 1, wire == .lengthDelimited,
               let message = try? reader.lengthDelimited(), let (name, value) = try? label(message) {
                raw.append(RawLabel(name: name, value: value))
            } else if (try? reader.skip(wire)) == nil {
                break
            }
        }
        return SeriesText.describe(raw)
    }
}
