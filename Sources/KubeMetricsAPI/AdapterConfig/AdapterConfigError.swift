/// A prometheus-adapter configuration entry agent360 cannot serve, named
/// by section, rule index and field (`rules[2].name.matches: ...`) so the
/// operator can find it in a file that often holds dozens of rules.
public struct AdapterConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        case invalidRegex
        case invalidTemplate
        case invalidResource
        case invalidQuery
        case missingField
    }

    public let code: Code
    /// `rules[0].metricsQuery`, `resourceRules.cpu.containerQuery`.
    public let field: String
    public let message: String

    public init(_ code: Code, field: String, _ message: String) {
        self.code = code
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}
