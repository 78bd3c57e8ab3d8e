import KubeMetricsAPI
import Testing

@testable import KubeAPIServer

@Suite("Authorization")
struct AuthorizationTests {
    @Test("request attributes follow kube-apiserver's RequestInfo", arguments: [
        ("/apis/external.metrics.k8s.io/v1beta1/namespaces/shop/agent360_request_rate",
         RequestAttributes.resource(ResourceAttributes(
            verb: "list", group: "external.metrics.k8s.io", version: "v1beta1", resource: "agent360_request_rate",
            namespace: "shop"))),
        ("/apis/custom.metrics.k8s.io/v1beta2/namespaces/shop/pods/*/agent360_pod_request_rate",
         .resource(ResourceAttributes(
            verb: "get", group: "custom.metrics.k8s.io", version: "v1beta2", resource: "pods",
            subresource: "agent360_pod_request_rate", name: "*", namespace: "shop"))),
        ("/apis/custom.metrics.k8s.io/v1beta1/namespaces/shop/metrics/queue_length",
         .resource(ResourceAttributes(
            verb: "get", group: "custom.metrics.k8s.io", version: "v1beta1", resource: "metrics", name: "queue_length",
            namespace: "shop"))),
        ("/apis/custom.metrics.k8s.io/v1beta2/nodes/node-1/load",
         .resource(ResourceAttributes(
            verb: "get", group: "custom.metrics.k8s.io", version: "v1beta2", resource: "nodes", subresource: "load",
            name: "node-1"))),
        ("/apis/custom.metrics.k8s.io/v1beta2/namespaces/a%2Fb/pods/p/m",
         .resource(ResourceAttributes(
            verb: "get", group: "custom.metrics.k8s.io", version: "v1beta2", resource: "pods", subresource: "m", name: "p",
            namespace: "a/b"))),
        ("/apis/external.metrics.k8s.io/v1beta1", .nonResource(path: "/apis/external.metrics.k8s.io/v1beta1", verb: "get")),
        ("/apis", .nonResource(path: "/apis", verb: "get")),
        ("/openapi/v2", .nonResource(path: "/openapi/v2", verb: "get")),
        ("/metrics", .nonResource(path: "/metrics", verb: "get")),
    ])
    func attributes(path: String, expected: RequestAttributes) {
        #expect(RequestAttributes(method: "GET", path: path) == expected)
    }

    @Test("discovery paths are open to any authenticated user; others are not", arguments: [
        ("/apis", true), ("/apis/custom.metrics.k8s.io", true), ("/openapi/v2", true), ("/openapi/v3/apis/x/y", true),
        ("/version", true), ("/apisx", false), ("/metrics", false), ("/debug/pprof", false),
    ])
    func discovery(path: String, open: Bool) {
        #expect(RequestAttributes(method: "GET", path: path).isDiscovery == open)
    }

    static let external = RequestAttributes(method: "GET", path: "/apis/external.metrics.k8s.io/v1beta1/namespaces/shop/agent360_request_rate")

    @Test("default allow-list: the HPA's identities and system:masters; nobody else")
    func defaultAllowList() async {
        let authorizer = RequestAuthorizer(config: AuthorizationConfig(), reviewer: nil)
        let hpa = UserInfo(name: "system:serviceaccount:kube-system:horizontal-pod-autoscaler", groups: ["system:authenticated"])
        let controllerManager = UserInfo(name: "system:kube-controller-manager")
        let admin = UserInfo(name: "kubernetes-admin", groups: ["system:masters", "system:authenticated"])
        let alice = UserInfo(name: "alice", groups: ["developers", "system:authenticated"])
        #expect(await authorizer.authorize(hpa, Self.external) == .allow)
        #expect(await authorizer.authorize(controllerManager, Self.external) == .allow)
        #expect(await authorizer.authorize(admin, Self.external) == .allow)
        #expect(await authorizer.authorize(alice, Self.external) == .deny(reason: ""))
        #expect(await authorizer.authorize(alice, RequestAttributes(method: "GET", path: "/apis")) == .allow)
    }

    @Test("configured users and groups replace the defaults")
    func configuredAllowList() async {
        let authorizer = RequestAuthorizer(
            config: AuthorizationConfig(allowedUsers: ["alice"], allowedGroups: ["metrics-readers"]), reviewer: nil)
        #expect(await authorizer.authorize(UserInfo(name: "alice"), Self.external) == .allow)
        #expect(await authorizer.authorize(UserInfo(name: "bob", groups: ["metrics-readers"]), Self.external) == .allow)
        #expect(await authorizer.authorize(UserInfo(name: "system:kube-controller-manager"), Self.external) == .deny(reason: ""))
    }

    struct FixedReviewer: SubjectAccessReviewing {
        let decision: AuthorizationDecision
        func review(user: UserInfo, attributes: RequestAttributes) async -> AuthorizationDecision { decision }
    }

    @Test("the allow-list answers before a delegated review; the review decides the rest")
    func delegatedReview() async {
        let denying = RequestAuthorizer(config: AuthorizationConfig(), reviewer: FixedReviewer(decision: .deny(reason: "RBAC: no")))
        #expect(await denying.authorize(UserInfo(name: "system:kube-controller-manager"), Self.external) == .allow)
        #expect(await denying.authorize(UserInfo(name: "alice"), Self.external) == .deny(reason: "RBAC: no"))
        let allowing = RequestAuthorizer(config: AuthorizationConfig(allowedUsers: [], allowedGroups: []),
                                         reviewer: FixedReviewer(decision: .allow))
        #expect(await allowing.authorize(UserInfo(name: "alice"), Self.external) == .allow)
    }

    @Test("Forbidden messages match kube-apiserver's wording")
    func forbiddenMessages() {
        let alice = UserInfo(name: "alice")
        let external = KubeAPIError.forbidden(user: alice, attributes: Self.external, reason: "")
        #expect(external.httpCode == 403)
        #expect(external.message == "agent360_request_rate.external.metrics.k8s.io is forbidden: User \"alice\" cannot list "
            + "resource \"agent360_request_rate\" in API group \"external.metrics.k8s.io\" in the namespace \"shop\"")
        #expect(external.details == Status.Details(name: nil, group: "external.metrics.k8s.io", kind: "agent360_request_rate"))

        let pods = KubeAPIError.forbidden(
            user: alice, attributes: RequestAttributes(method: "GET", path: "/apis/custom.metrics.k8s.io/v1beta2/nodes/n1/load"),
            reason: "RBAC: denied")
        #expect(pods.message == "nodes.custom.metrics.k8s.io \"n1\" is forbidden: User \"alice\" cannot get resource "
            + "\"nodes/load\" in API group \"custom.metrics.k8s.io\" at the cluster scope: RBAC: denied")

        let path = KubeAPIError.forbidden(user: alice, attributes: RequestAttributes(method: "GET", path: "/metrics"), reason: "")
        #expect(path.message == "forbidden: User \"alice\" cannot get path \"/metrics\"")
    }
}
