/// An error answered in Prometheus's API envelope:
/// `{"status":"error","errorType":"bad_data","error":"…"}`.
///
/// The `errorType` strings and status codes are Prometheus's, so Grafana and
/// other clients react to agent360's errors as they do to Prometheus's.
struct APIError: Error, Sendable, CustomStringConvertible {
    enum Kind: String, Sendable {
        case badData = "bad_data"
        case execution
        case timeout
        case canceled
        case internalError = "internal"
        case notFound = "not_found"
        case unavailable

        var status: Int {
            switch self {
            case .badData: return 400
            case .execution: return 422
            case .timeout, .unavailable: return 503
            case .canceled: return 499
            case .internalError: return 500
            case .notFound: return 404
            }
        }
    }

    let kind: Kind
    let message: String

    init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// Prometheus's wording for a bad request parameter.
    static func invalidParameter(_ name: String, _ reason: String) -> APIError {
        APIError(.badData, "invalid parameter \"\(name)\": \(reason)")
    }

    var description: String { message }

    var json: [UInt8] {
        var writer = JSONWriter(capacity: 128 + message.utf8.count)
        writer.beginObject()
        writer.field("status", "error")
        writer.field("errorType", kind.rawValue)
        writer.field("error", message)
        writer.endObject()
        return writer.bytes
    }
}
