import CRE2

/// A compiled RE2 regex: linear in the input whatever the pattern, with
/// the syntax and semantics Go's `regexp` (and so Prometheus) has, which
/// was ported from RE2. Swift's `Regex` backtracks: `(a|aa)+` against 40
/// characters ran for minutes while holding the index lock.
///
/// Immutable after compilation; RE2 objects are safe to share between
/// threads for matching.
public final class RE2Pattern: @unchecked Sendable {
    private let handle: OpaquePointer
    /// Capturing groups, not counting the whole match.
    public let groupCount: Int
    /// Group names by index (0 = whole match, never named).
    public let groupNames: [String?]

    /// Compiles `pattern` as is (callers anchor it when they need to).
    /// Errors read like Go's: `missing closing ): `(``.
    public init(_ pattern: String) throws(RE2Error) {
        var code: Int32 = 0
        var argument = [CChar](repeating: 0, count: 256)
        let compiled = pattern.utf8CString.withUnsafeBufferPointer { source in
            argument.withUnsafeMutableBufferPointer { buffer in
                agent360_re2_compile(source.baseAddress, source.count - 1, &code, buffer.baseAddress, buffer.count)
            }
        }
        guard let compiled else {
            let fragment = argument.withUnsafeBufferPointer { buffer in
                buffer.baseAddress.map { String(cString: $0) } ?? ""
            }
            throw RE2Error(code: code, fragment: fragment)
        }
        handle = compiled
        let count = Int(agent360_re2_group_count(compiled))
        groupCount = count
        groupNames = (0 ... count).map { index in agent360_re2_group_name(compiled, Int32(index)).map { String(cString: $0) } }
    }

    deinit { agent360_re2_free(handle) }

    /// True when the whole of `text` matches.
    public func matchesWhole(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { agent360_re2_full_match(handle, $0.baseAddress, $0.count) == 1 }
        }
    }

    /// The whole match and each group's text (nil when a group took no
    /// part) when the whole of `text` matches.
    public func wholeMatchGroups(_ text: String) -> [Substring?]? {
        let count = groupCount + 1
        var starts = [Int](repeating: -1, count: count)
        var lengths = [Int](repeating: 0, count: count)
        var copy = text
        let matched = copy.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                agent360_re2_full_match_groups(handle, chars.baseAddress, chars.count, &starts, &lengths, Int32(count)) == 1
            }
        }
        guard matched else { return nil }
        let utf8 = text.utf8
        return (0 ..< count).map { index in
            guard starts[index] >= 0 else { return nil }
            let lower = utf8.index(utf8.startIndex, offsetBy: starts[index])
            let upper = utf8.index(lower, offsetBy: lengths[index])
            return text[lower ..< upper]
        }
    }
}

/// Why a pattern did not compile, in Go's words (Prometheus shows these).
public struct RE2Error: Error, Sendable, CustomStringConvertible {
    private let code: Int32
    public let fragment: String

    init(code: Int32, fragment: String) {
        self.code = code
        self.fragment = fragment
    }

    /// Go's `regexp/syntax` error text for RE2's error code.
    private var reason: String {
        switch code {
        case 2: "invalid escape sequence"
        case 3: "invalid character class"
        case 4: "invalid character class range"
        case 5: "missing closing ]"
        case 6: "missing closing )"
        case 7: "unexpected )"
        case 8: "trailing backslash at end of expression"
        case 9: "missing argument to repetition operator"
        case 10: "invalid repeat count"
        case 11: "invalid nested repetition operator"
        case 12: "invalid or unsupported Perl syntax"
        case 13: "invalid UTF-8"
        case 14: "invalid named capture"
        case 15: "expression too large"
        default: "invalid regular expression"
        }
    }

    public var description: String { "\(reason): `\(fragment)`" }
}
