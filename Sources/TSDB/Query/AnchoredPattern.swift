/// A regular expression matched against a whole label value.
///
/// Common shapes (`.*`, `.+`, literals, `a|b|c` alternations of literals,
/// `prefix.*`, `.*suffix`, `.*part.*`) are answered without running the regex
/// engine, because label-value regexes in dashboards and HPA queries are
/// nearly always one of those and a query may test thousands of values.
struct AnchoredPattern: Sendable {
    private enum Shape: Sendable {
        case any            // .*
        case nonEmpty       // .+
        case literals(Set<String>)
        case prefix(String)     // abc.*
        case suffix(String)     // .*abc
        case contains(String)   // .*abc.*
        case regex(RegexBox)
    }

    private let shape: Shape

    init(_ source: String) throws {
        if source == ".*" {
            shape = .any
        } else if source == ".+" {
            shape = .nonEmpty
        } else if let literals = AnchoredPattern.literalAlternatives(source) {
            shape = .literals(literals)
        } else if let shape = AnchoredPattern.wildcardShape(source) {
            self.shape = shape
        } else {
            shape = .regex(try RegexBox(source))
        }
    }

    func matches(_ value: String) -> Bool {
        switch shape {
        case .any: return true
        case .nonEmpty: return !value.isEmpty
        case .literals(let set): return set.contains(value)
        case .prefix(let prefix): return value.utf8.starts(with: prefix.utf8) && AnchoredPattern.noNewline(value)
        case .suffix(let suffix): return value.utf8.reversed().starts(with: suffix.utf8.reversed()) && AnchoredPattern.noNewline(value)
        case .contains(let part): return AnchoredPattern.contains(value, part) && AnchoredPattern.noNewline(value)
        case .regex(let box): return box.matches(value)
        }
    }

    /// The exact values this pattern accepts, when it is a finite set, so the
    /// index can look them up instead of testing every value.
    var literals: Set<String>? {
        if case .literals(let set) = shape { return set }
        return nil
    }

    private static let meta: Set<Character> = ["\\", ".", "+", "*", "?", "(", ")", "[", "]", "{", "}", "^", "$", "|"]

    /// `a|b|c` where every branch is a plain literal (no metacharacters).
    private static func literalAlternatives(_ source: String) -> Set<String>? {
        var meta = AnchoredPattern.meta
        meta.remove("|")
        if source.contains(where: { meta.contains($0) }) { return nil }
        return Set(source.split(separator: "|", omittingEmptySubsequences: false).map(String.init))
    }

    /// `lit.*`, `.*lit`, `.*lit.*` with a non-empty plain literal.
    private static func wildcardShape(_ source: String) -> Shape? {
        var body = Substring(source)
        let leading = body.hasPrefix(".*")
        if leading { body = body.dropFirst(2) }
        let trailing = body.hasSuffix(".*")
        if trailing { body = body.dropLast(2) }
        guard leading || trailing, !body.isEmpty, !body.contains(where: { meta.contains($0) }) else { return nil }
        let literal = String(body)
        switch (leading, trailing) {
        case (true, true): return .contains(literal)
        case (true, false): return .suffix(literal)
        default: return .prefix(literal)
        }
    }

    /// `.` does not match a newline in the regex engine either.
    private static func noNewline(_ value: String) -> Bool {
        !value.utf8.contains(0x0A)
    }

    private static func contains(_ value: String, _ part: String) -> Bool {
        let haystack = Array(value.utf8)
        let needle = Array(part.utf8)
        guard needle.count <= haystack.count else { return false }
        for start in 0 ... haystack.count - needle.count where haystack[start] == needle[0] {
            if haystack[start ..< start + needle.count].elementsEqual(needle) { return true }
        }
        return false
    }
}

/// The general case: RE2, anchored as Prometheus anchors (`^(?:…)$`), so
/// matching is linear in the value and errors name the same fragment Go's
/// do.
final class RegexBox: Sendable {
    private let regex: RE2Pattern

    init(_ source: String) throws {
        do {
            regex = try RE2Pattern("^(?:\(source))$")
        } catch {
            throw LabelMatcherError(pattern: source, reason: "\(error)")
        }
    }

    func matches(_ value: String) -> Bool {
        regex.matchesWhole(value)
    }
}
