import Agent360Server
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TSDB
import Testing

/// Oversized requests and queries over their time: clear errors in
/// Prometheus's envelope, and the server keeps answering.
@Suite("Prometheus HTTP API limits")
struct QueryAPILimitTests {
    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    static func expectError(_ response: TestResponse, status: Int, type: String, message: String) {
        #expect(response.status.code == status)
        let object = QueryAPITests.json(response.body)
        #expect(object["status"] as? String == "error")
        #expect(object["errorType"] as? String == type)
        #expect((object["error"] as? String)?.contains(message) == true, "\(object["error"] ?? "nil")")
    }

    /// The server still answers a small query after refusing one.
    static func expectStillServing(_ client: any TestClientProtocol) async throws {
        try await client.execute(uri: "/api/v1/query?query=1%2B1", method: .get) { response in
            #expect(response.status.code == 200)
        }
    }

    @Test("form bodies over 4 MiB get 413 on every query endpoint, and the next request is answered",
          arguments: ["/api/v1/query", "/api/v1/query_range", "/api/v1/series", "/api/v1/labels"])
    func oversizedBody(path: String) async throws {
        try await QueryAPITests.withServer { client, _ in
            let body = ByteBuffer(string: "query=" + String(repeating: "a", count: 5 << 20))
            try await client.execute(uri: path, method: .post, headers: Self.form, body: body) { response in
                Self.expectError(response, status: 413, type: "bad_data", message: "exceeds the limit of 4194304 bytes")
            }
            try await Self.expectStillServing(client)
        }
    }

    @Test("a form body just under the limit is read")
    func bodyUnderTheLimit() async throws {
        try await QueryAPITests.withServer { client, _ in
            let padding = String(repeating: "a", count: (4 << 20) - 64)
            let body = ByteBuffer(string: "query=1%2B1&pad=\(padding)")
            try await client.execute(uri: "/api/v1/query", method: .post, headers: Self.form, body: body) { response in
                #expect(response.status.code == 200)
                let data = QueryAPITests.json(response.body)["data"] as? [String: Any]
                #expect((data?["result"] as? [Any])?.last as? String == "2")
            }
        }
    }

    @Test("a query string over 1 MiB gets 414")
    func overlongQueryString() async throws {
        try await QueryAPITests.withServer { client, _ in
            let uri = "/api/v1/query?query=up&pad=" + String(repeating: "a", count: 1 << 20)
            try await client.execute(uri: uri, method: .get) { response in
                Self.expectError(response, status: 414, type: "bad_data", message: "query string of 1048589 bytes exceeds the limit of 1048576 bytes")
            }
            try await Self.expectStillServing(client)
        }
    }

    @Test("a query over its timeout= gets 503 timeout in Prometheus's words")
    func timeoutParameter() async throws {
        try await QueryAPITests.withServer { client, server in
            let now = Int64(Date.now.timeIntervalSince1970 * 1000)
            for pod in 0 ..< 5_000 {
                _ = server.store.append(Labels(["__name__": "demo", "pod": "pod-\(pod)"]),
                                        [Sample(timestamp: now - 1_000, value: 1)], now: now)
            }
            let end = Double(now) / 1000
            let uri = "/api/v1/query_range?query=sum%20by%20(pod)(%7Bpod%3D~%22.%2B%22%7D)&start=\(end - 3_600)&end=\(end)&step=1&timeout=20ms"
            try await client.execute(uri: uri, method: .get) { response in
                Self.expectError(response, status: 503, type: "timeout", message: "query timed out in expression evaluation")
            }
        }
    }
}
