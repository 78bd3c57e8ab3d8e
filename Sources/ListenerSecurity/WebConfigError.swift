/// Why a web configuration cannot be used: a bad hash, a TLS setting
/// OpenSSL refuses, or a combination exporter-toolkit also refuses.
public struct WebConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Code: Sendable, Equatable {
        case invalidHash
        case invalidTLS
    }

    private let code: Code
    public let message: String

    private init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    static func invalidHash(_ message: String) -> WebConfigError { WebConfigError(.invalidHash, message) }
    static func invalidTLS(_ message: String) -> WebConfigError { WebConfigError(.invalidTLS, message) }

    public var isInvalidHash: Bool { code == .invalidHash }

    public var description: String { message }
}
