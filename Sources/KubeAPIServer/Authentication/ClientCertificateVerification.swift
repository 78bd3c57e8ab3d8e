import Foundation
import SwiftASN1
import X509

/// Verifies a presented client certificate chain against one set of roots.
///
/// The TLS layer accepts any certificate (or none) because the server
/// trusts two CAs with different meanings: the front-proxy CA vouches for
/// the aggregator (whose headers then name the user), the client CA vouches
/// for the user directly. Only here, per request and per CA, is a chain
/// believed, as kube-apiserver's x509 authenticators do.
struct ClientCertificateVerifier: Sendable {
    let roots: [Certificate]

    init(roots: [Certificate]) {
        self.roots = roots
    }

    /// The verified chain (leaf first), or why there is none, checked
    /// against the current time.
    func verify(_ presented: [Certificate]) async -> Result<[Certificate], VerificationFailure> {
        guard let leaf = presented.first else { return .failure(VerificationFailure("no client certificate")) }
        var verifier = Verifier(rootCertificates: CertificateStore(roots)) {
            RFC5280Policy()
            ClientAuthenticationUsagePolicy()
        }
        let result = await verifier.validate(leaf: leaf, intermediates: CertificateStore(presented.dropFirst()))
        switch result {
        case .validCertificate(let chain):
            return .success(Array(chain))
        case .couldNotValidate(let failures):
            let reasons = failures.map { String(describing: $0.policyFailureReason) }
            let detail = reasons.isEmpty ? "no chain to a trusted root" : reasons.joined(separator: "; ")
            return .failure(VerificationFailure("certificate \"\(leaf.subject)\" is not trusted: \(detail)"))
        }
    }

    struct VerificationFailure: Error, Sendable, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}

/// Go's `x509.ExtKeyUsageClientAuth` check, which kube-apiserver applies to
/// client certificates: a leaf that lists extended key usages must list
/// client authentication (or any); a leaf without the extension is accepted.
struct ClientAuthenticationUsagePolicy: VerifierPolicy {
    let verifyingCriticalExtensions: [ASN1ObjectIdentifier] = [.X509ExtensionID.extendedKeyUsage]

    func chainMeetsPolicyRequirements(chain: UnverifiedCertificateChain) -> PolicyEvaluationResult {
        let usage: ExtendedKeyUsage?
        do {
            usage = try chain.leaf.extensions.extendedKeyUsage
        } catch {
            return .failsToMeetPolicy(reason: "malformed extended key usage extension: \(error)")
        }
        guard let usage else { return .meetsPolicy }
        if usage.contains(.clientAuth) || usage.contains(.any) { return .meetsPolicy }
        return .failsToMeetPolicy(reason: "the certificate's extended key usage does not allow client authentication")
    }
}

extension Certificate {
    /// The subject's common name (the last one, as Go reads it).
    var subjectCommonName: String? {
        subject.attributeValues(.RDNAttributeType.commonName).last
    }

    /// The subject's organization values: Kubernetes groups.
    var subjectOrganizations: [String] {
        subject.attributeValues(.RDNAttributeType.organizationName)
    }
}

extension DistinguishedName {
    func attributeValues(_ type: ASN1ObjectIdentifier) -> [String] {
        flatMap { rdn in rdn.compactMap { $0.type == type ? String($0.value) : nil } }
    }
}
