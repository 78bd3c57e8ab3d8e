import CSnappy
import Foundation
@testable import RemoteWrite
import TSDB
import Testing

@Suite struct EncoderTests {
    /// Snappy-decompresses a fixture with the library directly (not the receiver).
    static func decompress(_ body: [UInt8]) throws -> [UInt8] {
        try body.withUnsafeBytes { raw in
            let input = try #require(raw.baseAddress?.assumingMemoryBound(to: CChar.self))
            var length = 0
            try #require(snappy_uncompressed_length(input, raw.count, &length) == SNAPPY_OK)
            var output = [UInt8](repeating: 0, count: length)
            let status = output.withUnsafeMutableBytes { out in
                snappy_uncompress(input, raw.count, out.baseAddress?.assumingMemoryBound(to: CChar.self), &length)
            }
            try #require(status == SNAPPY_OK)
            return output
        }
    }

    @Test(arguments: RemoteWriteEncoder.Packer.allCases)
    func fieldNumbersMatchTheSpecOnTheWire(_ packer: RemoteWriteEncoder.Packer) {
        let request = RemoteWriteRequest(series: [
            RemoteWriteRequest.Series(
                labels: [.init("__name__", "up")],
                samples: [Sample(timestamp: 1000, value: 1.5)],
                exemplars: [.init(labels: [.init("t", "x")], value: 2, timestamp: 3)]
            ),
        ], metadata: [MetricMetadata(metricFamilyName: "up", type: .gauge, help: "h", unit: "u")])

        var label = ProtoBytes.label("__name__", "up")
        var series = ProtoBytes()
        series.field(1, message: label)  // TimeSeries.labels = 1
        series.field(2, message: .sample(1.5, 1000))  // TimeSeries.samples = 2 {value = 1, timestamp = 2}
        var exemplar = ProtoBytes()
        label = .label("t", "x")
        exemplar.field(1, message: label)  // Exemplar.labels = 1
        exemplar.field(2, double: 2)  // Exemplar.value = 2
        exemplar.field(3, varint: 3)  // Exemplar.timestamp = 3
        series.field(3, message: exemplar)  // TimeSeries.exemplars = 3
        var metadata = ProtoBytes()
        metadata.field(1, varint: 2)  // type GAUGE = 2
        metadata.field(2, string: "up")  // metric_family_name = 2
        metadata.field(4, string: "h")  // help = 4
        metadata.field(5, string: "u")  // unit = 5
        var expected = ProtoBytes()
        expected.field(1, message: series)  // WriteRequest.timeseries = 1
        expected.field(3, message: metadata)  // WriteRequest.metadata = 3

        #expect(RemoteWriteEncoder.protobuf(request, packer: packer) == expected.bytes)
    }

    @Test(arguments: RemoteWriteEncoder.Packer.allCases)
    func metadataEncodesByteForByteLikePrometheus(_ packer: RemoteWriteEncoder.Packer) throws {
        let prometheus = try Self.decompress(Fixtures.body(4))
        let ours = RemoteWriteEncoder.protobuf(RemoteWriteRequest(metadata: [
            MetricMetadata(metricFamilyName: "agent360_http_requests_total", type: .counter, help: "Requests handled.", unit: ""),
            MetricMetadata(metricFamilyName: "agent360_http_request_duration_seconds", type: .histogram, help: "Request latency.", unit: ""),
            MetricMetadata(metricFamilyName: "agent360_process_cpu_usage_ratio", type: .gauge, help: "CPU in use.", unit: ""),
            MetricMetadata(metricFamilyName: "agent360_process_memory_usage_ratio", type: .gauge, help: "Memory in use.", unit: ""),
        ]), packer: packer)
        #expect(ours == prometheus)
    }

    @Test(arguments: RemoteWriteEncoder.Packer.allCases)
    func samplesReencodeByteForByteLikePrometheus(_ packer: RemoteWriteEncoder.Packer) throws {
        for number in [0, 5] {
            let sink = RecordingSink()
            let outcome = RemoteWriteReceiver().receive(try Fixtures.body(number), into: sink)
            #expect(outcome.status == 204)
            let request = RemoteWriteRequest(series: sink.series.map { RemoteWriteRequest.Series($0.labels, samples: $0.samples) })
            #expect(RemoteWriteEncoder.protobuf(request, packer: packer) == (try Self.decompress(Fixtures.body(number))), "file \(number)")
        }
    }

    @Test func encodedRequestsRoundTripThroughTheReceiver() {
        let series = (0..<50).map { index in
            RemoteWriteRequest.Series(
                Labels(["__name__": "rt_\(index % 5)", "instance": "host-\(index)", "zone": index.isMultiple(of: 2) ? "a" : "b"]),
                samples: (0..<3).map { Sample(timestamp: 1_700_000_000_000 + Int64($0) * 15_000, value: Double(index) + Double($0) / 4) }
            )
        }
        let sink = RecordingSink()
        let outcome = RemoteWriteReceiver().receive(RemoteWriteEncoder.encode(RemoteWriteRequest(series: series)), into: sink)
        #expect(outcome.status == 204)
        #expect(outcome.acceptedSamples == 150)
        #expect(sink.series.map(\.labels) == series.map { Labels($0.labels.map { Label(String(decoding: $0.name, as: UTF8.self), String(decoding: $0.value, as: UTF8.self)) }) })
        #expect(sink.series.map(\.samples) == series.map(\.samples))
    }

    @Test(arguments: RemoteWriteEncoder.Packer.allCases)
    func emptyRequestIsOneZeroByte(_ packer: RemoteWriteEncoder.Packer) {
        #expect(RemoteWriteEncoder.protobuf(RemoteWriteRequest(), packer: packer).isEmpty)
        #expect(RemoteWriteEncoder.encode(RemoteWriteRequest(), packer: packer) == [0])
    }

    /// Random requests, including the values proto3 omits (0, -0.0, empty
    /// strings), negative timestamps, NaNs, exemplars and histograms.
    @Test func directPackerMatchesProtobufCByteForByte() {
        var random = SplitMix64(seed: 7)
        func pick<T>(_ values: [T]) -> T { values[Int(random.next() % UInt64(values.count))] }
        let texts = ["", "a", "job", "__name__", "héllo", String(repeating: "x", count: 200), "le"]
        let doubles: [Double] = [0, -0.0, 1, -2.5, .nan, .infinity, StaleMarker.value, 1e-300]
        let integers: [Int64] = [0, 1, -1, 127, 128, 1_700_000_000_000, .min, .max]
        for _ in 0..<300 {
            var request = RemoteWriteRequest()
            for _ in 0..<(random.next() % 4) {
                var series = RemoteWriteRequest.Series(
                    labels: (0..<(random.next() % 4)).map { _ in .init(pick(texts), pick(texts)) },
                    samples: (0..<(random.next() % 3)).map { _ in Sample(timestamp: pick(integers), value: pick(doubles)) }
                )
                series.exemplars = (0..<(random.next() % 2)).map { _ in
                    .init(labels: [.init(pick(texts), pick(texts))], value: pick(doubles), timestamp: pick(integers))
                }
                series.histograms = (0..<(random.next() % 2)).map { _ in
                    .init(
                        timestamp: pick(integers), count: UInt64(bitPattern: pick(integers)), sum: pick(doubles),
                        schema: Int32(truncatingIfNeeded: pick(integers)), zeroThreshold: pick(doubles),
                        zeroCount: UInt64(random.next() % 3),
                        positiveSpans: (0..<(random.next() % 3)).map { _ in
                            .init(offset: Int32(truncatingIfNeeded: pick(integers)), length: UInt32(random.next() % 3))
                        },
                        positiveDeltas: (0..<(random.next() % 4)).map { _ in pick(integers) }
                    )
                }
                request.series.append(series)
            }
            for _ in 0..<(random.next() % 3) {
                request.metadata.append(MetricMetadata(
                    metricFamilyName: pick(texts), type: pick(MetricMetadata.MetricType.allCases), help: pick(texts), unit: pick(texts)
                ))
            }
            let direct = DirectPacker.write(request)  // nil would mean a silent fallback
            let reference = RemoteWriteEncoder.protobuf(request, packer: .protobufC)
            #expect(direct == reference)
            if direct != reference { return }
        }
    }

    @Test func compressionRoundTrips() throws {
        let data = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 * 7 / 3) }
        #expect(try Self.decompress(RemoteWriteEncoder.compress(data)) == data)
    }
}
