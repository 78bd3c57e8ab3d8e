/// Go's `%q` / `strconv.Quote` and `%#U`, used wherever Prometheus prints
/// user text inside messages or PromQL, so our output matches it byte for byte.
enum GoQuote {
    /// `strconv.Quote(s)`: double quotes, Go escapes, printable Unicode kept.
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            appendEscaped(scalar, quote: "\"", into: &out)
        }
        out += "\""
        return out
    }

    /// `strconv.QuoteRune(r)` (what `%q` prints for a rune).
    static func quoteRune(_ scalar: Unicode.Scalar) -> String {
        var out = "'"
        appendEscaped(scalar, quote: "'", into: &out)
        out += "'"
        return out
    }

    /// `%#U`: `U+0071 'q'`, or just `U+000A` for unprintable runes.
    static func unicodeNotation(_ scalar: Unicode.Scalar) -> String {
        var hex = String(scalar.value, radix: 16, uppercase: true)
        while hex.count < 4 { hex = "0" + hex }
        if isPrint(scalar) { return "U+\(hex) '\(Character(scalar))'" }
        return "U+\(hex)"
    }

    /// Go's `unicode.IsPrint`: letters, marks, numbers, punctuation, symbols and ASCII space.
    static func isPrint(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar.value >= 0x20 && scalar.value < 0x7F }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark,
             .decimalNumber, .letterNumber, .otherNumber,
             .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    private static func appendEscaped(_ scalar: Unicode.Scalar, quote: Character, into out: inout String) {
        let ch = Character(scalar)
        if ch == quote || ch == "\\" {
            out += "\\"
            out.append(ch)
            return
        }
        if isPrint(scalar) {
            out.unicodeScalars.append(scalar)
            return
        }
        switch scalar.value {
        case 0x07: out += "\\a"
        case 0x08: out += "\\b"
        case 0x0C: out += "\\f"
        case 0x0A: out += "\\n"
        case 0x0D: out += "\\r"
        case 0x09: out += "\\t"
        case 0x0B: out += "\\v"
        case let v where v < 0x20 || v == 0x7F:
            out += "\\x" + hex(v, width: 2)
        case let v where v < 0x10000:
            out += "\\u" + hex(v, width: 4)
        case let v:
            out += "\\U" + hex(v, width: 8)
        }
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        var text = String(value, radix: 16)
        while text.count < width { text = "0" + text }
        return text
    }
}
