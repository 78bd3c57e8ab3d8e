import HTTPTypes
import Hummingbird
import Synchronization
import X509

/// Front-proxy trust: which certificates may speak for other users, and
/// in which headers they name them.
struct RequestHeaderTrust: Sendable {
    var verifier: ClientCertificateVerifier
    /// Accepted CNs; empty accepts any certificate from the CA.
    var allowedNames: [String]
    var usernameHeaders: [HTTPField.Name]
    var groupHeaders: [HTTPField.Name]
    /// Lower-cased, compared with lower-cased header names.
    var extraHeaderPrefixes: [String]

    init(roots: [Certificate], allowedNames: [String], usernameHeaders: [String], groupHeaders: [String],
         extraHeaderPrefixes: [String]) {
        self.verifier = ClientCertificateVerifier(roots: roots)
        self.allowedNames = allowedNames
        self.usernameHeaders = usernameHeaders.compactMap { HTTPField.Name($0) }
        self.groupHeaders = groupHeaders.compactMap { HTTPField.Name($0) }
        self.extraHeaderPrefixes = extraHeaderPrefixes.map { $0.lowercased() }
    }
}

/// The CAs certificate authentication currently trusts.
struct AuthenticationTrust: Sendable {
    /// Ordinary client certificates (user = CN, groups = O).
    var clientCA: ClientCertificateVerifier?
    var requestHeader: RequestHeaderTrust?

    /// Whether TLS should ask clients for a certificate at all.
    var acceptsClientCertificates: Bool { clientCA != nil || requestHeader != nil }
}

/// Holds the trust that requests are checked against; delegation replaces
/// parts of it when the cluster's authentication ConfigMap changes.
final class AuthenticationTrustStore: Sendable {
    private let state: Mutex<AuthenticationTrust>

    init(_ trust: AuthenticationTrust) {
        self.state = Mutex(trust)
    }

    var current: AuthenticationTrust { state.withLock { $0 } }

    func update(_ change: (inout AuthenticationTrust) -> Void) {
        state.withLock { change(&$0) }
    }
}
