/// Number parsing with Go `strconv` semantics where Prometheus relies on them.
enum SampleValueParser {
    /// A float as Go's `ParseFloat` reads it: decimal or hex floats, and the
    /// special values `NaN`, `Inf`, `Infinity` with optional sign in any case.
    static func parseDouble(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        if let integer = parseSmallInteger(bytes) { return Double(integer) }
        guard bytes.count <= 64 else { return nil }
        var text = String(decoding: bytes, as: UTF8.self)
        let lowered = text.lowercased()
        switch lowered {
        case "nan": return .nan
        case "inf", "+inf", "infinity", "+infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        default: break
        }
        // Swift's parser also takes "nan(…)", "snan" and the like; Go does not.
        guard !lowered.contains("n"), !lowered.contains("s") else { return nil }
        text = lowered
        return Double(text)
    }

    /// Fast path for the common integer value (counters, bucket counts).
    private static func parseSmallInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        var index = 0
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            index = 1
        }
        // 15 digits stay below 2^53, so the Double conversion is exact.
        guard index < bytes.count, bytes.count - index <= 15 else { return nil }
        var value: Int64 = 0
        while index < bytes.count {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int64(digit)
            index += 1
        }
        return negative ? -value : value
    }

    /// A decimal integer with optional sign, rejecting overflow.
    static func parseInt64(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard !bytes.isEmpty, bytes.count <= 21 else { return nil }
        return Int64(String(decoding: bytes, as: UTF8.self))
    }
}
