import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOCore

/// GETs against agent360's (or any Prometheus's) HTTP API for the `simulate`
/// and `recommend` commands, with their shared exit codes:
/// 1 = the server answered with an error, 3 = the server cannot be reached.
struct ServerAPIClient {
    let command: String
    let base: String
    private let client: HTTPClient

    init(command: String, server: String) throws {
        self.command = command
        var base = server
        while base.hasSuffix("/") { base.removeLast() }
        guard let url = URL(string: base), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
            throw ValidationError("invalid --server \"\(server)\": expected a URL such as http://127.0.0.1:9360")
        }
        self.base = base
        client = HTTPClient(eventLoopGroupProvider: .singleton,
                            configuration: .init(timeout: .init(connect: .seconds(5), read: .seconds(130))))
    }

    /// The `data` member of a successful answer.
    func data(_ path: String, _ parameters: [(String, String)] = []) async throws -> Any {
        var components = URLComponents()
        components.queryItems = parameters.map { URLQueryItem(name: $0.0, value: $0.1) }
        // URLComponents leaves '+' unescaped, which servers read as a space.
        let query = (components.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B")
        let url = base + path + (query.isEmpty ? "" : "?" + query)
        let body: ByteBuffer
        do {
            let response = try await client.execute(HTTPClientRequest(url: url), timeout: .seconds(130))
            body = try await response.body.collect(upTo: 512 * 1024 * 1024)
        } catch {
            printToStandardError("agent360 \(command): cannot reach \(base): \(error)")
            throw ExitCode(3)
        }
        let object = (try? JSONSerialization.jsonObject(with: Data(buffer: body))) as? [String: Any]
        guard let object else {
            printToStandardError("agent360 \(command): \(path): the answer is not JSON: \(String(buffer: body).prefix(300))")
            throw ExitCode(1)
        }
        guard object["status"] as? String == "success", let data = object["data"] else {
            printToStandardError("agent360 \(command): \(path): \(object["errorType"] ?? "error"): \(object["error"] ?? "no data")")
            throw ExitCode(1)
        }
        return data
    }

    func shutdown() async {
        try? await client.shutdown()
    }

    /// Runs `body` and shuts the client down however it ends.
    static func with<T>(command: String, server: String, _ body: (ServerAPIClient) async throws -> T) async throws -> T {
        let client = try ServerAPIClient(command: command, server: server)
        do {
            let result = try await body(client)
            await client.shutdown()
            return result
        } catch {
            await client.shutdown()
            throw error
        }
    }
}
