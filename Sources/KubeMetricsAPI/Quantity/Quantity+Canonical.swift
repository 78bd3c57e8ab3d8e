extension Quantity {
    /// apimachinery's `CanonicalizeBytes`: no precision lost, no fractional
    /// digits, the largest suffix that allows that.
    ///
    /// - decimal SI / exponent: trailing zeros move into the exponent, which
    ///   then steps down to a multiple of three (`1.5` → `1500m`, `2000` → `2k`,
    ///   `1.5e3` → `1500`, `12e-2` → `120e-3`);
    /// - binary SI: whole amounts of at least 1024 in magnitude print in
    ///   powers of 1024 (`1.5Gi` → `1536Mi`); anything else prints as
    ///   decimal SI so no precision is lost (`0.5Ki` → `512`).
    ///
    /// Checked against kubectl v1.32 (apimachinery). Two deliberate
    /// differences: decimal SI amounts beyond `E` print in exponent form
    /// (`1000E` → `1e21`; apimachinery prints `1`, losing the magnitude), and
    /// the text is always derived from the amount (apimachinery echoes some
    /// inputs verbatim when its parser deems them canonical: `+2k`, `1E3`,
    /// `12345.678`).
    var canonicalText: String {
        if amount.isZero { return "0" }
        let sign = amount.isNegative ? "-" : ""
        if format == .binarySI, let binary = binaryCanonicalText {
            return sign + binary
        }
        let (mantissa, exponent) = decimalMantissaAndExponent
        let suffix: String
        if format == .decimalExponent {
            suffix = exponent == 0 ? "" : "e\(exponent)"
        } else if let si = Quantity.decimalSISuffixes[exponent] {
            suffix = si
        } else {
            suffix = "e\(exponent)"
        }
        return sign + mantissa + suffix
    }

    private static let decimalSISuffixes: [Int: String] = Dictionary(
        uniqueKeysWithValues: QuantitySuffix.decimalSI.map { ($0.value, $0.key) }
    )
    private static let binarySISuffixes = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"]

    /// Digits and an exponent that is a multiple of three (rounding down).
    private var decimalMantissaAndExponent: (String, Int) {
        let remainder = ((amount.exponent % 3) + 3) % 3
        let mantissa = amount.digitString + String(repeating: "0", count: remainder)
        return (mantissa, amount.exponent - remainder)
    }

    /// The base-1024 text (without sign), or nil when the amount must print
    /// as decimal SI instead.
    private var binaryCanonicalText: String? {
        guard amount.compareMagnitude(to: ExactDecimal(1024)) >= 0,
              var mantissa = amount.integerMagnitude
        else { return nil }
        var power = 0
        while mantissa >= 1024, mantissa % 1024 == 0, power + 1 < Quantity.binarySISuffixes.count {
            mantissa /= 1024
            power += 1
        }
        return "\(mantissa)\(Quantity.binarySISuffixes[power])"
    }
}
