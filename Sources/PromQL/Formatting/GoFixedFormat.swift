/// Go's `%f` (six decimals) for the values Prometheus prints with it:
/// out-of-range `@` timestamps, which are huge integers, NaN or infinite.
enum GoFixedFormat {
    static func format(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
        let sign = value < 0 ? "-" : ""
        let magnitude = value.magnitude
        guard magnitude >= 1e15 else {
            // Not reached from the parser (only huge values are out of bounds);
            // six rounded decimals are good enough here.
            let scaled = (magnitude * 1_000_000).rounded()
            let whole = UInt64(scaled / 1_000_000)
            var fraction = String(UInt64(scaled) % 1_000_000)
            while fraction.count < 6 { fraction = "0" + fraction }
            return "\(sign)\(whole).\(fraction)"
        }
        // Doubles this large are integers: write significand * 2^exponent exactly.
        var digits: [UInt32] = [0] // little-endian base 1e9
        var significand = magnitude.significandBitPattern | (1 << 52)
        var exponent = Int(magnitude.exponent) - 52
        while significand > 0 && exponent < 0 { significand >>= 1; exponent += 1 }
        digits = [UInt32(significand % 1_000_000_000), UInt32((significand / 1_000_000_000) % 1_000_000_000), UInt32(significand / 1_000_000_000_000_000_000)]
        for _ in 0..<exponent {
            var carry: UInt64 = 0
            for i in digits.indices {
                let product = UInt64(digits[i]) * 2 + carry
                digits[i] = UInt32(product % 1_000_000_000)
                carry = product / 1_000_000_000
            }
            if carry > 0 { digits.append(UInt32(carry)) }
        }
        while digits.count > 1, digits.last == 0 { digits.removeLast() }
        var text = String(digits[digits.count - 1])
        for chunk in digits.dropLast().reversed() {
            var part = String(chunk)
            while part.count < 9 { part = "0" + part }
            text += part
        }
        return "\(sign)\(text).000000"
    }
}
