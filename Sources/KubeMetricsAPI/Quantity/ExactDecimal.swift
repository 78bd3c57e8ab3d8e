/// An exact signed decimal `±digits × 10^exponent` of unbounded precision.
///
/// apimachinery computes quantities with `inf.Dec` (big integers), so a
/// `Quantity` such as `1.000000001Ei` has no `Int64`/`Double` representation
/// that keeps its canonical form. This is just enough arithmetic for parsing
/// and canonicalising: scaling by powers of ten and two, rounding, comparing.
struct ExactDecimal: Sendable, Hashable {
    /// Most significant digit first, each 0...9; never leading or trailing
    /// zeros, so every value has exactly one representation. Empty means zero.
    private(set) var digits: [UInt8]
    private(set) var exponent: Int
    private(set) var isNegative: Bool

    static let zero = ExactDecimal(normalizedDigits: [], exponent: 0, isNegative: false)

    private init(normalizedDigits: [UInt8], exponent: Int, isNegative: Bool) {
        self.digits = normalizedDigits
        self.exponent = exponent
        self.isNegative = isNegative
    }

    /// Builds `±digits × 10^exponent` from any digit run (zeros allowed anywhere).
    init(digits rawDigits: some Collection<UInt8>, exponent: Int, isNegative: Bool) {
        var digits = Array(rawDigits.drop { $0 == 0 })
        var exponent = exponent
        while let last = digits.last, last == 0 {
            digits.removeLast()
            exponent += 1
        }
        if digits.isEmpty {
            self = .zero
        } else {
            self.init(normalizedDigits: digits, exponent: exponent, isNegative: isNegative)
        }
    }

    init(_ value: Int64) {
        let magnitude = value.magnitude
        self.init(digits: String(magnitude).utf8.map { $0 - UInt8(ascii: "0") }, exponent: 0, isNegative: value < 0)
    }

    var isZero: Bool { digits.isEmpty }

    /// Whether the value has no fractional part.
    var isInteger: Bool { exponent >= 0 }

    var magnitude: ExactDecimal {
        ExactDecimal(normalizedDigits: digits, exponent: exponent, isNegative: false)
    }

    func withSign(negative: Bool) -> ExactDecimal {
        isZero ? self : ExactDecimal(normalizedDigits: digits, exponent: exponent, isNegative: negative)
    }

    /// `self × 10^power`.
    func shifted(by power: Int) -> ExactDecimal {
        isZero ? self : ExactDecimal(normalizedDigits: digits, exponent: exponent + power, isNegative: isNegative)
    }

    /// `self × factor` for a small factor (powers of two are applied in steps).
    func multiplied(by factor: UInt32) -> ExactDecimal {
        if isZero || factor == 1 { return self }
        var product = [UInt8](repeating: 0, count: digits.count)
        var carry: UInt64 = 0
        for index in digits.indices.reversed() {
            let partial = UInt64(digits[index]) * UInt64(factor) + carry
            product[index] = UInt8(partial % 10)
            carry = partial / 10
        }
        var head: [UInt8] = []
        while carry > 0 {
            head.append(UInt8(carry % 10))
            carry /= 10
        }
        return ExactDecimal(digits: head.reversed() + product, exponent: exponent, isNegative: isNegative)
    }

    /// `self × 2^power`, in steps of at most 2^10 so no digit product overflows.
    func multiplied(byPowerOfTwo power: Int) -> ExactDecimal {
        var result = self
        var remaining = power
        while remaining > 0 {
            let step = min(remaining, 10)
            result = result.multiplied(by: UInt32(1) << UInt32(step))
            remaining -= step
        }
        return result
    }

    /// Rounds to a multiple of `10^targetExponent`, away from zero: a value
    /// that would lose precision grows by one unit, so a non-zero amount never
    /// becomes zero. This is `inf.RoundUp`, which apimachinery uses.
    func roundedAwayFromZero(toExponent targetExponent: Int) -> ExactDecimal {
        if isZero || exponent >= targetExponent { return self }
        let dropped = targetExponent - exponent
        if dropped >= digits.count {
            return ExactDecimal(normalizedDigits: [1], exponent: targetExponent, isNegative: isNegative)
        }
        // Normalised digits end in a non-zero digit, so the dropped part is
        // never zero and the kept part always increments.
        var kept = Array(digits[0..<(digits.count - dropped)])
        var index = kept.count - 1
        while index >= 0 {
            if kept[index] == 9 {
                kept[index] = 0
                index -= 1
            } else {
                kept[index] += 1
                break
            }
        }
        if index < 0 { kept.insert(1, at: 0) }
        return ExactDecimal(digits: kept, exponent: targetExponent, isNegative: isNegative)
    }

    /// Rounds to the nearest multiple of `10^targetExponent`, halves away
    /// from zero (`1.5` → `2`, `-2.5` → `-3`); may yield zero.
    func roundedHalfAwayFromZero(toExponent targetExponent: Int) -> ExactDecimal {
        if isZero || exponent >= targetExponent { return self }
        let dropped = targetExponent - exponent
        if dropped > digits.count { return .zero }
        let keptCount = digits.count - dropped
        let roundsUp = digits[keptCount] >= 5
        var kept = Array(digits[0..<keptCount])
        guard roundsUp else {
            return ExactDecimal(digits: kept, exponent: targetExponent, isNegative: isNegative)
        }
        var index = kept.count - 1
        while index >= 0, kept[index] == 9 {
            kept[index] = 0
            index -= 1
        }
        if index >= 0 { kept[index] += 1 } else { kept.insert(1, at: 0) }
        return ExactDecimal(digits: kept, exponent: targetExponent, isNegative: isNegative)
    }

    /// Compares absolute values: -1, 0 or 1.
    func compareMagnitude(to other: ExactDecimal) -> Int {
        if isZero || other.isZero {
            return isZero == other.isZero ? 0 : (isZero ? -1 : 1)
        }
        // Position of the most significant digit decides first.
        let leading = digits.count + exponent
        let otherLeading = other.digits.count + other.exponent
        if leading != otherLeading { return leading < otherLeading ? -1 : 1 }
        for (mine, theirs) in zip(digits, other.digits) where mine != theirs {
            return mine < theirs ? -1 : 1
        }
        // Equal prefix: the longer one has more non-zero digits after it.
        if digits.count == other.digits.count { return 0 }
        return digits.count < other.digits.count ? -1 : 1
    }

    /// The integer magnitude when the value is an integer below 2^64.
    var integerMagnitude: UInt64? {
        guard isInteger else { return nil }
        if isZero { return 0 }
        // More than 20 digits never fits; checking first also avoids
        // materialising the zeros of an amount like 1e2000000000.
        guard digits.count + exponent <= 20 else { return nil }
        var result: UInt64 = 0
        for digit in digits + [UInt8](repeating: 0, count: exponent) {
            let (times10, overflow1) = result.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(UInt64(digit))
            if overflow1 || overflow2 { return nil }
            result = sum
        }
        return result
    }

    /// The digits as text, without sign or exponent ("" for zero).
    var digitString: String {
        String(decoding: digits.map { $0 + UInt8(ascii: "0") }, as: UTF8.self)
    }

    /// The nearest `Double` (infinite beyond its range).
    var doubleValue: Double {
        if isZero { return 0 }
        return Double("\(isNegative ? "-" : "")\(digitString)e\(exponent)") ?? .nan
    }
}
