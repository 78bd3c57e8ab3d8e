/// Go `math` functions whose results Prometheus exposes and which differ from
/// C's libm (`Pow`, `Log2`, `Log10`, `Max`, `Min`), ported so the numbers
/// match Prometheus to the last bit.
enum GoMath {
    /// `math.Max`: NaN wins, +0 beats -0.
    @inline(__always) static func max(_ x: Double, _ y: Double) -> Double {
        if x.isInfinite && x > 0 || y.isInfinite && y > 0 { return .infinity }
        if x.isNaN || y.isNaN { return .nan }
        if x == 0 && x == y { return x.sign == .minus ? y : x }
        return x > y ? x : y
    }

    /// `math.Min`: NaN wins, -0 beats +0.
    @inline(__always) static func min(_ x: Double, _ y: Double) -> Double {
        if x.isInfinite && x < 0 || y.isInfinite && y < 0 { return -.infinity }
        if x.isNaN || y.isNaN { return .nan }
        if x == 0 && x == y { return x.sign == .minus ? x : y }
        return x < y ? x : y
    }

    /// Go's compile-time constants (exactly rounded, unlike `1 / ln10` at run time).
    static let inverseLn2 = 1.4426950408889634
    static let inverseLn10 = 0.4342944819032518

    /// `math.Log`: FreeBSD's algorithm, which Go's amd64 assembly also uses.
    static func log(_ x: Double) -> Double {
        let ln2Hi = 6.93147180369123816490e-01
        let ln2Lo = 1.90821492927058770002e-10
        let l1 = 6.666666666666735130e-01
        let l2 = 3.999999999940941908e-01
        let l3 = 2.857142874366239149e-01
        let l4 = 2.222219843214978396e-01
        let l5 = 1.818357216161805012e-01
        let l6 = 1.531383769920937332e-01
        let l7 = 1.479819860511658591e-01
        if x.isNaN || x == .infinity { return x }
        if x < 0 { return .nan }
        if x == 0 { return -.infinity }
        var (f1, ki) = LibM.frexp(x)
        if f1 < 0.70710678118654752440 {
            f1 *= 2
            ki -= 1
        }
        let f = f1 - 1
        let k = Double(ki)
        let s = f / (2 + f)
        let s2 = s * s
        let s4 = s2 * s2
        let t1 = s2 * (l1 + s4 * (l3 + s4 * (l5 + s4 * l7)))
        let t2 = s4 * (l2 + s4 * (l4 + s4 * l6))
        let r = t1 + t2
        let hfsq = 0.5 * f * f
        return k * ln2Hi - ((hfsq - (s * (hfsq + r) + k * ln2Lo)) - f)
    }

    /// `math.Log2`: exact for powers of two, otherwise `Log(frac)/Ln2 + exp`.
    static func log2(_ x: Double) -> Double {
        let (fraction, exponent) = LibM.frexp(x)
        if fraction == 0.5 { return Double(exponent - 1) }
        return log(fraction) * inverseLn2 + Double(exponent)
    }

    /// `math.Log10`: `Log(x) * (1/Ln10)`.
    static func log10(_ x: Double) -> Double {
        log(x) * inverseLn10
    }

    /// `math.Mod`, which is exact and equals C's `fmod`.
    @inline(__always) static func mod(_ x: Double, _ y: Double) -> Double {
        LibM.fmod(x, y)
    }

    /// `math.Pow`, Go's algorithm (repeated squaring for the integer part).
    static func pow(_ x: Double, _ y: Double) -> Double {
        if y == 0 || x == 1 { return 1 }
        if y == 1 { return x }
        if x.isNaN || y.isNaN { return .nan }
        if x == 0 {
            if y < 0 {
                if x.sign == .minus && isOddInt(y) { return -.infinity }
                return .infinity
            }
            if y > 0 {
                if x.sign == .minus && isOddInt(y) { return x }
                return 0
            }
        }
        if y.isInfinite {
            if x == -1 { return 1 }
            if (x.magnitude < 1) == (y > 0) { return 0 }
            return .infinity
        }
        if x.isInfinite {
            if x < 0 { return pow(1 / x, -y) }
            if y < 0 { return 0 }
            if y > 0 { return .infinity }
        }
        if y == 0.5 { return x.squareRoot() }
        if y == -0.5 { return 1 / x.squareRoot() }

        var yi = y.magnitude.rounded(.towardZero)
        var yf = y.magnitude - yi
        if yf != 0 && x < 0 { return .nan }
        if yi >= 9.223372036854775808e18 {
            if x == -1 { return 1 }
            if (x.magnitude < 1) == (y > 0) { return 0 }
            return .infinity
        }
        var a1 = 1.0
        var ae = 0
        if yf != 0 {
            if yf > 0.5 {
                yf -= 1
                yi += 1
            }
            a1 = GoExp.exp(yf * log(x))
        }
        var (x1, xe) = LibM.frexp(x)
        var i = Int64(yi)
        while i != 0 {
            if xe < -(1 << 12) || (1 << 12) < xe {
                ae += xe
                break
            }
            if i & 1 == 1 {
                a1 *= x1
                ae += xe
            }
            x1 *= x1
            xe <<= 1
            if x1 < 0.5 {
                x1 += x1
                xe -= 1
            }
            i >>= 1
        }
        if y < 0 {
            a1 = 1 / a1
            ae = -ae
        }
        return LibM.ldexp(a1, ae)
    }

    private static func isOddInt(_ x: Double) -> Bool {
        if x.magnitude >= 9007199254740992 { return false } // 1<<53: all even
        let integer = x.rounded(.towardZero)
        return integer == x && Int64(integer) & 1 == 1
    }
}
