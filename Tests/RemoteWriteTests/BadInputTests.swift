import RemoteWrite
import TSDB
import Testing

/// Every malformed request gets the status the spec prescribes and a message
/// that says what is wrong; none of them disturbs the next good request.
@Suite struct BadInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var body: [UInt8]
        var contentType: String? = "application/x-protobuf"
        var contentEncoding: String? = "snappy"
        var limits = RemoteWriteLimits()
        var status: Int
        var fragment: String
        var testDescription: String { name }
    }

    static let cases: [Case] = {
        let good = Requests.good
        var wrongTimeSeriesWire = ProtoBytes()
        wrongTimeSeriesWire.field(1, varint: 7)  // timeseries is a message, not a varint

        var wrongLabelWire = ProtoBytes()
        var labelAsVarint = ProtoBytes()
        labelAsVarint.field(1, varint: 3)  // Label.name as a varint
        var seriesWithBadLabel = ProtoBytes()
        seriesWithBadLabel.field(1, message: labelAsVarint)
        wrongLabelWire.field(1, message: seriesWithBadLabel)

        var wrongTimestampWire = ProtoBytes()
        var badSample = ProtoBytes()
        badSample.field(1, double: 1)
        badSample.field(2, string: "yesterday")  // Sample.timestamp as bytes
        var seriesWithBadSample = ProtoBytes()
        seriesWithBadSample.field(1, message: .label("__name__", "up"))
        seriesWithBadSample.field(2, message: badSample)
        wrongTimestampWire.field(1, message: seriesWithBadSample)

        var wrongValueWire = ProtoBytes()
        var sampleValueVarint = ProtoBytes()
        sampleValueVarint.field(1, varint: 1)  // Sample.value is a double (fixed64)
        var seriesWithVarintValue = ProtoBytes()
        seriesWithVarintValue.field(1, message: .label("__name__", "up"))
        seriesWithVarintValue.field(2, message: sampleValueVarint)
        wrongValueWire.field(1, message: seriesWithVarintValue)

        var truncatedLength = ProtoBytes()
        truncatedLength.tag(1, .lengthDelimited)
        truncatedLength.varint(80)  // promises 80 bytes, delivers 2
        truncatedLength.varint(0x0a)
        truncatedLength.varint(0x00)

        var fieldZero = ProtoBytes()
        fieldZero.varint(0)  // tag 0 is never valid
        fieldZero.varint(1)

        let hundredSeries = RemoteWriteEncoder.encode(RemoteWriteRequest(series: (0..<100).map {
            Requests.series([("__name__", "load"), ("instance", "host-\($0)")])
        }))

        return [
            Case(name: "empty body", body: [], status: 400, fragment: "empty request body"),
            Case(name: "truncated snappy", body: Array(good.dropLast(6)), status: 400, fragment: "truncated or corrupt"),
            Case(name: "corrupt snappy (copy before any output)", body: [10, 0x0e, 100, 0], status: 400, fragment: "invalid snappy block"),
            Case(name: "corrupt snappy length varint", body: [0xff, 0xff, 0xff, 0xff, 0xff, 0xff], status: 400, fragment: "length header"),
            Case(name: "declared 4 GiB", body: [0xff, 0xff, 0xff, 0xff, 0x0f, 0x00], status: 413, fragment: "4294967295 decompressed bytes"),
            Case(
                name: "framed snappy",
                body: [0xff, 0x06, 0x00, 0x00, 0x73, 0x4e, 0x61, 0x50, 0x70, 0x59, 0x01, 0x05, 0x00, 0x00],
                status: 400, fragment: "framed snappy is not supported; send the block format"
            ),
            Case(name: "garbage protobuf (truncated field)", body: Requests.snappy(truncatedLength), status: 400, fragment: "not a valid prometheus.WriteRequest"),
            Case(name: "garbage protobuf (field 0)", body: Requests.snappy(fieldZero), status: 400, fragment: "not a valid prometheus.WriteRequest"),
            Case(name: "garbage protobuf (text)", body: RemoteWriteEncoder.compress(Array("hello, world".utf8)), status: 400, fragment: "not a valid"),
            Case(name: "wrong wire type: timeseries", body: Requests.snappy(wrongTimeSeriesWire), status: 400, fragment: "not a valid"),
            Case(name: "wrong wire type: label name", body: Requests.snappy(wrongLabelWire), status: 400, fragment: "not a valid"),
            Case(name: "wrong wire type: sample timestamp", body: Requests.snappy(wrongTimestampWire), status: 400, fragment: "not a valid"),
            Case(name: "wrong wire type: sample value", body: Requests.snappy(wrongValueWire), status: 400, fragment: "not a valid"),
            Case(
                name: "missing __name__", body: Requests.body(Requests.series([("job", "x")])),
                status: 400, fragment: "invalid_labels for {job=\"x\"} (missing metric name"
            ),
            Case(
                name: "empty __name__", body: Requests.body(Requests.series([("__name__", ""), ("job", "x")])),
                status: 400, fragment: "missing metric name"
            ),
            Case(
                name: "duplicate label name",
                body: Requests.body(Requests.series([("__name__", "up"), ("job", "a"), ("job", "b")])),
                status: 400, fragment: "duplicate label name \"job\""
            ),
            Case(
                name: "empty label name", body: Requests.body(Requests.series([("__name__", "up"), ("", "x")])),
                status: 400, fragment: "empty label name"
            ),
            Case(
                name: "label name starting with a digit",
                body: Requests.body(Requests.series([("__name__", "up"), ("1abc", "x")])),
                status: 400, fragment: "invalid label name \"1abc\""
            ),
            Case(
                name: "label name with a dash", body: Requests.body(Requests.series([("__name__", "up"), ("a-b", "x")])),
                status: 400, fragment: "invalid label name \"a-b\""
            ),
            Case(
                name: "invalid UTF-8 in a label name",
                body: Requests.body(RemoteWriteRequest.Series(
                    labels: [.init("__name__", "up"), .init(nameBytes: [0x61, 0xff], valueBytes: Array("x".utf8))],
                    samples: [Sample(timestamp: 1, value: 1)]
                )),
                status: 400, fragment: "invalid label name \"a\u{FFFD}\""
            ),
            Case(
                name: "invalid UTF-8 in a label value",
                body: Requests.body(RemoteWriteRequest.Series(
                    labels: [.init("__name__", "up"), .init(nameBytes: Array("job".utf8), valueBytes: [0x61, 0xc3, 0x28])],
                    samples: [Sample(timestamp: 1, value: 1)]
                )),
                status: 400, fragment: "value of label \"job\" is not valid UTF-8"
            ),
            Case(name: "empty request", body: RemoteWriteEncoder.encode(RemoteWriteRequest()), status: 204, fragment: ""),
            Case(
                name: "metadata-only request",
                body: RemoteWriteEncoder.encode(RemoteWriteRequest(metadata: [
                    MetricMetadata(metricFamilyName: "up", type: .gauge, help: "Target is up.", unit: ""),
                ])),
                status: 204, fragment: ""
            ),
            Case(
                name: "over-limit body", body: hundredSeries, limits: RemoteWriteLimits(maxBodyBytes: 100),
                status: 413, fragment: "exceeds the limit of 100 bytes"
            ),
            Case(
                name: "over-limit decompressed size", body: hundredSeries, limits: RemoteWriteLimits(maxDecompressedBytes: 1000),
                status: 413, fragment: "over the limit of 1000 bytes"
            ),
            Case(
                name: "over-limit decoded memory", body: hundredSeries, limits: RemoteWriteLimits(maxDecodedBytes: 4096),
                status: 413, fragment: "more than the limit of 4096 bytes of memory"
            ),
            Case(
                name: "too many series", body: hundredSeries, limits: RemoteWriteLimits(maxSeriesPerRequest: 99),
                status: 413, fragment: "more than the limit of 99 series per request"
            ),
            Case(name: "wrong content type", body: good, contentType: "application/json", status: 415, fragment: "unsupported Content-Type \"application/json\""),
            Case(name: "unknown proto message", body: good, contentType: "application/x-protobuf;proto=foo.Bar", status: 415, fragment: "unsupported proto message \"foo.Bar\""),
            Case(name: "wrong encoding", body: good, contentEncoding: "gzip", status: 415, fragment: "unsupported Content-Encoding \"gzip\""),
            Case(
                name: "remote write 2.0 content type", body: good,
                contentType: "application/x-protobuf;proto=io.prometheus.write.v2.Request",
                status: 415, fragment: "remote write 2.0 (io.prometheus.write.v2.Request) is not supported yet"
            ),
            Case(
                name: "content type with spaces around parameters", body: good,
                contentType: "application/x-protobuf ; proto = prometheus.WriteRequest ", status: 204, fragment: ""
            ),
            Case(name: "no content type (1.0 sender)", body: good, contentType: nil, status: 204, fragment: ""),
            Case(name: "no content encoding (1.0 sender)", body: good, contentEncoding: nil, status: 204, fragment: ""),
        ]
    }()

    @Test(arguments: cases)
    func badInputGetsItsStatusAndAGoodRequestStillWorks(_ testCase: Case) {
        for decoding in RemoteWriteReceiver.Decoding.allCases {
            let receiver = RemoteWriteReceiver(limits: testCase.limits, decoding: decoding)
            let sink = RecordingSink()
            let outcome = receiver.receive(
                body: testCase.body, contentType: testCase.contentType, contentEncoding: testCase.contentEncoding,
                sink: sink, now: 1_700_000_000_000
            )
            #expect(outcome.status == testCase.status, "\(decoding): \(outcome.message)")
            if testCase.fragment.isEmpty {
                #expect(outcome.message.isEmpty)
            } else {
                #expect(outcome.message.contains(testCase.fragment), "\(decoding): \(outcome.message)")
            }
            if outcome.status >= 400, outcome.refusedSeries == 0 {
                #expect(sink.ingestCalls == 0, "nothing reaches the store from a refused request")
            }

            let after = RecordingSink()
            let next = receiver.receive(Requests.good, into: after)
            #expect(next.status == 204, "\(decoding): \(next.message)")
            #expect(after.series == [RecordingSink.Series(
                labels: Labels(["__name__": "up", "job": "x"]),
                samples: [Sample(timestamp: 1_700_000_000_000, value: 1)]
            )])
        }
    }
}
