import RemoteWrite
import Testing

@Suite struct NegotiationTests {
    static let accepted: [(String?, RemoteWriteProtocol)] = [
        (nil, .v1),
        ("", .v1),
        ("application/x-protobuf", .v1),
        ("Application/X-Protobuf", .v1),
        ("application/x-protobuf;proto=prometheus.WriteRequest", .v1),
        ("application/x-protobuf ; proto = prometheus.WriteRequest ", .v1),
        ("application/x-protobuf;\tPROTO=\"prometheus.WriteRequest\"", .v1),
        ("application/x-protobuf; charset=utf-8", .v1),
        ("application/x-protobuf;", .v1),
        ("application/x-protobuf;proto=io.prometheus.write.v2.Request", .v2),
        ("application/x-protobuf; proto=io.prometheus.write.v2.Request", .v2),
    ]

    @Test(arguments: accepted)
    func contentTypeSelectsTheProtocol(_ contentType: String?, _ expected: RemoteWriteProtocol) throws {
        #expect(try RemoteWriteProtocol.negotiate(contentType: contentType, contentEncoding: "snappy") == expected)
    }

    static let refused: [(String?, String?, String)] = [
        ("application/json", "snappy", "unsupported Content-Type"),
        ("text/plain; proto=prometheus.WriteRequest", "snappy", "unsupported Content-Type"),
        ("application/x-protobuf; proto", "snappy", "unsupported Content-Type"),
        ("application/x-protobuf;proto=prometheus.ReadRequest", "snappy", "unsupported proto message \"prometheus.ReadRequest\""),
        ("application/x-protobuf", "gzip", "unsupported Content-Encoding \"gzip\""),
        ("application/x-protobuf", "zstd", "unsupported Content-Encoding"),
        ("application/x-protobuf", "snappy-framed", "unsupported Content-Encoding"),
    ]

    @Test(arguments: refused)
    func unsupportedHeadersAre415(_ contentType: String?, _ encoding: String?, _ fragment: String) {
        #expect {
            try RemoteWriteProtocol.negotiate(contentType: contentType, contentEncoding: encoding)
        } throws: { error in
            guard let error = error as? RemoteWriteError else { return false }
            return error.status == 415 && error.message.contains(fragment)
        }
    }

    @Test func encodingComparesCaseInsensitivelyAndAbsentMeansSnappy() throws {
        for encoding in [nil, "", "snappy", "Snappy", " SNAPPY "] {
            #expect(try RemoteWriteProtocol.negotiate(contentType: nil, contentEncoding: encoding) == .v1)
        }
    }

    @Test func remoteWrite2RequestIsAnswered415WithItsName() {
        let sink = RecordingSink()
        let outcome = RemoteWriteReceiver().receive(
            body: Requests.good, contentType: "application/x-protobuf;proto=io.prometheus.write.v2.Request",
            contentEncoding: "snappy", sink: sink, now: 0
        )
        #expect(outcome.status == 415)
        #expect(outcome.protocolVersion == .v2)
        #expect(sink.ingestCalls == 0)
    }

    @Test func writtenHeadersReportAcceptedCounts() {
        let outcome = RemoteWriteReceiver().receive(Requests.good, into: RecordingSink())
        #expect(outcome.writtenHeaders.map(\.value) == ["1", "0", "0"])
        #expect(outcome.writtenHeaders.first?.name == "X-Prometheus-Remote-Write-Samples-Written")
    }
}
