import Agent360Server
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import TSDB
import Testing

/// The Prometheus HTTP API's parameter handling and error envelope, in-process.
@Suite("Prometheus HTTP API")
struct QueryAPITests {
    static func withServer(_ body: @escaping @Sendable (any TestClientProtocol, Agent360Server) async throws -> Void) async throws {
        let config = try Agent360Config.parse(yaml: "collectors:\n  enabled: false\nrules:\n  groups: []\n")
        let server = try Agent360Server(config: config, logger: Logger(label: "test"))
        let app = Application(router: server.makePlainRouter())
        try await app.test(.router) { client in try await body(client, server) }
    }

    static func json(_ buffer: ByteBuffer) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(String(buffer: buffer).utf8)) as? [String: Any]) ?? [:]
    }

    @Test("errors use Prometheus's status codes, errorType and wording", arguments: [
        ("/api/v1/query", 400, "invalid parameter \"query\": unknown position: parse error: no expression found in input"),
        ("/api/v1/query?query=sum(", 400, "invalid parameter \"query\": 1:5: parse error: unclosed left parenthesis"),
        ("/api/v1/query?query=up&time=yesterday", 400, "invalid parameter \"time\": cannot parse \"yesterday\" to a valid timestamp"),
        ("/api/v1/query_range?query=up&start=10&end=5&step=1", 400, "invalid parameter \"end\": end timestamp must not be before start time"),
        ("/api/v1/query_range?query=up&start=0&end=5&step=0", 400, "invalid parameter \"step\": zero or negative query resolution step widths are not accepted. Try a positive integer"),
        ("/api/v1/query_range?query=up&start=0&end=100000&step=1", 400, "exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)"),
        ("/api/v1/query_range?query=up&start=0&end=5&step=fast", 400, "invalid parameter \"step\": cannot parse \"fast\" to a valid duration"),
        ("/api/v1/series", 400, "no match[] parameter provided"),
        ("/api/v1/series?match%5B%5D=rate(up%5B1m%5D)", 400, "invalid parameter \"match[]\""),
        ("/api/v1/label/1bad/values", 400, "invalid label name: \"1bad\""),
        ("/api/v1/query?query=sum(x)%20%2B%20on()%20y", 200, ""),
    ] as [(String, Int, String)])
    func errors(path: String, status: Int, message: String) async throws {
        try await Self.withServer { client, _ in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status.code == status)
                let object = Self.json(response.body)
                if status == 200 {
                    #expect(object["status"] as? String == "success")
                } else {
                    #expect(object["status"] as? String == "error")
                    #expect(object["errorType"] as? String == "bad_data")
                    #expect((object["error"] as? String)?.hasPrefix(message) == true, "\(object["error"] ?? "nil")")
                }
            }
        }
    }

    @Test("queries read what was stored, by GET and by form POST")
    func queriesReadTheStore() async throws {
        try await Self.withServer { client, server in
            let now = Int64(Date.now.timeIntervalSince1970 * 1000)
            for (pod, value) in [("a", 1.5), ("b", 2.5)] {
                _ = server.store.append(Labels(["__name__": "demo", "pod": pod]),
                                        [Sample(timestamp: now - 1000, value: value)], now: now)
            }
            try await client.execute(uri: "/api/v1/query?query=sum(demo)&time=\(Double(now) / 1000)", method: .get) { response in
                let data = Self.json(response.body)["data"] as? [String: Any]
                #expect(data?["resultType"] as? String == "vector")
                let first = (data?["result"] as? [[String: Any]])?.first
                #expect((first?["value"] as? [Any])?.last as? String == "4")
            }
            try await client.execute(uri: "/api/v1/query", method: .post,
                                     headers: [.contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: "query=demo%7Bpod%3D%22b%22%7D&time=\(Double(now) / 1000)")) { response in
                let data = Self.json(response.body)["data"] as? [String: Any]
                let result = data?["result"] as? [[String: Any]]
                #expect(result?.count == 1)
                #expect((result?.first?["metric"] as? [String: String])?["pod"] == "b")
            }
            try await client.execute(uri: "/api/v1/label/pod/values", method: .get) { response in
                #expect(Self.json(response.body)["data"] as? [String] == ["a", "b"])
            }
            try await client.execute(uri: "/api/v1/status/buildinfo", method: .get) { response in
                let data = Self.json(response.body)["data"] as? [String: Any]
                #expect(data?["version"] as? String == Agent360Version.current)
            }
        }
    }
}
