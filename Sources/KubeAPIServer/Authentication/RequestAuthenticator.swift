import Foundation
import HTTPTypes
import Hummingbird
import X509

/// What a request brings to prove who sent it.
struct RequestCredentials: Sendable {
    /// The certificates the client presented in the TLS handshake, leaf
    /// first, not yet verified.
    var presentedChain: [Certificate]
    var headers: HTTPFields

    /// `Authorization: Bearer <token>`, read as kube-apiserver does
    /// (scheme case-insensitive, empty token ignored).
    var bearerToken: String? {
        guard let header = headers[.authorization]?.trimmingWhitespace(), !header.isEmpty else { return nil }
        let parts = header.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0].lowercased() == "bearer", !parts[1].isEmpty else { return nil }
        return String(parts[1])
    }
}

/// Asks someone else whether a bearer token is valid (TokenReview).
protocol TokenReviewing: Sendable {
    func review(token: String) async -> TokenReviewResult
}

enum TokenReviewResult: Sendable, Equatable {
    case authenticated(UserInfo)
    case rejected(String)
}

/// Authenticates requests the way a Kubernetes extension API server does,
/// trying in order: front proxy, client certificate, static token,
/// TokenReview. The first that accepts wins; a front-proxy certificate
/// with a CN that is not allowed ends the search with 401.
struct RequestAuthenticator: Sendable {
    let trust: AuthenticationTrustStore
    let tokenFile: StaticTokenFile?
    let tokenReviewer: (any TokenReviewing)?

    func authenticate(_ credentials: RequestCredentials) async -> AuthenticationOutcome {
        var reasons: [String] = []
        let trust = trust.current
        let chain = credentials.presentedChain

        if let requestHeader = trust.requestHeader {
            switch await RequestHeaderAuthenticator(trust: requestHeader).authenticate(chain: chain, headers: credentials.headers) {
            case .authenticated(let user):
                return .authenticated(user.withAuthenticatedGroup(), .requestHeader)
            case .rejected(let reason):
                return .unauthenticated(reasons: [reason])
            case .notApplicable(let reason):
                reasons.append(reason)
            }
        }

        if let clientCA = trust.clientCA, !chain.isEmpty {
            switch await clientCA.verify(chain) {
            case .success(let verified):
                if let commonName = verified.first?.subjectCommonName, !commonName.isEmpty {
                    let user = UserInfo(name: commonName, groups: verified.first?.subjectOrganizations ?? [])
                    return .authenticated(user.withAuthenticatedGroup(), .clientCertificate)
                }
                reasons.append("client certificate: verified, but its subject has no CN to name the user")
            case .failure(let failure):
                reasons.append("client certificate: \(failure)")
            }
        } else if !chain.isEmpty {
            reasons.append("client certificate: no client CA is configured")
        }

        if let token = credentials.bearerToken {
            if let user = tokenFile?.user(forToken: token) {
                return .authenticated(user.withAuthenticatedGroup(), .staticToken)
            }
            if let tokenReviewer {
                switch await tokenReviewer.review(token: token) {
                case .authenticated(let user):
                    return .authenticated(user.withAuthenticatedGroup(), .tokenReview)
                case .rejected(let reason):
                    reasons.append("bearer token: \(reason)")
                }
            } else {
                reasons.append(tokenFile == nil ? "bearer token: no token authenticator is configured" : "bearer token: not in the token file")
            }
        }

        if reasons.isEmpty { reasons.append("no credentials") }
        return .unauthenticated(reasons: reasons)
    }
}
