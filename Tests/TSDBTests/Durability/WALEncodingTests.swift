import Testing
@testable import TSDB

@Suite struct WALEncodingTests {
    @Test("values round-trip bit for bit, integers take few bytes")
    func valuesRoundTrip() {
        let values: [Double] = [
            0, 1, -1, 42, 1e15, 0x1p52 - 1, -(0x1p52 - 1), 0x1p52, 0x1p60, 0.5, -0.25, 1e-300, .leastNonzeroMagnitude,
            .greatestFiniteMagnitude, .infinity, -.infinity, .nan, StaleMarker.value, -0.0, 12.75, 3.000_000_000_1,
        ]
        var writer = ByteWriter()
        for value in values { writer.value(value) }
        writer.bytes.withUnsafeBytes { bytes in
            var reader = ByteReader(bytes)
            for value in values {
                #expect(reader.value()?.bitPattern == value.bitPattern, "value \(value)")
            }
            #expect(reader.isAtEnd)
        }
        var small = ByteWriter()
        small.value(1000)
        #expect(small.count == 2)
        var raw = ByteWriter()
        raw.value(0.1)
        #expect(raw.count == 9)
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
        ]
        for (id, sample) in entries { record.append(id: id, sample, into: &writer) }
        record.finish(into: &writer)
        writer.bytes.withUnsafeBytes { bytes in
            guard case .success(let frame) = WALFrame.read(bytes, at: 0) else {
                Issue.record("frame refused")
                return
            }
            var ids: [UInt32] = []
            var samples: [Sample] = []
            #expect(WALRecords.readSamples(frame.payload, ids: &ids, samples: &samples))
            #expect(ids == entries.map(\.0))
            #expect(samples == entries.map(\.1))
        }
    }
}
