/// A label selector that Kubernetes would reject, or that has no
/// Prometheus equivalent.
///
/// `description` is the message Kubernetes gives for the same input
/// (`unable to parse requirement: ...`), so HPA events and `kubectl` output
/// read as they would against any metrics adapter. `position` adds what
/// Kubernetes leaves out: the UTF-8 offset in the selector text where the
/// offending token starts (nil for requirements built in code).
public struct LabelSelectorError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Code: Hashable, Sendable {
        case syntax
        case invalidRequirement
        case notConvertible
    }

    private let code: Code
    public let message: String
    public let position: Int?

    private init(code: Code, message: String, position: Int?) {
        self.code = code
        self.message = message
        self.position = position
    }

    /// The selector text is malformed (unexpected token).
    static func syntax(_ message: String, at position: Int) -> LabelSelectorError {
        LabelSelectorError(code: .syntax, message: message, position: position)
    }

    /// A requirement's key, operator or values fail Kubernetes validation.
    static func invalidRequirement(_ message: String, at position: Int?) -> LabelSelectorError {
        LabelSelectorError(code: .invalidRequirement, message: message, position: position)
    }

    /// Valid Kubernetes, but not expressible as Prometheus label matchers.
    static func notConvertible(_ message: String) -> LabelSelectorError {
        LabelSelectorError(code: .notConvertible, message: message, position: nil)
    }

    /// Prefixes a requirement error the way `labels.Parse` does.
    func inRequirement(at position: Int) -> LabelSelectorError {
        LabelSelectorError(code: code, message: "unable to parse requirement: \(message)", position: self.position ?? position)
    }

    public var description: String { message }
}
