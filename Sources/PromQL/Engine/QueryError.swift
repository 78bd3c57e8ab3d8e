/// Why a query could not be answered, classified the way Prometheus's HTTP
/// API classifies errors so the server can pick the status code.
public struct QueryError: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// The query itself is invalid (HTTP 400, `bad_data`).
        case badData = "bad_data"
        /// The query is valid but failed while running, e.g. many-to-many
        /// matching or too many samples (HTTP 422, `execution`).
        case execution
        /// The query ran out of time (HTTP 503, `timeout`).
        case timeout
        /// The caller cancelled the query (`canceled`).
        case canceled
        /// The storage failed (HTTP 500, `internal`).
        case storage = "internal"
    }

    public let kind: Kind
    public let message: String
    /// The parse error behind a `.badData` error, when there is one.
    public let parseError: ParseError?

    init(_ kind: Kind, _ message: String, parseError: ParseError? = nil) {
        self.kind = kind
        self.message = message
        self.parseError = parseError
    }

    /// Prometheus's `errorType` string.
    public var errorType: String { kind.rawValue }

    public var description: String { message }

    static func execution(_ message: String) -> QueryError { QueryError(.execution, message) }

    static let tooManySamples = QueryError(.execution, "query processing would load too many samples into memory in query execution")
    static let duplicateLabelset = QueryError(.execution, "vector cannot contain metrics with the same labelset")
    static func timedOut(_ stage: String) -> QueryError { QueryError(.timeout, "query timed out in \(stage)") }
    static func canceled(_ stage: String) -> QueryError { QueryError(.canceled, "query was canceled in \(stage)") }
}
