/// Low-level appends for the writers: everything goes straight into the
/// output bytes, with no intermediate `String` except for the rare
/// non-integral float.
extension Array where Element == UInt8 {
    @inline(__always)
    mutating func appendASCII(_ text: StaticString) {
        text.withUTF8Buffer { append(contentsOf: $0) }
    }

    /// Copies a string's bytes with one memcpy when the string is native
    /// (the generic `append(contentsOf: text.utf8)` walks byte by byte).
    @inline(__always)
    mutating func appendUTF8(_ text: String) {
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { append(contentsOf: $0) }
        if copied == nil { append(contentsOf: text.utf8) }
    }

    /// Label values: `\` → `\\`, `"` → `\"`, line feed → `\n` (both formats).
    mutating func appendEscapedLabelValue(_ value: String) {
        appendEscaped(value, escapeQuote: true)
    }

    /// HELP text: `\` and line feed always; `"` only for OpenMetrics.
    mutating func appendEscapedHelp(_ help: String, escapeQuote: Bool) {
        appendEscaped(help, escapeQuote: escapeQuote)
    }

    private mutating func appendEscaped(_ text: String, escapeQuote: Bool) {
        var utf8 = text.utf8
        // Fast path: most values need no escaping at all.
        let needsEscaping = utf8.withContiguousStorageIfAvailable { bytes in
            bytes.contains { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\n") || (escapeQuote && $0 == UInt8(ascii: "\"")) }
        }
        if needsEscaping == false {
            appendUTF8(text)
            return
        }
        if needsEscaping == nil {
            // Bridged or non-contiguous string: make it native once.
            var native = text
            native.makeContiguousUTF8()
            utf8 = native.utf8
        }
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "\\"): appendASCII("\\\\")
            case UInt8(ascii: "\n"): appendASCII("\\n")
            case UInt8(ascii: "\"") where escapeQuote: appendASCII("\\\"")
            default: append(byte)
            }
        }
    }

    /// Writes an integer in decimal without going through `String`.
    mutating func appendDecimal(_ value: Int64) {
        if value < 0 {
            append(UInt8(ascii: "-"))
            appendDecimal(value.magnitude)
        } else {
            appendDecimal(UInt64(value))
        }
    }

    mutating func appendDecimal(_ value: UInt64) {
        if value < 10 {
            append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value))
            return
        }
        // 20 digits hold UInt64.max.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var remaining = value
            var start = 20
            while remaining > 0 {
                start -= 1
                digits[start] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: remaining % 10)
                remaining /= 10
            }
            append(contentsOf: UnsafeBufferPointer(rebasing: digits[start..<20]))
        }
    }

    /// Writes a sample value in the form both Go's `ParseFloat` and the
    /// OpenMetrics grammar accept: `NaN`, `+Inf`, `-Inf`, integers without a
    /// decimal point, otherwise the shortest representation that round-trips.
    mutating func appendSampleValue(_ value: Double) {
        if value.isNaN {
            appendASCII("NaN")
        } else if value.isInfinite {
            appendASCII(value < 0 ? "-Inf" : "+Inf")
        } else if value == value.rounded(.towardZero), value.magnitude <= 9_007_199_254_740_992 {
            // An integer up to 2^53 is exact in both Double and Int64: no
            // float formatting needed, and no misleading trailing ".0".
            appendDecimal(Int64(value))
        } else {
            appendUTF8(value.description)
        }
    }

    /// OpenMetrics timestamps are seconds, with the milliseconds as a fraction.
    mutating func appendSecondsTimestamp(milliseconds: Int64) {
        let negative = milliseconds < 0
        let magnitude = milliseconds.magnitude
        if negative { append(UInt8(ascii: "-")) }
        appendDecimal(magnitude / 1000)
        let fraction = magnitude % 1000
        if fraction != 0 {
            append(UInt8(ascii: "."))
            append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: fraction / 100))
            append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: fraction / 10 % 10))
            append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: fraction % 10))
        }
    }
}
