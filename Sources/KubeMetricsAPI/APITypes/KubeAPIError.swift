/// A request that ends in a Kubernetes `Status` instead of a result.
public struct KubeAPIError: Error, Sendable, Hashable, CustomStringConvertible {
    public let reason: Status.Reason
    public let message: String
    public let details: Status.Details?

    public init(_ reason: Status.Reason, _ message: String, details: Status.Details? = nil) {
        self.reason = reason
        self.message = message
        self.details = details
    }

    public var httpCode: Int { reason.httpCode }

    public var status: Status { Status(reason: reason, message: message, details: details) }

    public var description: String { "\(httpCode) \(reason.rawValue): \(message)" }

    static func notFound(_ message: String, details: Status.Details? = nil) -> KubeAPIError {
        KubeAPIError(.notFound, message, details: details)
    }

    /// The apiserver's wording for a path nothing is served at.
    static let unknownPath = KubeAPIError(.notFound, "the server could not find the requested resource")

    static func badRequest(_ message: String) -> KubeAPIError { KubeAPIError(.badRequest, message) }

    static func internalError(_ message: String) -> KubeAPIError { KubeAPIError(.internalError, message) }

    static func serviceUnavailable(_ message: String) -> KubeAPIError { KubeAPIError(.serviceUnavailable, message) }
}
