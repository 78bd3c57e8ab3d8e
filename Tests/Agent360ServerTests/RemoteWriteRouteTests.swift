import Agent360Server
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import RemoteWrite
import TSDB
import Testing

/// The remote-write route over HTTP, in-process, with the real store.
@Suite("POST /api/v1/write")
struct RemoteWriteRouteTests {
    static let headers: HTTPFields = [.contentType: "application/x-protobuf", .contentEncoding: "snappy"]

    static func makeServer(maxBodyBytes: Int = 1 << 20, decoder: String = "direct") throws -> Agent360Server {
        var config = try Agent360Config.parse(yaml: "collectors:\n  enabled: false\nremoteWrite:\n  decoder: \(decoder)\n")
        config.remoteWrite.maxBodyBytes = maxBodyBytes
        return try Agent360Server(config: config, logger: Logger(label: "test"))
    }

    static func body(_ name: String, _ job: String, _ samples: [(Int64, Double)]) -> ByteBuffer {
        let series = RemoteWriteRequest.Series(
            Labels(["__name__": name, "job": job]),
            samples: samples.map { Sample(timestamp: $0.0, value: $0.1) })
        return ByteBuffer(bytes: RemoteWriteEncoder.encode(RemoteWriteRequest(series: [series])))
    }

    static func storedValues(_ server: Agent360Server, _ name: String) throws -> [Double] {
        try server.store.select([.equal("__name__", name)], minTime: 0, maxTime: .max)
            .flatMap { $0.samples.map(\.value) }
    }

    @Test("a good request is stored and answered 204")
    func goodRequest() async throws {
        let server = try Self.makeServer()
        let now = Int64(Date.now.timeIntervalSince1970 * 1000)
        let app = Application(router: server.makePlainRouter())
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/write", method: .post, headers: Self.headers,
                                     body: Self.body("up", "a", [(now - 1000, 1), (now, 0)])) { response in
                #expect(response.status == .noContent)
                #expect(response.headers[HTTPField.Name("X-Prometheus-Remote-Write-Samples-Written")!] == "2")
            }
        }
        #expect(try Self.storedValues(server, "up") == [1, 0])
    }

    @Test("either decoder stores the same series, samples and metadata", arguments: ["direct", "protobuf-c"])
    func decoderChoice(_ decoder: String) async throws {
        let server = try Self.makeServer(decoder: decoder)
        #expect(server.remoteWriteReceiver.decoding.rawValue == decoder)
        let now = Int64(Date.now.timeIntervalSince1970 * 1000)
        let labelSets = (0 ..< 300).map { index in
            Labels(["__name__": "requests_total", "pod": "pod-\(index / 3)", "code": ["200", "404", "500"][index % 3],
                    "route": "/välue/\(index)"])
        }
        let series = labelSets.enumerated().map { index, labels in
            RemoteWriteRequest.Series(labels, samples: (0 ..< 4).map {
                Sample(timestamp: now - 3000 + Int64($0) * 1000, value: Double(index * 4 + $0) + 0.25)
            })
        }
        let body = ByteBuffer(bytes: RemoteWriteEncoder.encode(RemoteWriteRequest(series: series)))
        let app = Application(router: server.makePlainRouter())
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/write", method: .post, headers: Self.headers, body: body) { response in
                #expect(response.status == .noContent)
                #expect(response.headers[HTTPField.Name("X-Prometheus-Remote-Write-Samples-Written")!] == "1200")
            }
        }
        let stored = try server.store.select([.equal("__name__", "requests_total")], minTime: 0, maxTime: .max)
        #expect(Set(stored.map(\.labels)) == Set(labelSets))
        let values: [Double] = stored.flatMap { $0.samples.map(\.value) }.sorted()
        let sent: [Double] = (0 ..< 1200).map { Double($0) + 0.25 }
        #expect(values == sent)
    }

    @Test("bad requests get their status and leave earlier data intact")
    func badRequestsKeepData() async throws {
        let server = try Self.makeServer(maxBodyBytes: 4096)
        let now = Int64(Date.now.timeIntervalSince1970 * 1000)
        let app = Application(router: server.makePlainRouter())
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/write", method: .post, headers: Self.headers,
                                     body: Self.body("kept", "a", [(now - 5000, 42)])) { response in
                #expect(response.status == .noContent)
            }
            let bad: [(String, HTTPRequest.Method, HTTPFields, ByteBuffer, HTTPResponse.Status, String)] = [
                ("GET", .get, Self.headers, ByteBuffer(), .methodNotAllowed, "POST only"),
                ("corrupt snappy", .post, Self.headers, ByteBuffer(bytes: [0x10, 0xff, 0xff, 0xff]), .badRequest, "snappy"),
                ("wrong content type", .post, [.contentType: "application/json", .contentEncoding: "snappy"],
                 Self.body("x", "a", [(now, 1)]), .unsupportedMediaType, "application/json"),
                ("remote write 2.0", .post,
                 [.contentType: "application/x-protobuf;proto=io.prometheus.write.v2.Request", .contentEncoding: "snappy"],
                 Self.body("x", "a", [(now, 1)]), .unsupportedMediaType, "2.0"),
                ("over the body limit", .post, Self.headers, ByteBuffer(repeating: 0x41, count: 10_000), .contentTooLarge, "limit"),
                ("out of order", .post, Self.headers, Self.body("kept", "a", [(now - 6000, 1)]), .badRequest,
                 "out_of_order for kept{job=\"a\"}"),
                ("duplicate timestamp, other value", .post, Self.headers, Self.body("kept", "a", [(now - 5000, 7)]),
                 .badRequest, "duplicate_timestamp"),
                ("far future", .post, Self.headers, Self.body("future", "a", [(now + 3_600_000, 1)]), .badRequest,
                 "too_far_in_future"),
            ]
            for (name, method, headers, body, status, fragment) in bad {
                try await client.execute(uri: "/api/v1/write", method: method, headers: headers, body: body) { response in
                    #expect(response.status == status, "\(name)")
                    #expect(String(buffer: response.body).contains(fragment), "\(name): \(String(buffer: response.body))")
                }
                #expect(try Self.storedValues(server, "kept") == [42], "after \(name)")
            }
            // The same sample again (same timestamp, same bits) is accepted silently.
            try await client.execute(uri: "/api/v1/write", method: .post, headers: Self.headers,
                                     body: Self.body("kept", "a", [(now - 5000, 42)])) { response in
                #expect(response.status == .noContent)
            }
            try await client.execute(uri: "/metrics", method: .get) { response in
                let text = String(buffer: response.body)
                #expect(text.contains("agent360_remote_write_requests_total{code=\"400\"} 4"))
                #expect(text.contains("agent360_remote_write_requests_total{code=\"415\"} 2"))
                #expect(text.contains("agent360_remote_write_rejected_samples_total{reason=\"out_of_order\"} 1"))
                #expect(text.contains("agent360_tsdb_active_series 1"))
            }
        }
        #expect(try Self.storedValues(server, "kept") == [42])
        #expect(try Self.storedValues(server, "future").isEmpty)
    }
}
