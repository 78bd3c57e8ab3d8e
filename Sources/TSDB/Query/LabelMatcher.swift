/// A PromQL label matcher (`=`, `!=`, `=~`, `!~`).
///
/// Regular expressions are fully anchored, as in Prometheus: `job=~"api"`
/// matches only the value `api`, never `api-gateway`.
public struct LabelMatcher: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        case equal = "="
        case notEqual = "!="
        case regexMatch = "=~"
        case regexNoMatch = "!~"
    }

    public let name: String
    public let value: String
    public let kind: Kind
    let pattern: AnchoredPattern?

    /// Throws `LabelMatcherError` when a regex does not compile.
    public init(_ kind: Kind, _ name: String, _ value: String) throws {
        self.kind = kind
        self.name = name
        self.value = value
        switch kind {
        case .equal, .notEqual: pattern = nil
        case .regexMatch, .regexNoMatch: pattern = try AnchoredPattern(value)
        }
    }

    public static func equal(_ name: String, _ value: String) -> LabelMatcher {
        // Equality matchers never compile a regex, so this cannot throw.
        LabelMatcher(unchecked: .equal, name, value)
    }

    public static func notEqual(_ name: String, _ value: String) -> LabelMatcher {
        LabelMatcher(unchecked: .notEqual, name, value)
    }

    private init(unchecked kind: Kind, _ name: String, _ value: String) {
        self.kind = kind
        self.name = name
        self.value = value
        self.pattern = nil
    }

    /// Whether a label value satisfies the matcher; a missing label is "".
    public func matches(_ candidate: String) -> Bool {
        switch kind {
        case .equal: return candidate == value
        case .notEqual: return candidate != value
        case .regexMatch: return pattern?.matches(candidate) ?? false
        case .regexNoMatch: return !(pattern?.matches(candidate) ?? false)
        }
    }

    /// Matchers that accept "" also select series lacking the label entirely.
    public var matchesEmpty: Bool { matches("") }

    public var description: String {
        var escaped = ""
        for ch in value {
            switch ch {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            default: escaped.append(ch)
            }
        }
        return "\(name)\(kind.rawValue)\"\(escaped)\""
    }

    public static func == (lhs: LabelMatcher, rhs: LabelMatcher) -> Bool {
        lhs.kind == rhs.kind && lhs.name == rhs.name && lhs.value == rhs.value
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(name)
        hasher.combine(value)
    }
}

/// The error for a label-matcher regex that does not compile.
public struct LabelMatcherError: Error, Sendable, CustomStringConvertible {
    public let pattern: String
    public let reason: String
    public var description: String { "invalid regular expression \"\(pattern)\": \(reason)" }
}
