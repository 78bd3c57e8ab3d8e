import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// A response read whole, for assertions.
struct HTTPResult: Sendable {
    let status: Int
    let headers: HTTPHeaders
    let body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }

    func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(body)) }
}

enum HTTP {
    /// One client for all tests, without transparent decompression so tests
    /// see exactly what the server sent.
    static let client = HTTPClient(eventLoopGroupProvider: .singleton,
                                   configuration: .init(certificateVerification: .none, decompression: .disabled))

    static func request(_ url: String, method: HTTPMethod = .GET, headers: [(String, String)] = [],
                        body: [UInt8]? = nil, timeout: Duration = .seconds(30)) async throws -> HTTPResult {
        var request = HTTPClientRequest(url: url)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await client.execute(request, timeout: .milliseconds(Int64(timeout.components.seconds * 1000)))
        var collected = try await response.body.collect(upTo: 256 * 1024 * 1024)
        let bytes = collected.readBytes(length: collected.readableBytes) ?? []
        return HTTPResult(status: Int(response.status.code), headers: response.headers, body: bytes)
    }

    static func get(_ url: String, headers: [(String, String)] = []) async throws -> HTTPResult {
        try await request(url, headers: headers)
    }

    /// Polls `url` until it answers 200 or `timeout` passes.
    static func waitUntilOK(_ url: String, timeout: Duration = .seconds(60), process: ManagedProcess? = nil) async throws {
        let deadline = ContinuousClock.now + timeout
        var lastError = "no response"
        while ContinuousClock.now < deadline {
            if let process, !process.isRunning {
                throw TestFailure("\(process.name) exited early:\n\(process.output.suffix(4000))")
            }
            do {
                let result = try await request(url, timeout: .seconds(2))
                if result.status == 200 { return }
                lastError = "status \(result.status): \(result.text.prefix(200))"
            } catch {
                lastError = "\(error)"
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw TestFailure("\(url) not ready after \(timeout): \(lastError)")
    }
}

extension String {
    /// Percent-encodes a query parameter value.
    var queryEncoded: String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return addingPercentEncoding(withAllowedCharacters: allowed) ?? self
    }
}
