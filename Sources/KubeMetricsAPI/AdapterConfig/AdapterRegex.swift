import TSDB

/// A Go `regexp` as prometheus-adapter uses it for `name.matches`,
/// `seriesFilters` and resource label templates: unanchored search
/// (`MatchString`, `FindStringSubmatchIndex`) and `$1` / `${name}`
/// expansion, on RE2 so the syntax and leftmost-first semantics are Go's.
///
/// RE2 here only matches whole strings, so the pattern is wrapped as
/// `(?s:.*?)(pattern)(?s:.*)`: the lazy prefix finds the leftmost start, the
/// inner pattern keeps its own preferences and the greedy tail always
/// succeeds, which is exactly Go's leftmost-first search.
public struct AdapterRegex: Sendable, CustomStringConvertible {
    public let pattern: String
    private let compiled: RE2Pattern
    /// Capturing groups of `pattern` itself.
    public var groupCount: Int { compiled.groupCount - 1 }

    public init(_ pattern: String) throws(RE2Error) {
        // Compile alone first so errors quote the user's pattern, not the wrapper.
        _ = try RE2Pattern(pattern)
        self.pattern = pattern
        compiled = try RE2Pattern("(?s:.*?)(\(pattern))(?s:.*)")
    }

    public var description: String { pattern }

    /// Go's `MatchString`: true when the pattern occurs anywhere in `text`.
    public func matches(_ text: String) -> Bool { compiled.matchesWhole(text) }

    /// Go's `FindStringSubmatch`: the leftmost match (index 0) and its groups.
    public func firstMatch(_ text: String) -> [Substring?]? {
        guard let groups = compiled.wholeMatchGroups(text) else { return nil }
        return Array(groups.dropFirst())
    }

    /// The name of group `index` of `pattern` (1-based), if named.
    func groupName(_ index: Int) -> String? {
        let names = compiled.groupNames
        return index + 1 < names.count ? names[index + 1] : nil
    }

    /// Go's `Regexp.ExpandString` for the leftmost match in `text`, or nil
    /// when there is none: `$1`, `${1}`, `$name`, `${name}` and `$$`.
    public func expand(_ replacement: String, matching text: String) -> String? {
        guard let groups = firstMatch(text) else { return nil }
        var output = ""
        var rest = Substring(replacement)
        while let dollar = rest.firstIndex(of: "$") {
            output += rest[..<dollar]
            rest = rest[rest.index(after: dollar)...]
            if rest.first == "$" {
                output += "$"
                rest = rest.dropFirst()
                continue
            }
            let isNameCharacter: (Character) -> Bool = { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
            var name: Substring
            if rest.first == "{" {
                let body = rest.dropFirst()
                guard let close = body.firstIndex(of: "}"), body[..<close].allSatisfy(isNameCharacter), close > body.startIndex else {
                    output += "$"  // malformed: Go copies the dollar as text
                    continue
                }
                name = body[..<close]
                rest = body[body.index(after: close)...]
            } else {
                name = rest.prefix(while: isNameCharacter)
                guard !name.isEmpty else { output += "$"; continue }
                rest = rest.dropFirst(name.count)
            }
            output += group(String(name), in: groups)
        }
        output += rest
        return output
    }

    private func group(_ name: String, in groups: [Substring?]) -> String {
        if let index = Int(name) {
            return index < groups.count ? groups[index].map(String.init) ?? "" : ""
        }
        for index in 1 ..< max(groups.count, 1) where groupName(index) == name {
            return groups[index].map(String.init) ?? ""
        }
        return ""
    }
}
