import Crypto
import Foundation
import SwiftASN1
import X509

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A P-256 key with a certificate: a CA that signs, or a leaf that serves
/// or authenticates. Used for the generated serving certificate (and by
/// tests for throwaway PKIs).
struct IssuedCertificate: Sendable {
    enum Usage: Sendable {
        case certificateAuthority
        case server
        case client
    }

    let certificate: Certificate
    let privateKey: P256.Signing.PrivateKey

    var certificatePEM: String {
        get throws { try certificate.serializeAsPEM().pemString }
    }

    var privateKeyPEM: String { privateKey.pemRepresentation }

    /// A self-signed CA.
    static func authority(commonName: String, validity: DateInterval) throws -> IssuedCertificate {
        try issue(commonName: commonName, organizations: [], names: [], usage: .certificateAuthority, validity: validity, issuer: nil)
    }

    /// Issues a certificate signed by `issuer` (self-signed when nil).
    ///
    /// - Parameter names: subject alternative names; IP literals become IP
    ///   SANs, anything else a DNS SAN.
    static func issue(commonName: String, organizations: [String], names: [String], usage: Usage,
                      validity: DateInterval, issuer: IssuedCertificate?) throws -> IssuedCertificate {
        let key = P256.Signing.PrivateKey()
        let publicKey = Certificate.PublicKey(key.publicKey)
        let subject = try DistinguishedName {
            for organization in organizations { OrganizationName(organization) }
            CommonName(commonName)
        }
        let alternativeNames = SubjectAlternativeNames(names.map(Self.generalName))
        let extensions = try Certificate.Extensions {
            switch usage {
            case .certificateAuthority:
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
                Critical(KeyUsage(digitalSignature: true, keyCertSign: true))
            case .server:
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true, keyEncipherment: true))
                try ExtendedKeyUsage([.serverAuth])
            case .client:
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true, keyEncipherment: true))
                try ExtendedKeyUsage([.clientAuth])
            }
            SubjectKeyIdentifier(hash: publicKey)
            if let issuer, let issuerKeyID = try issuer.certificate.extensions.subjectKeyIdentifier?.keyIdentifier {
                AuthorityKeyIdentifier(keyIdentifier: issuerKeyID)
            }
            if !names.isEmpty { alternativeNames }
        }
        let certificate = try Certificate(
            version: .v3,
            serialNumber: Certificate.SerialNumber(),
            publicKey: publicKey,
            notValidBefore: validity.start,
            notValidAfter: validity.end,
            issuer: issuer?.certificate.subject ?? subject,
            subject: subject,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: extensions,
            issuerPrivateKey: Certificate.PrivateKey(issuer?.privateKey ?? key))
        return IssuedCertificate(certificate: certificate, privateKey: key)
    }

    private static func generalName(_ name: String) -> GeneralName {
        if let bytes = ipAddressBytes(name) {
            return .ipAddress(ASN1OctetString(contentBytes: ArraySlice(bytes)))
        }
        return .dnsName(name)
    }

    /// The network-order bytes of an IPv4 or IPv6 literal, nil for anything else.
    static func ipAddressBytes(_ text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            return withUnsafeBytes(of: &v4) { Array($0) }
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 {
            return withUnsafeBytes(of: &v6) { Array($0) }
        }
        return nil
    }
}
