import KubeMetricsAPI

/// A yes/no from whoever decides, with the reason kube-apiserver appends
/// to its Forbidden message.
enum AuthorizationDecision: Sendable, Hashable {
    case allow
    case deny(reason: String)
    /// The decider could not be asked: 500, as kube-apiserver answers
    /// when its authorization webhook fails.
    case error(String)
}

/// Asks someone else whether a user may do something (SubjectAccessReview).
protocol SubjectAccessReviewing: Sendable {
    func review(user: UserInfo, attributes: RequestAttributes) async -> AuthorizationDecision
}

/// Decides whether an authenticated user may make a request.
///
/// Order: discovery and OpenAPI for anyone authenticated; then the static
/// allow-list (users, groups); then, when delegated, a SubjectAccessReview;
/// otherwise deny. The allow-list goes first even when delegating so the
/// HPA and cluster admins never wait on the API server (like
/// `--authorization-always-allow-groups` of extension API servers).
struct RequestAuthorizer: Sendable {
    let allowedUsers: Set<String>
    let allowedGroups: Set<String>
    let reviewer: (any SubjectAccessReviewing)?

    init(config: AuthorizationConfig, reviewer: (any SubjectAccessReviewing)?) {
        self.allowedUsers = Set(config.allowedUsers)
        self.allowedGroups = Set(config.allowedGroups)
        self.reviewer = reviewer
    }

    func authorize(_ user: UserInfo, _ attributes: RequestAttributes) async -> AuthorizationDecision {
        if attributes.isDiscovery { return .allow }
        if allowedUsers.contains(user.name) || user.groups.contains(where: allowedGroups.contains) {
            return .allow
        }
        guard let reviewer else { return .deny(reason: "") }
        return await reviewer.review(user: user, attributes: attributes)
    }
}

extension KubeAPIError {
    /// kube-apiserver's Forbidden status for a denied request, word for word:
    /// `pods.custom.metrics.k8s.io "*" is forbidden: User "x" cannot get
    /// resource "pods/m" in API group "custom.metrics.k8s.io" in the namespace "ns"`.
    static func forbidden(user: UserInfo, attributes: RequestAttributes, reason: String) -> KubeAPIError {
        let suffix = reason.isEmpty ? "" : ": \(reason)"
        switch attributes {
        case .nonResource(let path, let verb):
            return KubeAPIError(.forbidden, "forbidden: User \"\(user.name)\" cannot \(verb) path \"\(path)\"\(suffix)")
        case .resource(let a):
            let resource = a.subresource.isEmpty ? a.resource : "\(a.resource)/\(a.subresource)"
            let scope = a.namespace.isEmpty ? "at the cluster scope" : "in the namespace \"\(a.namespace)\""
            let detail = "User \"\(user.name)\" cannot \(a.verb) resource \"\(resource)\" in API group \"\(a.group)\" \(scope)\(suffix)"
            let groupResource = a.group.isEmpty ? a.resource : "\(a.resource).\(a.group)"
            let subject = a.name.isEmpty ? groupResource : "\(groupResource) \"\(a.name)\""
            return KubeAPIError(
                .forbidden, "\(subject) is forbidden: \(detail)",
                details: Status.Details(name: a.name.isEmpty ? nil : a.name, group: a.group, kind: a.resource))
        }
    }

    /// kube-apiserver's 401 body: no hint about which credential failed.
    static let unauthorized = KubeAPIError(.unauthorized, "Unauthorized")
}
