import TSDB

/// `label_replace` and `label_join`: compute each distinct series' new labels once.
enum LabelFunctions {
    /// Prometheus's `model.LabelNameRE`.
    static func isValidLabelName(_ name: String) -> Bool {
        Parser.isLabelName(name)
    }

    struct Replacement {
        let destination: String
        let template: String
        let source: String
        let regex: GoTemplateRegex

        init(destination: String, replacement: String, source: String, pattern: String) throws {
            guard let regex = GoTemplateRegex(pattern) else {
                throw QueryError.execution("invalid regular expression in label_replace(): \(pattern)")
            }
            guard isValidLabelName(destination) else {
                throw QueryError.execution("invalid destination label name in label_replace(): \(destination)")
            }
            self.destination = destination
            self.template = replacement
            self.source = source
            self.regex = regex
        }

        /// The new metric, or nil when the regex does not match (labels unchanged).
        func apply(_ metric: SeriesMetric) -> SeriesMetric? {
            let value = metric[source] ?? ""
            guard let expanded = regex.expand(template, matching: value) else { return nil }
            var labels = metric.materialized
            labels.set(destination, expanded)
            return SeriesMetric(labels)
        }
    }

    struct Join {
        let destination: String
        let separator: String
        let sources: [String]

        init(destination: String, separator: String, sources: [String]) throws {
            for source in sources where !isValidLabelName(source) {
                throw QueryError.execution("invalid source label name in label_join(): \(source)")
            }
            guard isValidLabelName(destination) else {
                throw QueryError.execution("invalid destination label name in label_join(): \(destination)")
            }
            self.destination = destination
            self.separator = separator
            self.sources = sources
        }

        func apply(_ metric: SeriesMetric) -> SeriesMetric {
            let joined = sources.map { metric[$0] ?? "" }.joined(separator: separator)
            var labels = metric.materialized
            labels.set(destination, joined)
            return SeriesMetric(labels)
        }
    }
}

/// A fully anchored regex with Go's `Regexp.ExpandString` template rules
/// (`$1`, `${1}`, `$name`, `${name}`, `$$`; a name is the longest run of
/// letters, digits and `_`, so `$1x` refers to a group named "1x").
final class GoTemplateRegex: Sendable {
    /// RE2: linear time, Go's syntax (see `RE2Pattern`).
    private let regex: RE2Pattern

    init?(_ pattern: String) {
        guard let regex = try? RE2Pattern("^(?:\(pattern))$") else { return nil }
        self.regex = regex
    }

    /// The expanded template when `input` matches, nil otherwise.
    func expand(_ template: String, matching input: String) -> String? {
        guard let values = regex.wholeMatchGroups(input) else { return nil }
        let groups = values.enumerated().map { index, value in (name: regex.groupNames[index], value: value) }
        return GoTemplateRegex.expand(template, groups: groups)
    }

    static func expand(_ template: String, groups: [(name: String?, value: Substring?)]) -> String {
        var out = ""
        var rest = Substring(template)
        while let dollar = rest.firstIndex(of: "$") {
            out += rest[rest.startIndex..<dollar]
            rest = rest[rest.index(after: dollar)...]
            if rest.first == "$" {
                out += "$"
                rest = rest.dropFirst()
                continue
            }
            guard let (name, number, remainder) = extract(rest) else {
                out += "$"
                continue
            }
            rest = remainder
            if let number {
                if number < groups.count, let value = groups[number].value { out += value }
            } else {
                for group in groups where group.name == name {
                    if let value = group.value { out += value }
                    break
                }
            }
        }
        out += rest
        return out
    }

    /// Go's `extract`: a name (optionally in braces) and its group number.
    private static func extract(_ text: Substring) -> (String, Int?, Substring)? {
        var body = text
        var braced = false
        if body.first == "{" {
            braced = true
            body = body.dropFirst()
        }
        var end = body.startIndex
        while end < body.endIndex {
            let character = body[end]
            guard character == "_" || character.isLetter || character.isNumber else { break }
            end = body.index(after: end)
        }
        if end == body.startIndex { return nil }
        let name = String(body[body.startIndex..<end])
        var rest = body[end...]
        if braced {
            guard rest.first == "}" else { return nil }
            rest = rest.dropFirst()
        }
        var number: Int? = 0
        for scalar in name.unicodeScalars {
            guard scalar.value >= 48, scalar.value <= 57, let current = number, current < 100_000_000 else {
                number = nil
                break
            }
            number = current * 10 + Int(scalar.value - 48)
        }
        if name.count > 1 && name.first == "0" { number = nil }
        return (name, number, rest)
    }
}
