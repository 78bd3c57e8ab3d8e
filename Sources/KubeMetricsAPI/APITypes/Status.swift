/// `metav1.Status`, the body of every error response.
///
/// kube-aggregator passes it through and `kubectl`/client-go show `message`,
/// so errors reach the HPA's events in Kubernetes's own shape:
/// `{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",...}`.
public struct Status: Sendable, Hashable, Codable {
    /// `metav1.StatusReason`, with the HTTP code each one travels with.
    public enum Reason: String, Sendable, Hashable, Codable, CaseIterable {
        case badRequest = "BadRequest"
        case unauthorized = "Unauthorized"
        case forbidden = "Forbidden"
        case notFound = "NotFound"
        case methodNotAllowed = "MethodNotAllowed"
        case internalError = "InternalError"
        case serviceUnavailable = "ServiceUnavailable"

        public var httpCode: Int {
            switch self {
            case .badRequest: return 400
            case .unauthorized: return 401
            case .forbidden: return 403
            case .notFound: return 404
            case .methodNotAllowed: return 405
            case .internalError: return 500
            case .serviceUnavailable: return 503
            }
        }
    }

    /// `metav1.StatusDetails` (only the fields this server fills).
    public struct Details: Sendable, Hashable, Codable {
        public var name: String?
        public var group: String?
        public var kind: String?

        public init(name: String? = nil, group: String? = nil, kind: String? = nil) {
            self.name = name
            self.group = group
            self.kind = kind
        }
    }

    public var message: String
    public var reason: Reason
    public var code: Int
    public var details: Details?

    public init(reason: Reason, message: String, details: Details? = nil) {
        self.reason = reason
        self.message = message
        self.code = reason.httpCode
        self.details = details
    }

    private enum CodingKeys: String, CodingKey {
        case kind, apiVersion, metadata, status, message, reason, details, code
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        message = try container.decodeIfPresent(String.self, forKey: .message) ?? ""
        reason = try container.decode(Reason.self, forKey: .reason)
        code = try container.decodeIfPresent(Int.self, forKey: .code) ?? reason.httpCode
        details = try container.decodeIfPresent(Details.self, forKey: .details)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("Status", forKey: .kind)
        try container.encode("v1", forKey: .apiVersion)
        try container.encode(EmptyObject(), forKey: .metadata)
        try container.encode("Failure", forKey: .status)
        try container.encode(message, forKey: .message)
        try container.encode(reason, forKey: .reason)
        try container.encodeIfPresent(details, forKey: .details)
        try container.encode(code, forKey: .code)
    }
}

/// `{}` — Go always writes `metadata` for list and status objects, because
/// `omitempty` never omits a struct.
struct EmptyObject: Codable, Hashable, Sendable {}
