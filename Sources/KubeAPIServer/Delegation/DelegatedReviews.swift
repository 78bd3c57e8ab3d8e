import Crypto
import Foundation
import Logging

/// TokenReview (`authentication.k8s.io/v1`): the API server says whose a
/// bearer token is. Answers are cached for 10 s, failures to ask are not.
struct DelegatedTokenReviewer: TokenReviewing {
    let client: KubernetesAPIClient
    let cache = ExpiringCache<SHA256Digest, TokenReviewResult>()
    var ttl: TimeInterval = 10

    func review(token: String) async -> TokenReviewResult {
        let key = SHA256.hash(data: Array(token.utf8))
        if let cached = cache.value(for: key) { return cached }
        let answer: TokenReviewObject
        do {
            answer = try await client.post(
                "/apis/authentication.k8s.io/v1/tokenreviews", TokenReviewObject(token: token), as: TokenReviewObject.self)
        } catch {
            return .rejected("TokenReview failed: \(error)")
        }
        let result: TokenReviewResult
        if let status = answer.status, status.authenticated == true, let user = status.user, let name = user.username, !name.isEmpty {
            result = .authenticated(UserInfo(name: name, uid: user.uid ?? "", groups: user.groups ?? [], extra: user.extra ?? [:]))
        } else {
            result = .rejected("TokenReview: " + (answer.status?.error.flatMap { $0.isEmpty ? nil : $0 } ?? "token not authenticated"))
        }
        cache.store(result, for: key, ttl: ttl)
        return result
    }
}

/// SubjectAccessReview (`authorization.k8s.io/v1`): the API server's
/// authorizers (RBAC) decide. Decisions are cached for 10 s.
struct DelegatedAccessReviewer: SubjectAccessReviewing {
    struct Key: Hashable, Sendable {
        var user: UserInfo
        var attributes: RequestAttributes
    }

    let client: KubernetesAPIClient
    let cache = ExpiringCache<Key, AuthorizationDecision>()
    var ttl: TimeInterval = 10

    func review(user: UserInfo, attributes: RequestAttributes) async -> AuthorizationDecision {
        let key = Key(user: user, attributes: attributes)
        if let cached = cache.value(for: key) { return cached }
        let answer: SubjectAccessReviewObject
        do {
            answer = try await client.post(
                "/apis/authorization.k8s.io/v1/subjectaccessreviews",
                SubjectAccessReviewObject(user: user, attributes: attributes), as: SubjectAccessReviewObject.self)
        } catch {
            return .error("SubjectAccessReview failed: \(error)")
        }
        let decision: AuthorizationDecision
        if let status = answer.status, status.allowed, status.denied != true {
            decision = .allow
        } else {
            decision = .deny(reason: answer.status?.reason ?? "")
        }
        cache.store(decision, for: key, ttl: ttl)
        return decision
    }
}

// MARK: - Wire types

struct TokenReviewObject: Codable, Sendable {
    struct Spec: Codable, Sendable {
        var token: String
    }

    struct Status: Codable, Sendable {
        var authenticated: Bool?
        var user: UserInfoObject?
        var error: String?
    }

    var apiVersion = "authentication.k8s.io/v1"
    var kind = "TokenReview"
    var spec: Spec
    var status: Status?

    init(token: String) {
        self.spec = Spec(token: token)
    }
}

struct UserInfoObject: Codable, Sendable {
    var username: String?
    var uid: String?
    var groups: [String]?
    var extra: [String: [String]]?
}

struct SubjectAccessReviewObject: Codable, Sendable {
    struct NonResourceAttributes: Codable, Sendable {
        var path: String
        var verb: String
    }

    struct Spec: Codable, Sendable {
        var resourceAttributes: ResourceAttributes?
        var nonResourceAttributes: NonResourceAttributes?
        var user: String
        var groups: [String]
        var extra: [String: [String]]?
        var uid: String?
    }

    struct Status: Codable, Sendable {
        var allowed: Bool
        var denied: Bool?
        var reason: String?
        var evaluationError: String?
    }

    var apiVersion = "authorization.k8s.io/v1"
    var kind = "SubjectAccessReview"
    var spec: Spec
    var status: Status?

    init(user: UserInfo, attributes: RequestAttributes) {
        var spec = Spec(user: user.name, groups: user.groups, extra: user.extra.isEmpty ? nil : user.extra,
                        uid: user.uid.isEmpty ? nil : user.uid)
        switch attributes {
        case .resource(let resource): spec.resourceAttributes = resource
        case .nonResource(let path, let verb): spec.nonResourceAttributes = NonResourceAttributes(path: path, verb: verb)
        }
        self.spec = spec
    }
}
