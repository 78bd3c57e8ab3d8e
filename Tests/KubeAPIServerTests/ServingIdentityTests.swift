import Foundation
import NIOSSL
import SwiftASN1
import Testing
@_spi(FixedExpiryValidationTime) import X509

@testable import KubeAPIServer

@Suite("Serving certificate")
struct ServingIdentityTests {
    @Test("generated: CA-signed P-256 serving certificate, one year, kube-apiserver's SANs plus the Service's")
    func generated() async throws {
        let now = Date(timeIntervalSince1970: 1_750_000_000)
        let identity = try ServingIdentity.generate(
            names: SelfSignedNames(serviceName: "agent360", serviceNamespace: "monitoring", extraNames: ["10.0.0.7", "metrics.example"]),
            hostName: "node-a", now: now)
        let chain = try PEMFile.certificates(pem: identity.certificateChainPEM, source: "chain")
        #expect(chain.count == 2)
        let leaf = chain[0]
        let authority = try PEMFile.certificates(pem: try #require(identity.generatedAuthorityPEM), source: "ca")
        #expect(authority == [chain[1]])

        let sans = try #require(try leaf.extensions.subjectAlternativeNames)
        let dns = sans.compactMap { if case .dnsName(let name) = $0 { return name } else { return nil } }
        let ips = sans.compactMap { if case .ipAddress(let bytes) = $0 { return Array(bytes.bytes) } else { return nil } }
        #expect(dns == ["localhost", "node-a", "agent360", "agent360.monitoring", "agent360.monitoring.svc",
                        "agent360.monitoring.svc.cluster.local", "metrics.example"])
        #expect(ips == [[127, 0, 0, 1], [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], [10, 0, 0, 7]])
        #expect(leaf.notValidBefore == now.addingTimeInterval(-3600))
        #expect(leaf.notValidAfter == now.addingTimeInterval(365 * 24 * 3600))
        #expect(try leaf.extensions.extendedKeyUsage?.contains(.serverAuth) == true)
        #expect(try leaf.extensions.basicConstraints == .notCertificateAuthority)

        // It verifies as a server certificate for the Service name against the CA.
        var verifier = Verifier(rootCertificates: CertificateStore(authority)) {
            RFC5280Policy(fixedExpiryValidationTime: now)
            ServerIdentityPolicy(serverHostname: "agent360.monitoring.svc", serverIP: nil)
        }
        guard case .validCertificate = await verifier.validate(leaf: leaf, intermediates: CertificateStore()) else {
            Issue.record("the generated certificate does not verify for agent360.monitoring.svc")
            return
        }
        // And NIOSSL accepts the key with the chain.
        _ = try NIOSSLContext(configuration: .makeServerConfiguration(
            certificateChain: try NIOSSLCertificate.fromPEMBytes(Array(identity.certificateChainPEM.utf8)).map { .certificate($0) },
            privateKey: .privateKey(try NIOSSLPrivateKey(bytes: Array(identity.privateKeyPEM.utf8), format: .pem))))
    }

    @Test("files: loaded as given; unreadable or non-PEM files are errors naming the file")
    func files() throws {
        let pki = try TestPKI()
        defer { pki.remove() }
        let server = try IssuedCertificate.issue(commonName: "agent360", organizations: [], names: ["localhost"], usage: .server,
                                                  validity: TestPKI.validity, issuer: pki.clientCA)
        let cert = try pki.write(try server.certificatePEM, "tls.crt")
        let key = try pki.write(server.privateKeyPEM, "tls.key")
        let identity = try ServingIdentity.load(TLSFiles(certFile: cert, keyFile: key))
        #expect(identity.generatedAuthorityPEM == nil)
        #expect(identity.privateKeyPEM == server.privateKeyPEM)

        let missing = #expect(throws: PEMFileError.self) { try ServingIdentity.load(TLSFiles(certFile: "/nope.crt", keyFile: key)) }
        #expect(missing?.path == "/nope.crt")
        let garbage = try pki.write("not a key", "garbage.key")
        let badKey = #expect(throws: PEMFileError.self) { try ServingIdentity.load(TLSFiles(certFile: cert, keyFile: garbage)) }
        #expect(badKey?.path == garbage)
        #expect(badKey?.message.hasPrefix("not a PEM private key") == true)
    }

    @Test("a CA file without certificates fails the server's start, naming the file")
    func badCAFile() throws {
        let pki = try TestPKI()
        defer { pki.remove() }
        let empty = try pki.write("# nothing here\n", "empty-ca.crt")
        let error = #expect(throws: PEMFileError.self) {
            _ = try SecureAPIServer(config: SecureAPIConfig(clientCAFile: empty), service: try StandInEvaluator.service(),
                                    logger: .init(label: "test"), inCluster: nil)
        }
        #expect(error?.description == "\(empty): contains no CERTIFICATE block")
    }
}
