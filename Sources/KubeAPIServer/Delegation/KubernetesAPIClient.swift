import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL
import Synchronization

/// Just enough of a Kubernetes client for delegation: JSON GET and POST
/// to the API server with the pod's service account token.
final class KubernetesAPIClient: Sendable {
    let environment: InClusterEnvironment
    private let http: HTTPClient
    private let token = Mutex<(value: String, read: Date)?>(nil)
    private static let tokenRereadInterval: TimeInterval = 60
    private static let maxResponseBytes = 4 << 20

    init(environment: InClusterEnvironment) throws(DelegationError) {
        let authorities: [NIOSSLCertificate]
        do {
            authorities = try NIOSSLCertificate.fromPEMFile(environment.caFile)
        } catch {
            throw DelegationError("cannot load the API server CA \(environment.caFile): \(error)")
        }
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.trustRoots = .certificates(authorities)
        tls.minimumTLSVersion = .tlsv12
        self.environment = environment
        self.http = HTTPClient(
            eventLoopGroupProvider: .singleton,
            configuration: HTTPClient.Configuration(
                tlsConfiguration: tls, timeout: .init(connect: .seconds(5), read: .seconds(10))))
    }

    func shutdown() async {
        try? await http.shutdown()
    }

    func get<Response: Decodable>(_ path: String, as type: Response.Type) async throws(DelegationError) -> Response {
        try await send(path, method: .GET, body: nil, as: type)
    }

    func post<Body: Encodable, Response: Decodable>(_ path: String, _ body: Body, as type: Response.Type)
        async throws(DelegationError) -> Response
    {
        let bytes: Data
        do {
            bytes = try JSONEncoder().encode(body)
        } catch {
            throw DelegationError("encoding the request to \(path) failed: \(error)")
        }
        return try await send(path, method: .POST, body: bytes, as: type)
    }

    private func send<Response: Decodable>(_ path: String, method: HTTPMethod, body: Data?, as type: Response.Type)
        async throws(DelegationError) -> Response
    {
        var request = HTTPClientRequest(url: environment.baseURL + path)
        request.method = method
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "Authorization", value: "Bearer \(try bearerToken())")
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let status: UInt
        let payload: ByteBuffer
        do {
            let response = try await http.execute(request, timeout: .seconds(15))
            status = response.status.code
            payload = try await response.body.collect(upTo: Self.maxResponseBytes)
        } catch {
            throw DelegationError("\(method.rawValue) \(path): \(error)")
        }
        let data = Data(payload.readableBytesView)
        guard (200..<300).contains(status) else {
            let message = (try? JSONDecoder().decode(StatusMessage.self, from: data))?.message
                ?? String(decoding: data.prefix(200), as: UTF8.self)
            throw DelegationError("\(method.rawValue) \(path): HTTP \(status): \(message)")
        }
        do {
            return try JSONDecoder().decode(Response.self, from: data)
        } catch {
            throw DelegationError("\(method.rawValue) \(path): unexpected response: \(error)")
        }
    }

    /// The service account token, re-read every minute because kubelet
    /// rotates projected tokens in place.
    private func bearerToken() throws(DelegationError) -> String {
        let now = Date()
        if let cached = token.withLock({ $0 }), now.timeIntervalSince(cached.read) < Self.tokenRereadInterval {
            return cached.value
        }
        let text: String
        do {
            text = try PEMFile.readText(environment.tokenFile)
        } catch {
            throw DelegationError("cannot read the service account token: \(error)")
        }
        let value = text.trimmingWhitespace()
        token.withLock { $0 = (value, now) }
        return value
    }

    private struct StatusMessage: Decodable {
        var message: String?
    }
}

/// Talking to the Kubernetes API server failed.
public struct DelegationError: Error, Sendable, Hashable, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
