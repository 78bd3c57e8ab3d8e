#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TSDB

/// Writes a `prometheus.WriteRequest` straight from Swift values: one pass
/// to size every message, one to write, into a single buffer.
///
/// Output is byte-identical to protobuf-c's packer (field-number order,
/// proto3 defaults omitted, repeated scalars packed); if the two passes ever
/// disagree the writer refuses to overrun and the request is packed by
/// protobuf-c instead.
enum DirectPacker {
    static func pack(_ request: RemoteWriteRequest) -> [UInt8] {
        write(request) ?? ProtobufCPacker.pack(request)
    }

    /// Nil only if the size and write passes disagree (a bug, tested against).
    static func write(_ request: RemoteWriteRequest) -> [UInt8]? {
        let total = Size.request(request)
        var complete = false
        let bytes = [UInt8](unsafeUninitializedCapacity: max(total, 1)) { buffer, count in
            guard let base = buffer.baseAddress else {
                count = 0
                return
            }
            var writer = ByteWriter(start: base, capacity: total)
            writer.request(request)
            complete = !writer.overflowed && writer.written == total
            count = complete ? total : 0
        }
        return complete ? bytes : nil
    }
}

/// Encoded sizes, mirroring `ByteWriter` field by field.
private enum Size {
    @inline(__always)
    static func varint(_ value: UInt64) -> Int {
        value < 0x80 ? 1 : (64 - value.leadingZeroBitCount + 6) / 7
    }

    /// A length-delimited field (tag < 16), omitted when empty as proto3 does.
    @inline(__always)
    static func bytesField(_ count: Int) -> Int {
        count == 0 ? 0 : 1 + varint(UInt64(count)) + count
    }

    /// One element of a repeated message field: always written, even empty.
    @inline(__always)
    static func messageField(_ size: Int) -> Int {
        1 + varint(UInt64(size)) + size
    }

    @inline(__always)
    static func varintField(_ value: UInt64) -> Int {
        value == 0 ? 0 : 1 + varint(value)
    }

    @inline(__always)
    static func doubleField(_ value: Double) -> Int {
        value == 0 ? 0 : 9
    }

    static func label(_ label: RemoteWriteRequest.Label) -> Int {
        bytesField(label.name.count) + bytesField(label.value.count)
    }

    static func sample(_ sample: Sample) -> Int {
        doubleField(sample.value) + varintField(UInt64(bitPattern: sample.timestamp))
    }

    static func exemplar(_ exemplar: RemoteWriteRequest.Exemplar) -> Int {
        var size = doubleField(exemplar.value) + varintField(UInt64(bitPattern: exemplar.timestamp))
        for entry in exemplar.labels { size += messageField(label(entry)) }
        return size
    }

    static func span(_ span: RemoteWriteRequest.Histogram.BucketSpan) -> Int {
        varintField(UInt64(zigzag(span.offset))) + varintField(UInt64(span.length))
    }

    static func packedDeltas(_ deltas: [Int64]) -> Int {
        var size = 0
        for delta in deltas { size += varint(zigzag(delta)) }
        return size
    }

    static func histogram(_ histogram: RemoteWriteRequest.Histogram) -> Int {
        // count_int and zero_count_int are oneof members: written even when 0.
        var size = 1 + varint(histogram.count)
        size += doubleField(histogram.sum)
        size += varintField(UInt64(zigzag(histogram.schema)))
        size += doubleField(histogram.zeroThreshold)
        size += 1 + varint(histogram.zeroCount)
        for span in histogram.positiveSpans { size += messageField(Size.span(span)) }
        size += bytesField(packedDeltas(histogram.positiveDeltas))
        size += varintField(UInt64(bitPattern: histogram.timestamp))
        return size
    }

    static func series(_ series: RemoteWriteRequest.Series) -> Int {
        var size = 0
        for entry in series.labels { size += messageField(label(entry)) }
        for entry in series.samples { size += messageField(sample(entry)) }
        for entry in series.exemplars { size += messageField(exemplar(entry)) }
        for entry in series.histograms { size += messageField(histogram(entry)) }
        return size
    }

    static func metadata(_ metadata: MetricMetadata) -> Int {
        varintField(UInt64(metadata.type.protoNumber)) + bytesField(metadata.metricFamilyName.utf8.count)
            + bytesField(metadata.help.utf8.count) + bytesField(metadata.unit.utf8.count)
    }

    static func request(_ request: RemoteWriteRequest) -> Int {
        var size = 0
        for entry in request.series { size += messageField(series(entry)) }
        for entry in request.metadata { size += messageField(metadata(entry)) }
        return size
    }
}

@inline(__always)
private func zigzag(_ value: Int32) -> UInt32 {
    UInt32(bitPattern: (value << 1) ^ (value >> 31))
}

@inline(__always)
private func zigzag(_ value: Int64) -> UInt64 {
    UInt64(bitPattern: (value << 1) ^ (value >> 63))
}

/// Writes into a fixed buffer; stops (and says so) rather than overrun it.
private struct ByteWriter {
    private let start: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    private(set) var written = 0
    private(set) var overflowed = false

    init(start: UnsafeMutablePointer<UInt8>, capacity: Int) {
        self.start = start
        self.capacity = capacity
    }

    private static let varint: UInt8 = 0
    private static let fixed64: UInt8 = 1
    private static let lengthDelimited: UInt8 = 2

    @inline(__always)
    private mutating func reserve(_ count: Int) -> UnsafeMutablePointer<UInt8>? {
        guard !overflowed, capacity - written >= count else {
            overflowed = true
            return nil
        }
        let at = start + written
        written += count
        return at
    }

    @inline(__always)
    private mutating func varint(_ value: UInt64) {
        guard let at = reserve(Size.varint(value)) else { return }
        var value = value
        var index = 0
        while value >= 0x80 {
            at[index] = UInt8(truncatingIfNeeded: value) | 0x80
            value >>= 7
            index += 1
        }
        at[index] = UInt8(value)
    }

    @inline(__always)
    private mutating func tag(_ field: UInt8, _ wire: UInt8) {
        guard let at = reserve(1) else { return }
        at.pointee = field << 3 | wire
    }

    @inline(__always)
    private mutating func bytesField(_ field: UInt8, _ bytes: UnsafeRawBufferPointer) {
        guard !bytes.isEmpty, let source = bytes.baseAddress else { return }
        tag(field, ByteWriter.lengthDelimited)
        varint(UInt64(bytes.count))
        guard let at = reserve(bytes.count) else { return }
        memcpy(at, source, bytes.count)
    }

    @inline(__always)
    private mutating func bytesField(_ field: UInt8, _ bytes: [UInt8]) {
        bytes.withUnsafeBytes { bytesField(field, $0) }
    }

    private mutating func stringField(_ field: UInt8, _ text: String) {
        var text = text
        text.withUTF8 { bytesField(field, UnsafeRawBufferPointer($0)) }
    }

    @inline(__always)
    private mutating func varintField(_ field: UInt8, _ value: UInt64) {
        guard value != 0 else { return }
        tag(field, ByteWriter.varint)
        varint(value)
    }

    @inline(__always)
    private mutating func doubleField(_ field: UInt8, _ value: Double, always: Bool = false) {
        guard value != 0 || always else { return }
        tag(field, ByteWriter.fixed64)
        guard let at = reserve(8) else { return }
        UnsafeMutableRawPointer(at).storeBytes(of: value.bitPattern.littleEndian, as: UInt64.self)
    }

    @inline(__always)
    private mutating func messageHeader(_ field: UInt8, size: Int) {
        tag(field, ByteWriter.lengthDelimited)
        varint(UInt64(size))
    }

    private mutating func label(_ field: UInt8, _ label: RemoteWriteRequest.Label) {
        messageHeader(field, size: Size.label(label))
        bytesField(1, label.name)
        bytesField(2, label.value)
    }

    private mutating func histogram(_ histogram: RemoteWriteRequest.Histogram) {
        messageHeader(4, size: Size.histogram(histogram))
        tag(1, ByteWriter.varint)
        varint(histogram.count)
        doubleField(3, histogram.sum)
        varintField(4, UInt64(zigzag(histogram.schema)))
        doubleField(5, histogram.zeroThreshold)
        tag(6, ByteWriter.varint)
        varint(histogram.zeroCount)
        for span in histogram.positiveSpans {
            messageHeader(11, size: Size.span(span))
            varintField(1, UInt64(zigzag(span.offset)))
            varintField(2, UInt64(span.length))
        }
        let packed = Size.packedDeltas(histogram.positiveDeltas)
        if packed > 0 {
            messageHeader(12, size: packed)
            for delta in histogram.positiveDeltas { varint(zigzag(delta)) }
        }
        varintField(15, UInt64(bitPattern: histogram.timestamp))
    }

    private mutating func series(_ series: RemoteWriteRequest.Series) {
        messageHeader(1, size: Size.series(series))
        for entry in series.labels { label(1, entry) }
        for sample in series.samples {
            messageHeader(2, size: Size.sample(sample))
            doubleField(1, sample.value)
            varintField(2, UInt64(bitPattern: sample.timestamp))
        }
        for exemplar in series.exemplars {
            messageHeader(3, size: Size.exemplar(exemplar))
            for entry in exemplar.labels { label(1, entry) }
            doubleField(2, exemplar.value)
            varintField(3, UInt64(bitPattern: exemplar.timestamp))
        }
        for histogram in series.histograms { self.histogram(histogram) }
    }

    mutating func request(_ request: RemoteWriteRequest) {
        for series in request.series { self.series(series) }
        for metadata in request.metadata {
            messageHeader(3, size: Size.metadata(metadata))
            varintField(1, UInt64(metadata.type.protoNumber))
            stringField(2, metadata.metricFamilyName)
            stringField(4, metadata.help)
            stringField(5, metadata.unit)
        }
    }
}
