import Foundation
import X509

@testable import KubeAPIServer

/// A throwaway PKI for one test, written to a temporary directory:
/// the client CA, the front-proxy (request-header) CA, an unrelated "rogue"
/// CA, and certificates they issue.
struct TestPKI: Sendable {
    let directory: URL
    let clientCA: IssuedCertificate
    let frontProxyCA: IssuedCertificate
    let rogueCA: IssuedCertificate

    static let validity = DateInterval(start: Date().addingTimeInterval(-3600), duration: 2 * 24 * 3600)

    init() throws {
        directory = try TemporaryDirectory.make("pki")
        clientCA = try IssuedCertificate.authority(commonName: "test-client-ca", validity: Self.validity)
        frontProxyCA = try IssuedCertificate.authority(commonName: "test-front-proxy-ca", validity: Self.validity)
        rogueCA = try IssuedCertificate.authority(commonName: "test-rogue-ca", validity: Self.validity)
        try write(clientCA.certificatePEM, "client-ca.crt")
        try write(frontProxyCA.certificatePEM, "front-proxy-ca.crt")
    }

    var clientCAFile: String { path("client-ca.crt") }
    var frontProxyCAFile: String { path("front-proxy-ca.crt") }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    @discardableResult
    func write(_ text: String, _ name: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// A client certificate; files `<name>.crt` / `<name>.key`.
    func clientCertificate(_ name: String, commonName: String, organizations: [String] = [],
                           issuer: IssuedCertificate, validity: DateInterval = TestPKI.validity) throws -> ClientCredential {
        let issued = try IssuedCertificate.issue(
            commonName: commonName, organizations: organizations, names: [], usage: .client, validity: validity, issuer: issuer)
        return ClientCredential(
            issued: issued,
            certificateFile: try write(try issued.certificatePEM, "\(name).crt"),
            keyFile: try write(issued.privateKeyPEM, "\(name).key"))
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}

struct ClientCredential: Sendable {
    let issued: IssuedCertificate
    let certificateFile: String
    let keyFile: String

    var certificatePEM: String { (try? issued.certificatePEM) ?? "" }
    var keyPEM: String { issued.privateKeyPEM }
}

enum TemporaryDirectory {
    static func make(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("kubeapiserver-tests-\(label)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
