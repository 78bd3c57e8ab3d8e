import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOSSL
import RemoteWrite
import TSDB

/// Measures how long a change in request rate takes to reach the external
/// metrics API: writes a counter every second, then raises its rate and polls
/// the API until the value moves. prometheus-adapter's equivalent delay is
/// its relist interval plus a scrape interval.
struct FreshnessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "freshness")

    @Option(help: "agent360's plain base URL (remote write).") var writeURL: String
    @Option(help: "agent360's secure base URL (metrics API).") var apiURL: String
    @Option var token: String
    @Option var trials = 10

    func run() async throws {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.certificateVerification = .none
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(tlsConfiguration: tls))
        let path = "/apis/external.metrics.k8s.io/v1beta1/namespaces/fresh/agent360_request_rate?labelSelector=workload%3Dprobe"
        var counter = 0.0
        var time = Int64(Date.now.timeIntervalSince1970 * 1000) - 100_000
        var delays: [Double] = []
        var failure: String?
        func write(rate: Double) async throws {
            counter += rate
            time += 1000
            let series = RemoteWriteRequest.Series(
                Labels(["__name__": "agent360_http_requests_total", "namespace": "fresh", "workload": "probe", "code": "200"]),
                samples: [Sample(timestamp: time, value: counter)])
            var request = HTTPClientRequest(url: "\(writeURL)/api/v1/write")
            request.method = .POST
            for header in RemoteWriteEncoder.headers { request.headers.add(name: header.name, value: header.value) }
            request.body = .bytes(ByteBuffer(bytes: RemoteWriteEncoder.encode(RemoteWriteRequest(series: [series]))))
            let response = try await client.execute(request, timeout: .seconds(10))
            guard response.status.code == 204 else { throw ValidationError("remote write answered \(response.status.code)") }
        }
        func value() async throws -> String {
            var request = HTTPClientRequest(url: "\(apiURL)\(path)")
            request.headers.add(name: "Authorization", value: "Bearer \(token)")
            let response = try await client.execute(request, timeout: .seconds(10))
            let body = try await response.body.collect(upTo: 1 << 20)
            let object = try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any]
            return ((object?["items"] as? [[String: Any]])?.first?["value"] as? String) ?? "status \(response.status.code)"
        }
        do {
            // A minute of history at 10 requests/s, written as fast as accepted;
            // every timestamp stays in the past so the query can see it at once.
            for _ in 0..<70 { try await write(rate: 10) }
            for trial in 0..<trials {
                let before = try await value()
                let clock = ContinuousClock()
                let started = clock.now
                try await write(rate: trial % 2 == 0 ? 1000 : 10)
                var after = before
                while after == before && clock.now - started < .seconds(5) { after = try await value() }
                let elapsed = clock.now - started
                delays.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) * 1e-15)
            }
        } catch {
            failure = "\(error)"
        }
        try await client.shutdown()
        delays.sort()
        let result: [String: Any] = [
            "trials": delays.count, "medianMs": delays.isEmpty ? -1 : delays[delays.count / 2],
            "maxMs": delays.last ?? -1, "error": failure ?? "",
        ]
        let data = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }
}
