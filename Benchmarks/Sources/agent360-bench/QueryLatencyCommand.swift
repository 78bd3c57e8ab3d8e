import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOCore

/// Times one PromQL query against `/api/v1/query` (sequential runs after
/// warm-up) and reports median, p99 and the result size.
struct QueryLatencyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "query-latency")

    @Option var url: String
    @Option var query: String
    @Option(help: "Evaluation time (Unix seconds).") var time: String
    @Option var runs = 20
    @Option var warmup = 2

    func run() async throws {
        let client = HTTPClient(eventLoopGroupProvider: .singleton,
                                configuration: .init(timeout: .init(connect: .seconds(5), read: .seconds(300))))
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let encoded = query.addingPercentEncoding(withAllowedCharacters: allowed) ?? query
        let target = "\(url)/api/v1/query?query=\(encoded)&time=\(time)"
        var latencies: [Double] = []
        var seriesCount = -1
        var failure: String?
        for index in 0..<(warmup + runs) {
            let clock = ContinuousClock()
            let started = clock.now
            do {
                let response = try await client.execute(HTTPClientRequest(url: target), timeout: .seconds(300))
                let body = try await response.body.collect(upTo: 512 << 20)
                let elapsed = clock.now - started
                if index >= warmup {
                    latencies.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) * 1e-15)
                }
                let object = try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any]
                if object?["status"] as? String != "success" { failure = String(buffer: body).prefix(300).description }
                seriesCount = ((object?["data"] as? [String: Any])?["result"] as? [Any])?.count ?? -1
            } catch {
                failure = "\(error)"
            }
        }
        try await client.shutdown()
        latencies.sort()
        func percentile(_ p: Double) -> Double {
            guard !latencies.isEmpty else { return .nan }
            return latencies[min(latencies.count - 1, Int((p * Double(latencies.count)).rounded(.up)) - 1)]
        }
        let result: [String: Any] = [
            "query": query, "runs": latencies.count, "medianMs": percentile(0.5), "p99Ms": percentile(0.99),
            "minMs": latencies.first ?? .nan, "series": seriesCount, "error": failure ?? "",
        ]
        let data = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }
}
