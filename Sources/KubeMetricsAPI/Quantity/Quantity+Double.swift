extension Quantity {
    /// The quantity a metrics adapter reports for a sample value.
    ///
    /// Kubernetes metric values are milli-precise: the adapters build them
    /// with `NewMilliQuantity(int64(v*1000), DecimalSI)` and the HPA reads
    /// them back with `MilliValue()`. The conversion here keeps milli
    /// precision but rounds differently from that one-liner, on purpose:
    ///
    /// 1. Start from the shortest decimal that round-trips the `Double`
    ///    (`123.456`, not 123.4560000000000030695), so the binary
    ///    representation never decides a digit.
    /// 2. Round to the nearest milli, halves away from zero
    ///    (`0.0015` → `2m`, `1.0004` → `1`, `0.1 + 0.2` → `300m`).
    ///    Truncation (prometheus-adapter) turns `0.29999999999999998` into
    ///    `299m`; ceiling (apimachinery's parser rule) turns
    ///    `0.30000000000000004` into `301m`. Floating-point sums and rates
    ///    produce both kinds of noise all the time.
    /// 3. A non-zero value never becomes zero: anything that would round to
    ///    `0` is `1m` (or `-1m`): `0.0001` → `1m`. A tiny but real error
    ///    rate must not read as a silent zero to the autoscaler. This matches
    ///    the Quantity API's documented rule for sub-milli precision
    ///    ("0.1m will rounded up to 1m").
    ///
    /// Values beyond the `Int64` milli range keep their magnitude exactly
    /// (printed with an `e` exponent past `E`) rather than overflowing.
    /// NaN and infinities have no quantity and throw.
    public init(_ value: Double) throws(QuantityError) {
        guard value.isFinite else { throw .notFinite(value) }
        if value == 0 {
            self = .zero
            return
        }
        // Swift prints the shortest round-tripping decimal, e.g. "1e-05",
        // "123.456", "1.2345e+20", all within the scanner's grammar.
        let parts = try QuantityScanner.scan(value.description)
        var exponent = -parts.fractionDigits.count
        if !parts.suffix.isEmpty {
            guard let first = parts.suffix.first, first == "e", let power = Int(parts.suffix.dropFirst()) else {
                throw .numeric
            }
            exponent += power
        }
        let exact = ExactDecimal(
            digits: parts.integerDigits + parts.fractionDigits,
            exponent: exponent,
            isNegative: parts.isNegative
        )
        var milli = exact.roundedHalfAwayFromZero(toExponent: -3)
        if milli.isZero {
            milli = ExactDecimal(digits: [1], exponent: -3, isNegative: exact.isNegative)
        }
        self.init(amount: milli, format: .decimalSI)
    }
}
