import Foundation
import HTTPTypes
import Hummingbird
import X509

/// kube-aggregator's front-proxy authentication (`requestheader` in
/// Kubernetes): a certificate from the request-header CA, with an allowed
/// CN, makes the username/group/extra headers authoritative.
struct RequestHeaderAuthenticator: Sendable {
    enum Result: Sendable, Equatable {
        case authenticated(UserInfo)
        /// Not a front-proxy request (no certificate from its CA, or no
        /// user header): other authenticators may still accept it.
        case notApplicable(String)
        /// A front-proxy certificate that must not be used: 401, since
        /// falling through would let the headers' sender pick a weaker path.
        case rejected(String)
    }

    let trust: RequestHeaderTrust

    func authenticate(chain: [Certificate], headers: HTTPFields) async -> Result {
        guard !chain.isEmpty else { return .notApplicable("front-proxy: no client certificate") }
        let verified: [Certificate]
        switch await trust.verifier.verify(chain) {
        case .success(let chain): verified = chain
        case .failure(let failure): return .notApplicable("front-proxy: \(failure)")
        }
        let commonName = verified.first?.subjectCommonName ?? ""
        guard Self.isAllowed(commonName: commonName, allowedNames: trust.allowedNames) else {
            return .rejected(
                "front-proxy: certificate CN \"\(commonName)\" is not in requestheader-allowed-names "
                    + "[\(trust.allowedNames.joined(separator: ", "))]")
        }
        guard let user = Self.user(from: headers, trust: trust) else {
            return .notApplicable("front-proxy: certificate accepted but no username header is set")
        }
        return .authenticated(user)
    }

    /// kube-apiserver compares the CN only (not SANs), exactly.
    static func isAllowed(commonName: String, allowedNames: [String]) -> Bool {
        allowedNames.isEmpty || allowedNames.contains(commonName)
    }

    /// The user the front proxy names: the first non-empty username header;
    /// every non-blank value of every group header as one group (commas
    /// included, as Kubernetes does); extras from prefixed headers, keyed by
    /// the lower-cased, percent-decoded rest of the header name.
    static func user(from headers: HTTPFields, trust: RequestHeaderTrust) -> UserInfo? {
        var name: String?
        for header in trust.usernameHeaders {
            if let value = headers[values: header].first, !value.isEmpty {
                name = value
                break
            }
        }
        guard let name else { return nil }
        var groups: [String] = []
        for header in trust.groupHeaders {
            groups += headers[values: header].filter { $0.contains { !$0.isWhitespace } }
        }
        var extra: [String: [String]] = [:]
        for prefix in trust.extraHeaderPrefixes {
            for field in headers {
                let headerName = field.name.canonicalName  // already lower-case
                guard headerName.hasPrefix(prefix), headerName.count > prefix.count else { continue }
                let encoded = String(headerName.dropFirst(prefix.count))
                let key = encoded.removingPercentEncoding ?? encoded
                extra[key, default: []].append(field.value)
            }
        }
        return UserInfo(name: name, groups: groups, extra: extra)
    }
}
