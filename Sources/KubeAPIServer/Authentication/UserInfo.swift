/// An authenticated identity, shaped like Kubernetes's `user.Info` so the
/// same identity can be sent in a SubjectAccessReview unchanged.
public struct UserInfo: Sendable, Hashable, CustomStringConvertible {
    /// Every authenticated user is in this group (as kube-apiserver adds it),
    /// so policies can say "anyone who authenticated".
    public static let authenticatedGroup = "system:authenticated"

    public var name: String
    public var uid: String
    public var groups: [String]
    public var extra: [String: [String]]

    public init(name: String, uid: String = "", groups: [String] = [], extra: [String: [String]] = [:]) {
        self.name = name
        self.uid = uid
        self.groups = groups
        self.extra = extra
    }

    /// The identity with `system:authenticated` added when missing.
    func withAuthenticatedGroup() -> UserInfo {
        guard !groups.contains(Self.authenticatedGroup) else { return self }
        var copy = self
        copy.groups.append(Self.authenticatedGroup)
        return copy
    }

    public var description: String {
        groups.isEmpty ? "\"\(name)\"" : "\"\(name)\" (groups \(groups.joined(separator: ", ")))"
    }
}

/// How a request proved who it is, for logs.
enum AuthenticationMethod: String, Sendable, Hashable {
    case requestHeader = "front-proxy"
    case clientCertificate = "client-certificate"
    case staticToken = "token-file"
    case tokenReview = "token-review"
}

/// The result of authenticating one request.
enum AuthenticationOutcome: Sendable, Hashable {
    case authenticated(UserInfo, AuthenticationMethod)
    /// No authenticator accepted the request; `reasons` says what each one
    /// found wrong (for the server log, never for the client).
    case unauthenticated(reasons: [String])
}
