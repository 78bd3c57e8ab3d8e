import AsyncHTTPClient
import ArgumentParser
import Foundation
import NIOCore

struct QueryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Evaluate a PromQL expression on a running agent360 (or any Prometheus-compatible server).",
        discussion: "Example: agent360 query 'sum by (workload) (agent360_request_rate)' --time 2026-11-29T10:00:00Z"
    )

    @Argument(help: "The PromQL expression.")
    var expression: String

    @Option(name: .long, help: "Evaluation time: Unix seconds or RFC 3339 (default: now).")
    var time: String?

    @Option(name: .long, help: "Base URL of the server.")
    var server = "http://127.0.0.1:9360"

    @Option(name: .long, help: "text (one line per series) or json (the API's data object).")
    var output: OutputFormat = .text

    enum OutputFormat: String, ExpressibleByArgument { case text, json }

    func run() async throws {
        guard var components = URLComponents(string: server.hasSuffix("/") ? String(server.dropLast()) : server) else {
            throw ValidationError("invalid --server \"\(server)\"")
        }
        components.path += "/api/v1/query"
        components.queryItems = [URLQueryItem(name: "query", value: expression)] + (time.map { [URLQueryItem(name: "time", value: $0)] } ?? [])
        // URLComponents leaves '+' unescaped, which servers read as a space.
        let encoded = components.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        components.percentEncodedQuery = encoded
        guard let url = components.url?.absoluteString else { throw ValidationError("invalid --server \"\(server)\"") }
        let client = HTTPClient(eventLoopGroupProvider: .singleton,
                                configuration: .init(timeout: .init(connect: .seconds(5), read: .seconds(130))))
        let fetched: Result<ByteBuffer, any Error>
        do {
            let response = try await client.execute(HTTPClientRequest(url: url), timeout: .seconds(130))
            fetched = .success(try await response.body.collect(upTo: 512 * 1024 * 1024))
        } catch {
            fetched = .failure(error)
        }
        try await client.shutdown()
        guard case .success(let body) = fetched else {
            if case .failure(let error) = fetched { printToStandardError("agent360 query: cannot reach \(server): \(error)") }
            throw ExitCode(3)
        }
        let object = try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any]
        guard object?["status"] as? String == "success", let data = object?["data"] as? [String: Any] else {
            printToStandardError("agent360 query: \(object?["errorType"] ?? "error"): \(object?["error"] ?? String(buffer: body))")
            throw ExitCode(1)
        }
        switch output {
        case .json:
            let text = try JSONSerialization.data(withJSONObject: data, options: [.prettyPrinted, .sortedKeys])
            print(String(decoding: text, as: UTF8.self))
        case .text:
            for line in Self.lines(data) { print(line) }
        }
    }

    /// `metric{labels} => value @ time`, one line per series or point.
    static func lines(_ data: [String: Any]) -> [String] {
        func labels(_ any: Any?) -> String {
            let map = any as? [String: String] ?? [:]
            let name = map["__name__"] ?? ""
            let rest = map.filter { $0.key != "__name__" }.sorted { $0.key < $1.key }
                .map { "\($0.key)=\"\($0.value)\"" }.joined(separator: ", ")
            return rest.isEmpty ? (name.isEmpty ? "{}" : name) : "\(name){\(rest)}"
        }
        func point(_ any: Any?) -> String {
            guard let pair = any as? [Any], pair.count == 2 else { return "?" }
            return "\(pair[1]) @[\(pair[0])]"
        }
        switch data["resultType"] as? String {
        case "vector":
            return (data["result"] as? [[String: Any]] ?? []).map { "\(labels($0["metric"])) => \(point($0["value"]))" }
        case "matrix":
            return (data["result"] as? [[String: Any]] ?? []).map { series in
                let values = (series["values"] as? [Any] ?? []).map(point).joined(separator: "\n  ")
                return "\(labels(series["metric"])) =>\n  \(values)"
            }
        default:
            return [point(data["result"])]
        }
    }
}
