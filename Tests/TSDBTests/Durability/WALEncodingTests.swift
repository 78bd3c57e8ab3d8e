import Testing
@testable import TSDB

@Suite struct WALEncodingTests {
    @Test("values round-trip bit for bit after any predecessor")
    func valuesRoundTrip() {
        let values: [Double] = [
            0, 1, -1, 42, 1e15, 0x1p52 - 1, -(0x1p52 - 1), 0x1p52, 0x1p60, 0.5, -0.25, 1e-300, .leastNonzeroMagnitude,
            .greatestFiniteMagnitude, .infinity, -.infinity, .nan, StaleMarker.value, -0.0, 12.75, 3.000_000_000_1,
        ]
        var writer = ByteWriter()
        for previous in values {
            for value in values { writer.value(value, previous: previous.bitPattern) }
        }
        writer.bytes.withUnsafeBytes { bytes in
            var reader = ByteReader(bytes)
            for previous in values {
                for value in values {
                    #expect(reader.value(previous: previous.bitPattern)?.bitPattern == value.bitPattern, "\(value) after \(previous)")
                }
            }
            #expect(reader.isAtEnd)
        }
    }

    @Test("counter steps take one byte, float steps a few, a first float at most ten")
    func valueSizes() {
        func size(_ value: Double, after previous: Double) -> Int {
            var writer = ByteWriter()
            writer.value(value, previous: previous.bitPattern)
            return writer.count
        }
        #expect(size(1015, after: 1000) == 1)
        #expect(size(73_000, after: 72_700) == 2)
        #expect(size(2.25, after: 1.5) <= 3)
        #expect(size(StaleMarker.value, after: 1000) <= 10)
        #expect(size(0.1, after: 0) <= 10)
        #expect(size(7, after: 7) == 1)
        #expect(size(0.3, after: 0.3) == 2)
    }

    @Test("value differences that cannot be decoded are refused")
    func malformedValues() {
        var writer = ByteWriter()
        writer.value(5, previous: (3.0).bitPattern)
        writer.bytes.withUnsafeBytes { bytes in
            var reader = ByteReader(bytes)
            #expect(reader.value(previous: (0.5).bitPattern) == nil, "an integer step from a fraction")
        }
        var shifted = ByteWriter()
        shifted.uvarint(63 << 1 | 1)
        shifted.uvarint(3)
        shifted.bytes.withUnsafeBytes { bytes in
            var reader = ByteReader(bytes)
            #expect(reader.value(previous: 0) == nil, "a shift that loses bits")
        }
    }

    @Test("varints round-trip at every magnitude and refuse truncation")
    func varintsRoundTrip() {
        var generator = SplitMix(state: 7)
        var numbers: [Int64] = [0, -1, 1, .max, .min, 63, -64, 64]
        for _ in 0 ..< 500 { numbers.append(Int64(bitPattern: generator.next()) >> (generator.next() % 64)) }
        var writer = ByteWriter()
        for number in numbers { writer.varint(number) }
        writer.bytes.withUnsafeBytes { bytes in
            var reader = ByteReader(bytes)
            for number in numbers { #expect(reader.varint() == number) }
            #expect(reader.varint() == nil)
        }
        let cut = Array(writer.bytes.prefix(writer.count - 1))
        cut.withUnsafeBytes { bytes in
            var reader = ByteReader(bytes)
            var decoded = 0
            while reader.varint() != nil { decoded += 1 }
            #expect(decoded == numbers.count - 1)
        }
    }

    @Test("frames detect torn ends, flipped bytes and unknown types")
    func framesDetectDamage() {
        var writer = ByteWriter()
        let start = WALFrame.begin(.samples, in: &writer)
        for byte in 0 ..< 100 { writer.byte(UInt8(byte)) }
        WALFrame.finish(at: start, in: &writer)
        let good = writer.bytes
        good.withUnsafeBytes { bytes in
            guard case .success(let record) = WALFrame.read(bytes, at: 0) else {
                Issue.record("good frame refused")
                return
            }
            #expect(record.type == .samples)
            #expect(record.payload.count == 100)
            #expect(record.end == good.count)
        }
        func damage(_ bytes: [UInt8]) -> WALFrame.Damage? {
            bytes.withUnsafeBytes { buffer in
                if case .failure(let error) = WALFrame.read(buffer, at: 0) { return error.damage }
                return nil
            }
        }
        #expect(damage(Array(good.dropLast(1))) == .torn)
        #expect(damage(Array(good.prefix(5))) == .torn)
        var flipped = good
        flipped[50] ^= 0x10
        #expect(damage(flipped) == .checksumMismatch)
        var length = good
        length[3] = 0x7F
        #expect(damage(length) == .oversized(0x7F00_0064))
    }

    @Test("samples records decode to what was appended")
    func samplesRecordRoundTrip() {
        var writer = ByteWriter()
        var record = SamplesRecordWriter()
        let entries: [(UInt32, Sample)] = [
            (7, Sample(timestamp: t0, value: 1)), (7, Sample(timestamp: t0 + 15_000, value: 2.5)),
            (1_000_000, Sample(timestamp: t0 - 5, value: StaleMarker.value)), (3, Sample(timestamp: t0 + 1, value: -7)),
            (7, Sample(timestamp: t0 + 30_000, value: 2.75)), (3, Sample(timestamp: t0 + 2, value: 8)),
            (1_000_000, Sample(timestamp: t0, value: 4)),
        ]
        var written = WALValueTable(capacity: 2)
        for (id, sample) in entries { record.append(id: id, sample, values: &written, into: &writer) }
        record.finish(into: &writer)
        writer.bytes.withUnsafeBytes { bytes in
            guard case .success(let frame) = WALFrame.read(bytes, at: 0) else {
                Issue.record("frame refused")
                return
            }
            var ids: [UInt32] = []
            var samples: [Sample] = []
            var read = WALValueTable(capacity: 2)
            #expect(WALRecords.readSamples(frame.payload, values: &read, ids: &ids, samples: &samples))
            #expect(ids == entries.map(\.0))
            #expect(samples.map(\.timestamp) == entries.map(\.1.timestamp))
            #expect(samples.map(\.value.bitPattern) == entries.map(\.1.value.bitPattern))
        }
    }

    @Test("samples records of earlier builds (absolute values) still decode")
    func legacySamplesRecords() {
        var writer = ByteWriter()
        let start = WALFrame.begin(.samples, in: &writer)
        writer.uvarint(3)
        writer.varint(t0)
        // id 5 at t0 value 1000 (integer form), id 6 at t0 + 1 value 0.5 (raw form), id 6 at t0 + 2 value -3.
        writer.varint(5); writer.varint(0); writer.uvarint(UInt64(1000 << 1) << 1)
        writer.varint(1); writer.varint(1); writer.byte(1); writer.fixed64((0.5 as Double).bitPattern)
        writer.varint(0); writer.varint(2); writer.uvarint(UInt64((3 << 1) - 1) << 1)
        WALFrame.finish(at: start, in: &writer)
        writer.bytes.withUnsafeBytes { bytes in
            guard case .success(let frame) = WALFrame.read(bytes, at: 0) else {
                Issue.record("frame refused")
                return
            }
            #expect(frame.type == .samples)
            var ids: [UInt32] = []
            var samples: [Sample] = []
            var values = WALValueTable()
            #expect(WALRecords.readSamples(frame.payload, differences: false, values: &values, ids: &ids, samples: &samples))
            #expect(ids == [5, 6, 6])
            #expect(samples == [Sample(timestamp: t0, value: 1000), Sample(timestamp: t0 + 1, value: 0.5), Sample(timestamp: t0 + 2, value: -3)])
        }
    }

    @Test("series payloads compress and decompress exactly; garbage is refused")
    func seriesCompression() {
        var payload = ByteWriter()
        for index in 0 ..< 200 {
            payload.string("__name__"); payload.string("http_requests_total")
            payload.string("namespace"); payload.string("shop")
            payload.string("pod"); payload.string("checkout-7d9f-\(index)")
        }
        var compressed = ByteWriter()
        payload.bytes.withUnsafeBytes { WALCompression.compress($0, into: &compressed) }
        #expect(compressed.count * 3 < payload.count, "\(compressed.count) of \(payload.count) bytes")
        var restored: [UInt8] = []
        #expect(compressed.bytes.withUnsafeBytes { WALCompression.decompress($0, into: &restored) })
        #expect(restored == payload.bytes)
        let garbage: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 1, 2, 3]
        #expect(!garbage.withUnsafeBytes { WALCompression.decompress($0, into: &restored) })
    }
}
