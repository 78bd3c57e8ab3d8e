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

/// The direct reader remembers label names between series (LabelNameMemo);
/// protobuf-c's path checks every name afresh. Sequences built to hit each
/// memo case must get identical outcomes and data from both.
@Suite struct LabelNameMemoTests {
    typealias Set = [(String, String)]

    static let sequences: [[Set]] = [
        // Same names throughout; then one name changes in the middle.
        [[("__name__", "a"), ("job", "x"), ("pod", "p1")], [("__name__", "a"), ("job", "y"), ("pod", "p2")],
         [("__name__", "a"), ("kind", "y"), ("pod", "p3")], [("__name__", "a"), ("job", "z"), ("pod", "p4")]],
        // A repeated name where the memo holds a later one: a duplicate.
        [[("__name__", "a"), ("a", "1"), ("b", "2")], [("__name__", "a"), ("a", "1"), ("a", "2")]],
        // Unsorted after sorted, then sorted again.
        [[("__name__", "a"), ("a", "1"), ("b", "2")], [("b", "2"), ("__name__", "a"), ("a", "1")],
         [("__name__", "a"), ("a", "1"), ("b", "2")]],
        // Empty values in the middle (dropped) and at memo positions.
        [[("__name__", "a"), ("a", "1"), ("b", "2")], [("__name__", "a"), ("a", ""), ("b", "2")],
         [("__name__", "a"), ("zz", ""), ("a", "1"), ("b", "3")]],
        // Invalid value on a remembered name; missing metric name; invalid name.
        [[("__name__", "a"), ("a", "1")], [("__name__", "a"), ("a", "\u{FFFD}ok")], [("a", "1"), ("b", "2")],
         [("__name__", "a"), ("a-b", "1")], [("__name__", "a"), ("a", "2")]],
        // The metric name moves position: "_" and "A" sort before "__name__".
        [[("A", "1"), ("__name__", "a")], [("__name__", "a"), ("b", "1")], [("A", "1"), ("b", "1")]],
        // Names remembered from a refused set (no metric name) match a set
        // that lacks it too: still refused.
        [[("a", "1"), ("b", "2")], [("a", "1"), ("b", "3")], [("__name__", "m")]],
    ]

    @Test(arguments: sequences.indices)
    func bothReadersAgree(_ index: Int) {
        let request = RemoteWriteRequest(series: Self.sequences[index].map { Requests.series($0) })
        var proto = RemoteWriteEncoder.protobuf(request)
        // Break one value's UTF-8 so the invalid-value case is real.
        if let at = proto.firstIndex(of: 0xEF) { proto[at] = 0xFF }
        let body = RemoteWriteEncoder.compress(proto)
        let a = RecordingSink()
        let b = RecordingSink()
        let expected = RemoteWriteReceiver(decoding: .protobufC).receive(body, into: a)
        let actual = RemoteWriteReceiver(decoding: .direct).receive(body, into: b)
        #expect(expected == actual)
        #expect(a.series == b.series)
        // Each sequence refuses something or accepts everything on purpose:
        // both paths must have produced data to compare.
        #expect(!a.series.isEmpty)
    }
}
