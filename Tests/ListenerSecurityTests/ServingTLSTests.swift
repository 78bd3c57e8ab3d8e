import Crypto
import Foundation
import ListenerSecurity
import SwiftASN1
import Testing
import X509

/// A self-signed certificate and key, PEM, made in-process.
enum TestCertificates {
    static func make(name: String = "agent360-test") throws -> (certificate: String, key: String) {
        let key = P256.Signing.PrivateKey()
        let subject = try DistinguishedName { CommonName(name) }
        let now = Date()
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: .init(key.publicKey),
            notValidBefore: now.addingTimeInterval(-60), notValidAfter: now.addingTimeInterval(3600),
            issuer: subject, subject: subject, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
                SubjectAlternativeNames([.dnsName("localhost")])
            },
            issuerPrivateKey: .init(key))
        return (try certificate.serializeAsPEM().pemString, key.pemRepresentation)
    }
}

@Suite("TLS settings of the plain listener")
struct ServingTLSTests {
    @Test("a certificate and key build a server context")
    func buildsContext() throws {
        let identity = try TestCertificates.make()
        _ = try ServingTLS(TLSServerConfig(certificatePEM: identity.certificate, keyPEM: identity.key))
        _ = try ServingTLS(TLSServerConfig(certificatePEM: identity.certificate, keyPEM: identity.key,
                                           clientAuth: .requireAndVerifyClientCert, clientCAPEM: identity.certificate,
                                           minVersion: .tls13))
    }

    @Test("combinations exporter-toolkit refuses are refused with the reason")
    func refusesBadCombinations() throws {
        let identity = try TestCertificates.make()
        let other = try TestCertificates.make(name: "other")
        let cases: [(TLSServerConfig, String)] = [
            (TLSServerConfig(certificatePEM: identity.certificate, keyPEM: identity.key, minVersion: .tls13, maxVersion: .tls12),
             "min_version"),
            (TLSServerConfig(certificatePEM: identity.certificate, keyPEM: identity.key, clientCAPEM: identity.certificate),
             "client_ca_file is set"),
            (TLSServerConfig(certificatePEM: identity.certificate, keyPEM: identity.key, clientAuth: .verifyClientCertIfGiven),
             "needs client_ca_file"),
            (TLSServerConfig(certificatePEM: "garbage", keyPEM: identity.key), "cert_file"),
            (TLSServerConfig(certificatePEM: identity.certificate, keyPEM: "garbage"), "key_file"),
            (TLSServerConfig(certificatePEM: identity.certificate, keyPEM: other.key), "refused"),
        ]
        for (config, reason) in cases {
            do {
                _ = try ServingTLS(config)
                Issue.record("accepted: \(reason)")
            } catch {
                #expect(error.description.contains(reason), "\(error)")
            }
        }
    }
}
