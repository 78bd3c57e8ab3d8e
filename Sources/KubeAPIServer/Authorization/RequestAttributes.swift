import Foundation

/// What a request asks to do, in the terms Kubernetes authorizes by:
/// the `authorizer.Attributes` kube-apiserver's RequestInfo resolver
/// derives from method and path, so a SubjectAccessReview and the RBAC
/// rules that answer it see the same verb and resource kube-apiserver would.
///
/// | path under `/apis/<group>/<version>/`   | resource   | name | subresource | verb |
/// |------------------------------------------|------------|------|-------------|------|
/// | `namespaces/ns/<metric>` (external)      | `<metric>` | —    | —           | list |
/// | `namespaces/ns/pods/*/<metric>`          | `pods`     | `*`  | `<metric>`  | get  |
/// | `namespaces/ns/metrics/<metric>`         | `metrics`  | `<metric>` | —     | get  |
/// | `nodes/n1/<metric>`                      | `nodes`    | `n1` | `<metric>`  | get  |
///
/// A GET without an object name is a `list` in Kubernetes, which is why
/// external-metric RBAC rules must grant `list`.
enum RequestAttributes: Sendable, Hashable, CustomStringConvertible {
    case resource(ResourceAttributes)
    /// Everything that is not `/apis/<group>/<version>/<resource>...`:
    /// discovery, OpenAPI, unknown paths.
    case nonResource(path: String, verb: String)

    init(method: String, path: String) {
        let trimmed = path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? path
        let verb = Self.verb(for: method)
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: true).map { segment in
            String(segment).removingPercentEncoding ?? String(segment)
        }
        // /apis/<group>/<version>/<resource...>; /api/<version>/<resource...> for the core group.
        let prefixLength: Int
        let group: String
        let version: String
        if parts.count >= 4, parts[0] == "apis" {
            (prefixLength, group, version) = (3, parts[1], parts[2])
        } else if parts.count >= 3, parts[0] == "api" {
            (prefixLength, group, version) = (2, "", parts[1])
        } else {
            self = .nonResource(path: trimmed, verb: verb)
            return
        }
        var rest = Array(parts.dropFirst(prefixLength))
        var namespace = ""
        if rest.first == "namespaces", rest.count > 1 {
            namespace = rest[1]
            if rest.count > 2, !["status", "finalize"].contains(rest[2]) {
                rest = Array(rest.dropFirst(2))
            }
        }
        var attributes = ResourceAttributes(verb: verb, group: group, version: version, resource: rest[0], namespace: namespace)
        if rest.count >= 2 { attributes.name = rest[1] }
        if rest.count >= 3 { attributes.subresource = rest[2] }
        if attributes.name.isEmpty && verb == "get" { attributes.verb = "list" }
        self = .resource(attributes)
    }

    private static func verb(for method: String) -> String {
        switch method.uppercased() {
        case "GET", "HEAD": return "get"
        case "POST": return "create"
        case "PUT": return "update"
        case "PATCH": return "patch"
        case "DELETE": return "delete"
        default: return method.lowercased()
        }
    }

    /// Discovery and OpenAPI documents, which Kubernetes lets every
    /// authenticated user read (the `system:discovery` role).
    var isDiscovery: Bool {
        guard case .nonResource(let path, let verb) = self, verb == "get" else { return false }
        let prefixes = ["/api", "/apis", "/openapi", "/version"]
        return prefixes.contains { path == $0 || path.hasPrefix($0 + "/") }
    }

    var verb: String {
        switch self {
        case .resource(let attributes): return attributes.verb
        case .nonResource(_, let verb): return verb
        }
    }

    var description: String {
        switch self {
        case .resource(let a):
            let resource = a.subresource.isEmpty ? a.resource : "\(a.resource)/\(a.subresource)"
            return "\(a.verb) \(resource)\(a.name.isEmpty ? "" : " \(a.name)") in \(a.group)/\(a.version)"
                + (a.namespace.isEmpty ? "" : " namespace \(a.namespace)")
        case .nonResource(let path, let verb):
            return "\(verb) \(path)"
        }
    }
}

/// `authorization.k8s.io/v1` `ResourceAttributes`, minus selectors.
struct ResourceAttributes: Sendable, Hashable, Codable {
    var verb: String
    var group: String
    var version: String
    var resource: String
    var subresource: String
    var name: String
    var namespace: String

    init(verb: String, group: String, version: String, resource: String, subresource: String = "",
                name: String = "", namespace: String = "") {
        self.verb = verb
        self.group = group
        self.version = version
        self.resource = resource
        self.subresource = subresource
        self.name = name
        self.namespace = namespace
    }
}
