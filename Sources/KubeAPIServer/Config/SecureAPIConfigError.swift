/// A secure API setting that cannot work, found before the server starts.
public struct SecureAPIConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Code: Equatable {
        case invalidListenAddress(String)
        case unknownFlag(String)
        case invalidFlagValue(flag: String, value: String, reason: String)
        case incompleteTLS(missing: String)
        case invalidHeaderName(setting: String, name: String)
        case missingUsernameHeaders
    }

    private let code: Code

    private init(_ code: Code) { self.code = code }

    static func invalidListenAddress(_ text: String) -> Self { Self(.invalidListenAddress(text)) }
    static func unknownFlag(_ name: String) -> Self { Self(.unknownFlag(name)) }
    static func invalidFlagValue(_ flag: String, _ value: String, _ reason: String) -> Self {
        Self(.invalidFlagValue(flag: flag, value: value, reason: reason))
    }
    static func incompleteTLS(missing: String) -> Self { Self(.incompleteTLS(missing: missing)) }
    static func invalidHeaderName(setting: String, name: String) -> Self { Self(.invalidHeaderName(setting: setting, name: name)) }
    static let missingUsernameHeaders = Self(.missingUsernameHeaders)

    public var description: String {
        switch code {
        case .invalidListenAddress(let text):
            return "invalid listen address \"\(text)\": expected host:port, [ipv6]:port or :port with a port in 0...65535"
        case .unknownFlag(let name):
            return "unknown secure API flag --\(name) (known: \(SecureAPIConfig.flagNames.map { "--\($0)" }.joined(separator: ", ")))"
        case .invalidFlagValue(let flag, let value, let reason):
            return "invalid value \"\(value)\" for --\(flag): \(reason)"
        case .incompleteTLS(let missing):
            return "a serving certificate needs both --tls-cert-file and --tls-private-key-file; \(missing) is missing"
        case .invalidHeaderName(let setting, let name):
            return "\(setting): \"\(name)\" is not a valid HTTP header name"
        case .missingUsernameHeaders:
            return "requestheader-username-headers must not be empty when a request-header client CA is configured: "
                + "front-proxy requests would carry no user"
        }
    }
}
