/// The part of Go's `text/template` that prometheus-adapter configurations
/// use: `<<.Field>>` actions (delimiters `<<` and `>>`, as the adapter sets
/// them), with Go's `<<-` / `->>` whitespace trimming.
///
/// Anything else (pipelines, `range`, `if`, functions) is refused when the
/// configuration loads, naming the action, rather than rendered wrongly:
/// the rendered text becomes a PromQL query, so a half-understood template
/// would silently compute something else.
public struct AdapterTemplate: Sendable, Hashable {
    enum Segment: Sendable, Hashable {
        case text(String)
        case field(String)
    }

    public let source: String
    let segments: [Segment]

    /// The fields the template reads, in order of first use.
    public var fields: [String] {
        var seen: [String] = []
        for case .field(let name) in segments where !seen.contains(name) { seen.append(name) }
        return seen
    }

    /// Parses `source`, accepting only fields in `allowed`.
    public init(_ source: String, allowed: Set<String>) throws(AdapterTemplateError) {
        self.source = source
        var segments: [Segment] = []
        var rest = Substring(source)
        var pendingText = ""
        while let open = rest.firstRange(of: "<<") {
            pendingText += rest[..<open.lowerBound]
            var inner = rest[open.upperBound...]
            guard let close = inner.firstRange(of: ">>") else {
                throw AdapterTemplateError("unclosed action: missing \">>\" after \"<<\"")
            }
            var action = inner[..<close.lowerBound]
            inner = inner[close.upperBound...]
            // Go: "<<- " trims preceding whitespace, " ->>" trims following.
            if action.hasPrefix("- ") || action.hasPrefix("-\t") || action.hasPrefix("-\n") {
                action = action.dropFirst()
                while let last = pendingText.last, last.isWhitespace { pendingText.removeLast() }
            }
            var trimAfter = false
            if action.hasSuffix(" -") || action.hasSuffix("\t-") || action.hasSuffix("\n-") {
                action = action.dropLast()
                trimAfter = true
            }
            let name = action.trimmingWhitespace()
            guard name.hasPrefix("."), name.count > 1,
                  name.dropFirst().allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" })
            else {
                throw AdapterTemplateError("unsupported action \"<<\(action)>>\": only fields such as <<.Series>> are supported")
            }
            let field = String(name.dropFirst())
            guard allowed.contains(field) else {
                let known = allowed.sorted().map { ".\($0)" }.joined(separator: ", ")
                throw AdapterTemplateError("unknown field \"\(name)\" (supported: \(known))")
            }
            if !pendingText.isEmpty { segments.append(.text(pendingText)) }
            pendingText = ""
            segments.append(.field(field))
            if trimAfter { inner = inner.drop { $0.isWhitespace } }
            rest = inner
        }
        pendingText += rest
        if !pendingText.isEmpty { segments.append(.text(pendingText)) }
        self.segments = segments
    }

    /// Renders with `values` (a field without a value renders empty, as a
    /// Go zero value does).
    public func render(_ values: [String: String]) -> String {
        var output = ""
        for segment in segments {
            switch segment {
            case .text(let text): output += text
            case .field(let name): output += values[name] ?? ""
            }
        }
        return output
    }
}

/// A template the adapter subset cannot parse.
public struct AdapterTemplateError: Error, Sendable, Hashable, CustomStringConvertible {
    public let message: String
    init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension StringProtocol {
    func trimmingWhitespace() -> Substring {
        let base = Substring(self)
        guard let first = base.firstIndex(where: { !$0.isWhitespace }),
              let last = base.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return base[first ... last]
    }
}
