import RemoteWrite
import TSDB

/// A remote-write body writer for the soak's hot loop: each series' label
/// fields are encoded once per pod generation and copied, so one load core
/// keeps up with a server core. The bytes are those `RemoteWriteEncoder`
/// writes (field order, proto3 zeros omitted); `selfCheck` holds it to that.
enum SoakEncoding {
    static func varint(_ value: UInt64, into out: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        out.append(UInt8(value))
    }

    /// The `labels` fields (TimeSeries field 1) of one label set.
    static func labels(_ labels: [RemoteWriteRequest.Label]) -> [UInt8] {
        var out: [UInt8] = []
        for label in labels {
            var field: [UInt8] = []
            for (tag, bytes) in [(UInt8(0x0A), label.name), (0x12, label.value)] where !bytes.isEmpty {
                field.append(tag)
                varint(UInt64(bytes.count), into: &field)
                field += bytes
            }
            out.append(0x0A)
            varint(UInt64(field.count), into: &out)
            out += field
        }
        return out
    }

    static func varintSize(_ value: UInt64) -> Int {
        value < 0x80 ? 1 : (64 - value.leadingZeroBitCount + 6) / 7
    }

    /// Appends one `timeseries` entry (WriteRequest field 1): the encoded
    /// labels and one sample, written in place (no temporary arrays).
    static func appendSeries(labels: [UInt8], time: Int64, value: Double, into out: inout [UInt8]) {
        let stamp = UInt64(bitPattern: time)
        let sampleSize = (value.bitPattern != 0 ? 9 : 0) + (stamp != 0 ? 1 + varintSize(stamp) : 0)
        out.append(0x0A)
        varint(UInt64(labels.count + 1 + varintSize(UInt64(sampleSize)) + sampleSize), into: &out)
        out += labels
        out.append(0x12)
        varint(UInt64(sampleSize), into: &out)
        if value.bitPattern != 0 {
            out.append(0x09)
            withUnsafeBytes(of: value.bitPattern.littleEndian) { out += $0 }
        }
        if stamp != 0 {
            out.append(0x10)
            varint(stamp, into: &out)
        }
    }

    /// Whether this writer and `RemoteWriteEncoder` agree on a few series
    /// (counter, zero, stale marker), checked once before a soak starts.
    static func selfCheck(fleet: SoakFleet) -> Bool {
        let sets = fleet.labels(pod: 1, generation: 2)
        let values = [42.0, 0, StaleMarker.value]
        var body: [UInt8] = []
        var series: [RemoteWriteRequest.Series] = []
        for (index, value) in values.enumerated() {
            appendSeries(labels: labels(sets[index]), time: 1_700_000_000_000 + Int64(index), value: value, into: &body)
            series.append(.init(labels: sets[index], samples: [Sample(timestamp: 1_700_000_000_000 + Int64(index), value: value)]))
        }
        return body == RemoteWriteEncoder.protobuf(RemoteWriteRequest(series: series))
    }
}
