import TSDB

/// Renders borrowed label bytes as `metric{a="b", c="d"}` for error messages,
/// the way Prometheus prints series, even when the labels are invalid.
enum SeriesText {
    private static let maxValueCharacters = 120
    private static let maxCharacters = 400

    static func describe(_ labels: [RawLabel]) -> String {
        var metric = ""
        var rest: [String] = []
        for label in labels {
            if LabelRules.isMetricName(label.name), metric.isEmpty {
                metric = escaped(label.value)
            } else {
                rest.append("\(escaped(label.name))=\"\(escaped(label.value))\"")
            }
        }
        var text = rest.isEmpty && !metric.isEmpty ? metric : "\(metric){\(rest.joined(separator: ", "))}"
        if text.count > maxCharacters { text = String(text.prefix(maxCharacters)) + "…" }
        return text
    }

    /// Lossy (invalid UTF-8 shows as U+FFFD), quote-escaped and shortened.
    static func escaped(_ bytes: UnsafeRawBufferPointer) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        var out = ""
        for character in text.prefix(maxValueCharacters) {
            switch character {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        if text.count > maxValueCharacters { out += "…" }
        return out
    }
}
