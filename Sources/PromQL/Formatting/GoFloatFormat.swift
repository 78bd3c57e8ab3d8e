/// Float-to-text conversions that reproduce Go's `strconv` output.
///
/// Prometheus renders sample values with `strconv.FormatFloat(v, 'f', -1, 64)`
/// and number literals with `fmt.Sprint`; clients (and our tests) compare
/// those strings, so the digits and the layout must be identical. Both Go and
/// Swift print the shortest decimal that round-trips, so only the layout is
/// re-done here.
enum GoFloatFormat {
    struct Decimal {
        var negative: Bool
        /// Significant digits without leading or trailing zeros ("0" never appears alone).
        var digits: [UInt8]
        /// Position of the decimal point relative to `digits` (Go's `dp`).
        var decimalPoint: Int
    }

    /// Shortest round-trip digits of a finite value; zero has no digits.
    static func decimal(_ value: Double) -> Decimal {
        let text = Array(value.magnitude.description.utf8)
        var digits: [UInt8] = []
        digits.reserveCapacity(20)
        var pointIndex: Int?
        var exponent = 0
        var index = 0
        while index < text.count {
            let c = text[index]
            if c == UInt8(ascii: ".") {
                pointIndex = digits.count
            } else if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                var sign = 1
                var j = index + 1
                if j < text.count, text[j] == UInt8(ascii: "-") { sign = -1; j += 1 } else if j < text.count, text[j] == UInt8(ascii: "+") { j += 1 }
                var e = 0
                while j < text.count { e = e * 10 + Int(text[j] - 48); j += 1 }
                exponent = sign * e
                break
            } else {
                digits.append(c - 48)
            }
            index += 1
        }
        var point = (pointIndex ?? digits.count) + exponent
        // Strip leading zeros (moving the point) and trailing zeros.
        var leading = 0
        while leading < digits.count, digits[leading] == 0 { leading += 1 }
        if leading == digits.count { return Decimal(negative: value.sign == .minus, digits: [], decimalPoint: 0) }
        digits.removeFirst(leading)
        point -= leading
        while let last = digits.last, last == 0 { digits.removeLast() }
        return Decimal(negative: value.sign == .minus, digits: digits, decimalPoint: point)
    }

    /// `strconv.FormatFloat(v, 'f', -1, 64)`.
    static func formatF(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
        let d = decimal(value)
        var out: [UInt8] = []
        out.reserveCapacity(d.digits.count + 8)
        if d.negative { out.append(UInt8(ascii: "-")) }
        appendFixed(d, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `fmt.Sprint(v)` for a float64: `%g` with the shortest digits; Go picks
    /// exponent form when the decimal exponent is below -4 or at least 6.
    static func formatG(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
        let d = decimal(value)
        var out: [UInt8] = []
        if d.negative { out.append(UInt8(ascii: "-")) }
        if d.digits.isEmpty {
            out.append(UInt8(ascii: "0"))
            return String(decoding: out, as: UTF8.self)
        }
        let exp = d.decimalPoint - 1
        if exp < -4 || exp >= 6 {
            out.append(d.digits[0] + 48)
            if d.digits.count > 1 {
                out.append(UInt8(ascii: "."))
                for digit in d.digits.dropFirst() { out.append(digit + 48) }
            }
            out.append(UInt8(ascii: "e"))
            out.append(exp < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            let magnitude = exp.magnitude
            if magnitude < 10 { out.append(UInt8(ascii: "0")) }
            out.append(contentsOf: Array(String(magnitude).utf8))
        } else {
            appendFixed(d, into: &out)
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func appendFixed(_ d: Decimal, into out: inout [UInt8]) {
        if d.digits.isEmpty {
            out.append(UInt8(ascii: "0"))
            return
        }
        if d.decimalPoint <= 0 {
            out.append(UInt8(ascii: "0"))
            out.append(UInt8(ascii: "."))
            for _ in 0..<(-d.decimalPoint) { out.append(UInt8(ascii: "0")) }
            for digit in d.digits { out.append(digit + 48) }
        } else if d.decimalPoint >= d.digits.count {
            for digit in d.digits { out.append(digit + 48) }
            for _ in 0..<(d.decimalPoint - d.digits.count) { out.append(UInt8(ascii: "0")) }
        } else {
            for digit in d.digits[0..<d.decimalPoint] { out.append(digit + 48) }
            out.append(UInt8(ascii: "."))
            for digit in d.digits[d.decimalPoint...] { out.append(digit + 48) }
        }
    }
}
