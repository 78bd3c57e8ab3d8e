import RemoteWrite
import TSDB
import Testing

/// The direct wire reader must accept and refuse exactly what protobuf-c's
/// unpacker does, and deliver the same data: mutated requests are fed to both.
@Suite struct DifferentialFuzzTests {
    static func seeds() throws -> [[UInt8]] {
        let histogram = RemoteWriteRequest.Histogram(
            timestamp: 5, count: 4, sum: 2, schema: 3, zeroCount: 1,
            positiveSpans: [.init(offset: -2, length: 2), .init(offset: 1, length: 1)], positiveDeltas: [1, -1, 2]
        )
        var rich = Requests.series([("job", "api"), ("__name__", "http_requests_total"), ("code", "")], [(1, 1), (2, 2)])
        rich.exemplars = [.init(labels: [.init("trace_id", "0af7651916cd43dd")], value: 0.5, timestamp: 3)]
        rich.histograms = [histogram]
        let built = RemoteWriteEncoder.protobuf(RemoteWriteRequest(
            series: [rich, Requests.series([("__name__", "up"), ("instance", "a:1")], [(1, 10)])],
            metadata: [MetricMetadata(metricFamilyName: "up", type: .gauge, help: "Up.", unit: "")]
        ))
        let fixtures = try [0, 4].map { try EncoderTests.decompress(Fixtures.body($0)) }
        return [built] + fixtures.map { Array($0.prefix(1500)) } + [fixtures[1]]
    }

    static func mutate(_ input: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
        var bytes = input
        let rounds = 1 + Int(random.next() % 3)
        for _ in 0..<rounds where !bytes.isEmpty {
            let at = Int(random.next() % UInt64(bytes.count))
            switch random.next() % 7 {
            case 0: bytes[at] ^= UInt8(1 << (random.next() % 8))
            case 1: bytes[at] = UInt8(truncatingIfNeeded: random.next())
            case 2: bytes.removeSubrange(at...)
            case 3: bytes.insert(contentsOf: (0..<(1 + random.next() % 4)).map { _ in UInt8(truncatingIfNeeded: random.next()) }, at: at)
            case 4:
                let end = min(bytes.count, at + 1 + Int(random.next() % 16))
                bytes.removeSubrange(at..<end)
            case 5:
                let end = min(bytes.count, at + 1 + Int(random.next() % 32))
                bytes.insert(contentsOf: bytes[at..<end], at: Int(random.next() % UInt64(bytes.count)))
            default: bytes[at] = [0x00, 0x80, 0xff, 0x0a, 0x12, 0x08, 0x09, 0x7f][Int(random.next() % 8)]
            }
        }
        return bytes
    }

    @Test func directReaderAgreesWithProtobufC() throws {
        let protobufC = RemoteWriteReceiver(decoding: .protobufC)
        let direct = RemoteWriteReceiver(decoding: .direct)
        var random = SplitMix64(seed: 2024)
        var statuses: [Int: Int] = [:]
        var disagreements = 0
        for seed in try Self.seeds() {
            for _ in 0..<1500 {
                let proto = Self.mutate(seed, &random)
                let body = RemoteWriteEncoder.compress(proto)
                let a = RecordingSink()
                let b = RecordingSink()
                let expected = protobufC.receive(body, into: a)
                let actual = direct.receive(body, into: b)
                statuses[expected.status, default: 0] += 1
                let same = expected == actual && a.series == b.series && a.metadata == b.metadata && a.exemplars == b.exemplars
                if !same {
                    disagreements += 1
                    if disagreements <= 3 {
                        Issue.record("disagree on \(proto): protobuf-c \(expected.status) \(expected.message) / direct \(actual.status) \(actual.message)")
                    }
                }
            }
        }
        #expect(disagreements == 0)
        // The mutations must exercise both outcomes, or the test proves nothing.
        #expect(statuses[400, default: 0] > 1000)
        #expect(statuses[204, default: 0] > 500)
    }
}
