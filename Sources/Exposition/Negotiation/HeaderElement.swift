/// One comma-separated element of an `Accept` or `Accept-Encoding` header:
/// a lower-cased token (`text/plain`, `gzip`), its parameters and its q-value.
struct HeaderElement: Equatable {
    var token: String
    /// Parameter names lower-cased; values unquoted, case kept.
    var parameters: [(name: String, value: String)]
    /// Preference weight in [0, 1]; 1 when absent.
    var quality: Double

    static func == (lhs: HeaderElement, rhs: HeaderElement) -> Bool {
        lhs.token == rhs.token && lhs.quality == rhs.quality
            && lhs.parameters.elementsEqual(rhs.parameters) { $0 == $1 }
    }

    func parameter(_ name: String) -> String? {
        parameters.first { $0.name == name }?.value
    }

    /// Splits a header value into elements. Elements that make no sense
    /// (empty tokens, malformed q-values) are dropped rather than guessed at,
    /// so a garbage header falls back to the server's default.
    static func parseList(_ header: String) -> [HeaderElement] {
        var elements: [HeaderElement] = []
        for rawElement in splitOutsideQuotes(header, separator: ",") {
            var pieces = splitOutsideQuotes(rawElement, separator: ";").makeIterator()
            guard let rawToken = pieces.next() else { continue }
            let token = trimmed(rawToken).lowercased()
            guard !token.isEmpty, !token.contains(" ") else { continue }
            var element = HeaderElement(token: token, parameters: [], quality: 1)
            var valid = true
            while let rawParameter = pieces.next() {
                let parameter = trimmed(rawParameter)
                if parameter.isEmpty { continue }
                guard let equals = parameter.firstIndex(of: "=") else {
                    valid = false
                    break
                }
                let name = trimmed(parameter[..<equals]).lowercased()
                let value = unquoted(trimmed(parameter[parameter.index(after: equals)...]))
                if name == "q" {
                    guard let quality = parseQuality(value) else {
                        valid = false
                        break
                    }
                    element.quality = quality
                } else {
                    element.parameters.append((name, value))
                }
            }
            if valid { elements.append(element) }
        }
        return elements
    }

    /// RFC 9110 qvalue: `0`, `1`, `0.xxx`, `1.000`. Anything else is invalid.
    static func parseQuality(_ text: String) -> Double? {
        guard !text.isEmpty, text.utf8.count <= 5,
            text.utf8.allSatisfy({ ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: ".") }),
            let value = Double(text), value >= 0, value <= 1
        else { return nil }
        return value
    }

    private static func splitOutsideQuotes(_ text: some StringProtocol, separator: Character) -> [Substring] {
        let text = Substring(text)
        var parts: [Substring] = []
        var start = text.startIndex
        var inQuotes = false
        var escaped = false
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if escaped {
                escaped = false
            } else if inQuotes && character == "\\" {
                escaped = true
            } else if character == "\"" {
                inQuotes.toggle()
            } else if !inQuotes && character == separator {
                parts.append(text[start..<index])
                start = text.index(after: index)
            }
            index = text.index(after: index)
        }
        parts.append(text[start...])
        return parts
    }

    private static func trimmed(_ text: some StringProtocol) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = text.firstIndex(where: { !isSpace($0) }),
            let last = text.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(text[first...last])
    }

    private static func unquoted(_ text: String) -> String {
        guard text.count >= 2, text.first == "\"", text.last == "\"" else { return text }
        var result = ""
        var escaped = false
        for character in text.dropFirst().dropLast() {
            if !escaped && character == "\\" {
                escaped = true
                continue
            }
            escaped = false
            result.append(character)
        }
        return result
    }
}
