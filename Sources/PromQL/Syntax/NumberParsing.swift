/// Number literal conversion with Go's rules, as Prometheus applies them:
/// `strconv.ParseInt(s, 0, 64)` first (so `0x1F` is hex and `010` is octal),
/// then `strconv.ParseFloat(s, 64)`.
enum NumberParsing {
    static func parseLiteral(_ text: String) -> Double? {
        if let integer = parseGoInteger(text) { return Double(integer) }
        return parseGoFloat(text)
    }

    /// `strconv.ParseInt(s, 0, 64)` for unsigned literal text; nil on syntax
    /// error or overflow.
    static func parseGoInteger(_ text: String) -> Int64? {
        var bytes = Substring(text)
        var negative = false
        if bytes.first == "+" || bytes.first == "-" {
            negative = bytes.first == "-"
            bytes = bytes.dropFirst()
        }
        var radix = 10
        var prefixed = false
        let lower = bytes.lowercased()
        if lower.hasPrefix("0x") { radix = 16; bytes = bytes.dropFirst(2); prefixed = true }
        else if lower.hasPrefix("0o") { radix = 8; bytes = bytes.dropFirst(2); prefixed = true }
        else if lower.hasPrefix("0b") { radix = 2; bytes = bytes.dropFirst(2); prefixed = true }
        else if bytes.count > 1 && bytes.first == "0" { radix = 8; bytes = bytes.dropFirst(); prefixed = true }
        // Underscores are allowed only after a base prefix, between digits.
        if bytes.contains("_") {
            guard prefixed, validUnderscores(bytes) else { return nil }
            bytes = Substring(bytes.filter { $0 != "_" })
        }
        guard !bytes.isEmpty, let magnitude = UInt64(bytes, radix: radix) else { return nil }
        if negative {
            if magnitude == UInt64(Int64.max) + 1 { return Int64.min }
            guard magnitude <= UInt64(Int64.max) else { return nil }
            return -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return Int64(magnitude)
    }

    private static func validUnderscores(_ digits: Substring) -> Bool {
        var previousWasUnderscore = true
        for c in digits {
            if c == "_" {
                if previousWasUnderscore { return false }
                previousWasUnderscore = true
            } else {
                previousWasUnderscore = false
            }
        }
        return !previousWasUnderscore
    }

    /// `strconv.ParseFloat(s, 64)`: decimal or hex (`0x1p-2`, exponent
    /// required) notation, `inf`/`infinity`/`nan` in any case, optional sign.
    /// Out-of-range values become ±Inf like Go (which also reports an error
    /// that Prometheus ignores for `Inf` results only) — we return them.
    static func parseGoFloat(_ text: String) -> Double? {
        var body = Substring(text)
        var negative = false
        if body.first == "+" || body.first == "-" {
            negative = body.first == "-"
            body = body.dropFirst()
        }
        let lower = body.lowercased()
        if lower == "inf" || lower == "infinity" { return negative ? -.infinity : .infinity }
        if lower == "nan" { return .nan }
        if lower.hasPrefix("0x") {
            guard lower.contains("p") else { return nil }
        } else {
            // Only digits, one dot, and an exponent; Swift's parser accepts more.
            var sawDigit = false
            var sawDot = false
            var sawExponent = false
            var previous: Character = " "
            for c in lower {
                switch c {
                case "0"..."9": sawDigit = true
                case ".": if sawDot || sawExponent { return nil }; sawDot = true
                case "e": if sawExponent || !sawDigit { return nil }; sawExponent = true
                case "+", "-": if previous != "e" { return nil }
                default: return nil
                }
                previous = c
            }
            if !sawDigit || previous == "e" || previous == "+" || previous == "-" { return nil }
        }
        guard let value = Double(body) else { return nil }
        return negative ? -value : value
    }
}
