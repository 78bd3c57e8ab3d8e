import AsyncHTTPClient
import Foundation
import NIOCore
import NIOSSL

/// An in-process HTTPS client for status-code assertions, optionally
/// presenting a client certificate.
enum TestHTTPSClient {
    struct Response: Sendable {
        let status: Int
        let contentType: String?
        let body: [UInt8]

        var text: String { String(decoding: body, as: UTF8.self) }

        /// The body as a JSON object (a Kubernetes object or `Status`).
        func object() throws -> [String: Any] {
            guard let object = try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
                throw TestFailure("body is not a JSON object: \(text)")
            }
            return object
        }
    }

    static func get(_ url: String, certificate: ClientCredential? = nil, headers: [(String, String)] = []) async throws -> Response {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.certificateVerification = .none
        if let certificate {
            tls.certificateChain = try NIOSSLCertificate.fromPEMBytes(Array(certificate.certificatePEM.utf8)).map { .certificate($0) }
            tls.privateKey = .privateKey(try NIOSSLPrivateKey(bytes: Array(certificate.keyPEM.utf8), format: .pem))
        }
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(tlsConfiguration: tls))
        do {
            var request = HTTPClientRequest(url: url)
            for (name, value) in headers { request.headers.add(name: name, value: value) }
            let response = try await client.execute(request, timeout: .seconds(20))
            let body = try await response.body.collect(upTo: 8 << 20)
            let result = Response(
                status: Int(response.status.code), contentType: response.headers.first(name: "Content-Type"),
                body: Array(body.readableBytesView))
            try await client.shutdown()
            return result
        } catch {
            try? await client.shutdown()
            throw error
        }
    }
}

/// Asserts a Kubernetes `Status` body and returns its message.
func statusMessage(_ response: TestHTTPSClient.Response, code: Int, reason: String) throws -> String {
    let object = try response.object()
    guard response.status == code, object["kind"] as? String == "Status", object["apiVersion"] as? String == "v1",
          object["status"] as? String == "Failure", object["reason"] as? String == reason, object["code"] as? Int == code
    else {
        throw TestFailure("expected Status \(code) \(reason), got HTTP \(response.status): \(response.text)")
    }
    return object["message"] as? String ?? ""
}
