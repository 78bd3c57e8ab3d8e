import Foundation

/// A real Prometheus 2.42 (Debian's package) started for one test.
struct PrometheusServer: Sendable {
    let process: ManagedProcess
    let port: Int
    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Starts Prometheus with `config` (YAML) and waits until it is ready.
    static func start(config: String, extraArguments: [String] = [], name: String = "prometheus") async throws -> PrometheusServer {
        let directory = try Paths.temporaryDirectory(name)
        let configURL = directory.appendingPathComponent("prometheus.yml")
        try config.write(to: configURL, atomically: true, encoding: .utf8)
        let port = try freePort()
        let process = try ManagedProcess(name: name, executable: Paths.prometheus, arguments: [
            "--config.file=\(configURL.path)",
            "--storage.tsdb.path=\(directory.appendingPathComponent("data").path)",
            "--web.listen-address=127.0.0.1:\(port)",
            "--log.level=warn",
        ] + extraArguments)
        let server = PrometheusServer(process: process, port: port)
        do {
            try await HTTP.waitUntilOK("\(server.baseURL)/-/ready", process: process)
        } catch {
            await process.stop()
            throw error
        }
        return server
    }

    /// `/api/v1/query` → the `data` object; throws on a non-success answer.
    func query(_ expression: String, time: Double? = nil) async throws -> [String: Any] {
        var url = "\(baseURL)/api/v1/query?query=\(expression.queryEncoded)"
        if let time { url += "&time=\(time)" }
        return try await PrometheusAPI.data(from: HTTP.get(url))
    }

    func stop() async { await process.stop() }
}

/// Decoding helpers for Prometheus HTTP API answers (also agent360's).
enum PrometheusAPI {
    static func data(from result: HTTPResult) throws -> [String: Any] {
        guard let object = try result.json() as? [String: Any] else { throw TestFailure("not a JSON object: \(result.text)") }
        guard object["status"] as? String == "success", let data = object["data"] as? [String: Any] else {
            throw TestFailure("query failed (\(result.status)): \(result.text.prefix(500))")
        }
        return data
    }

    /// `(labels, value)` pairs of an instant vector result.
    static func vector(_ data: [String: Any]) throws -> [(labels: [String: String], value: Double)] {
        guard data["resultType"] as? String == "vector", let result = data["result"] as? [[String: Any]] else {
            throw TestFailure("not a vector: \(data)")
        }
        return try result.map { item in
            guard let metric = item["metric"] as? [String: String], let pair = item["value"] as? [Any],
                  pair.count == 2, let text = pair[1] as? String, let value = Double(text) ?? Self.special(text) else {
                throw TestFailure("malformed vector item \(item)")
            }
            return (metric, value)
        }
    }

    static func special(_ text: String) -> Double? {
        switch text {
        case "NaN": return .nan
        case "+Inf": return .infinity
        case "-Inf": return -.infinity
        default: return nil
        }
    }
}

/// Starts Prometheus, runs `body`, and stops it however `body` ends.
func withPrometheus<T>(config: String, extraArguments: [String] = [],
                       _ body: (PrometheusServer) async throws -> T) async throws -> T {
    let server = try await PrometheusServer.start(config: config, extraArguments: extraArguments)
    return try await withProcess(server.process) { _ in try await body(server) }
}
