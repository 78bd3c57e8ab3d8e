/// Go's pure-Go trigonometric and inverse hyperbolic functions (Cephes /
/// FreeBSD algorithms), ported so PromQL's `sin`, `atan2`, `asinh`, … give
/// Prometheus's bits rather than glibc's. Arguments of 2^29 and more (where
/// Go switches to Payne–Hanek reduction) fall back to libm.
enum GoTrig {
    private static let pi4a = 7.85398125648498535156e-1
    private static let pi4b = 3.77489470793079817668e-8
    private static let pi4c = 2.69515142907905952645e-15
    private static let reduceThreshold = Double(1 << 29)
    private static let fourOverPi = 1.2732395447351628 // 4/Pi as Go's exact constant rounds it
    private static let halfPi = 1.5707963267948966
    private static let quarterPi = 0.7853981633974483

    private static let sinCoefficients = [
        1.58962301576546568060e-10, -2.50507477628578072866e-8, 2.75573136213857245213e-6,
        -1.98412698295895385996e-4, 8.33333333332211858878e-3, -1.66666666666666307295e-1,
    ]
    private static let cosCoefficients = [
        -1.13585365213876817300e-11, 2.08757008419747316778e-9, -2.75573141792967388112e-7,
        2.48015872888517045348e-5, -1.38888888888730564116e-3, 4.16666666666665929218e-2,
    ]

    /// Octant and reduced argument of a non-negative `x` below the threshold.
    @inline(__always)
    private static func reduce(_ x: Double) -> (UInt64, Double) {
        var j = UInt64(x * fourOverPi)
        var y = Double(j)
        if j & 1 == 1 {
            j += 1
            y += 1
        }
        j &= 7
        return (j, ((x - y * pi4a) - y * pi4b) - y * pi4c)
    }

    @inline(__always)
    private static func sinPolynomial(_ z: Double, _ zz: Double) -> Double {
        let s = sinCoefficients
        return z + z * zz * ((((((s[0] * zz) + s[1]) * zz + s[2]) * zz + s[3]) * zz + s[4]) * zz + s[5])
    }

    @inline(__always)
    private static func cosPolynomial(_ zz: Double) -> Double {
        let c = cosCoefficients
        return 1.0 - 0.5 * zz + zz * zz * ((((((c[0] * zz) + c[1]) * zz + c[2]) * zz + c[3]) * zz + c[4]) * zz + c[5])
    }

    static func sin(_ value: Double) -> Double {
        if value == 0 || value.isNaN { return value }
        if value.isInfinite { return .nan }
        var x = value
        var negative = false
        if x < 0 {
            x = -x
            negative = true
        }
        if x >= reduceThreshold { return LibM.sin(value) }
        var (j, z) = reduce(x)
        if j > 3 {
            negative.toggle()
            j -= 4
        }
        let zz = z * z
        let y = (j == 1 || j == 2) ? cosPolynomial(zz) : sinPolynomial(z, zz)
        return negative ? -y : y
    }

    static func cos(_ value: Double) -> Double {
        if value.isNaN || value.isInfinite { return .nan }
        let x = value.magnitude
        if x >= reduceThreshold { return LibM.cos(value) }
        var negative = false
        var (j, z) = reduce(x)
        if j > 3 {
            j -= 4
            negative.toggle()
        }
        if j > 1 { negative.toggle() }
        let zz = z * z
        let y = (j == 1 || j == 2) ? sinPolynomial(z, zz) : cosPolynomial(zz)
        return negative ? -y : y
    }

    static func tan(_ value: Double) -> Double {
        if value == 0 || value.isNaN { return value }
        if value.isInfinite { return .nan }
        var x = value
        var negative = false
        if x < 0 {
            x = -x
            negative = true
        }
        if x >= reduceThreshold { return LibM.tan(value) }
        var j = UInt64(x * fourOverPi)
        var y = Double(j)
        if j & 1 == 1 {
            j += 1
            y += 1
        }
        let z = ((x - y * pi4a) - y * pi4b) - y * pi4c
        let zz = z * z
        if zz > 1e-14 {
            let p0 = -1.30936939181383777646e4, p1 = 1.15351664838587416140e6, p2 = -1.79565251976484877988e7
            let q1 = 1.36812963470692954678e4, q2 = -1.32089234440210967447e6
            let q3 = 2.50083801823357915839e7, q4 = -5.38695755929454629881e7
            y = z + z * (zz * (((p0 * zz) + p1) * zz + p2) / ((((zz + q1) * zz + q2) * zz + q3) * zz + q4))
        } else {
            y = z
        }
        if j & 2 == 2 { y = -1 / y }
        return negative ? -y : y
    }

    /// Series valid on [0, 0.66].
    private static func xatan(_ x: Double) -> Double {
        let p0 = -8.750608600031904122785e-01, p1 = -1.615753718733365076637e+01
        let p2 = -7.500855792314704667340e+01, p3 = -1.228866684490136173410e+02
        let p4 = -6.485021904942025371773e+01
        let q0 = 2.485846490142306297962e+01, q1 = 1.650270098316988542046e+02
        let q2 = 4.328810604912902668951e+02, q3 = 4.853903996359136964868e+02
        let q4 = 1.945506571482613964425e+02
        var z = x * x
        z = z * ((((p0 * z + p1) * z + p2) * z + p3) * z + p4) / (((((z + q0) * z + q1) * z + q2) * z + q3) * z + q4)
        return x * z + x
    }

    /// Reduces a positive argument to [0, 0.66].
    private static func satan(_ x: Double) -> Double {
        let moreBits = 6.123233995736765886130e-17
        let tan3Pi8 = 2.41421356237309504880
        if x <= 0.66 { return xatan(x) }
        if x > tan3Pi8 { return halfPi - xatan(1 / x) + moreBits }
        return quarterPi + xatan((x - 1) / (x + 1)) + 0.5 * moreBits
    }

    static func atan(_ x: Double) -> Double {
        if x == 0 { return x }
        return x > 0 ? satan(x) : -satan(-x)
    }

    static func atan2(_ y: Double, _ x: Double) -> Double {
        if y.isNaN || x.isNaN { return .nan }
        if y == 0 {
            if x >= 0 && x.sign == .plus { return Double(signOf: y, magnitudeOf: 0) }
            return Double(signOf: y, magnitudeOf: .pi)
        }
        if x == 0 { return Double(signOf: y, magnitudeOf: halfPi) }
        if x.isInfinite {
            if x > 0 { return y.isInfinite ? Double(signOf: y, magnitudeOf: quarterPi) : Double(signOf: y, magnitudeOf: 0) }
            return y.isInfinite ? Double(signOf: y, magnitudeOf: 2.356194490192345) : Double(signOf: y, magnitudeOf: .pi)
        }
        if y.isInfinite { return Double(signOf: y, magnitudeOf: halfPi) }
        let q = atan(y / x)
        if x < 0 { return q <= 0 ? q + .pi : q - .pi }
        return q
    }

    static func asin(_ value: Double) -> Double {
        if value == 0 { return value }
        var x = value
        var negative = false
        if x < 0 {
            x = -x
            negative = true
        }
        if x > 1 { return .nan }
        var temp = (1 - x * x).squareRoot()
        if x > 0.7 {
            temp = halfPi - satan(temp / x)
        } else {
            temp = satan(x / temp)
        }
        return negative ? -temp : temp
    }

    static func acos(_ x: Double) -> Double {
        halfPi - asin(x)
    }

    static func asinh(_ value: Double) -> Double {
        if value.isNaN || value.isInfinite { return value }
        let ln2 = 6.93147180559945286227e-01
        var x = value
        var negative = false
        if x < 0 {
            x = -x
            negative = true
        }
        var temp: Double
        if x > Double(1 << 28) {
            temp = GoMath.log(x) + ln2
        } else if x > 2 {
            temp = GoMath.log(2 * x + 1 / ((x * x + 1).squareRoot() + x))
        } else if x < 1.0 / Double(1 << 28) {
            temp = x
        } else {
            temp = log1p(x + x * x / (1 + (1 + x * x).squareRoot()))
        }
        return negative ? -temp : temp
    }

    static func acosh(_ x: Double) -> Double {
        if x < 1 || x.isNaN { return .nan }
        if x == 1 { return 0 }
        if x >= Double(1 << 28) { return GoMath.log(x) + 6.93147180559945286227e-01 }
        if x > 2 { return GoMath.log(2 * x - 1 / (x + (x * x - 1).squareRoot())) }
        let t = x - 1
        return log1p(t + (2 * t + t * t).squareRoot())
    }

    static func atanh(_ value: Double) -> Double {
        if value < -1 || value > 1 || value.isNaN { return .nan }
        if value == 1 { return .infinity }
        if value == -1 { return -.infinity }
        var x = value
        var negative = false
        if x < 0 {
            x = -x
            negative = true
        }
        var temp: Double
        if x < 1.0 / Double(1 << 28) {
            temp = x
        } else if x < 0.5 {
            temp = x + x
            temp = 0.5 * log1p(temp + temp * x / (1 - x))
        } else {
            temp = 0.5 * log1p((x + x) / (1 - x))
        }
        return negative ? -temp : temp
    }

    /// `math.Log1p`.
    static func log1p(_ x: Double) -> Double {
        let sqrt2M1 = 4.142135623730950488017e-01
        let sqrt2HalfM1 = -2.928932188134524755992e-01
        let small = 1.0 / Double(1 << 29)
        let tiny = 1.0 / Double(UInt64(1) << 54)
        let two53 = Double(UInt64(1) << 53)
        let ln2Hi = 6.93147180369123816490e-01
        let ln2Lo = 1.90821492927058770002e-10
        let lp1 = 6.666666666666735130e-01, lp2 = 3.999999999940941908e-01
        let lp3 = 2.857142874366239149e-01, lp4 = 2.222219843214978396e-01
        let lp5 = 1.818357216161805012e-01, lp6 = 1.531383769920937332e-01
        let lp7 = 1.479819860511658591e-01
        if x < -1 || x.isNaN { return .nan }
        if x == -1 { return -.infinity }
        if x == .infinity { return .infinity }

        let absX = x.magnitude
        var f = 0.0
        var iu: UInt64 = 0
        var k = 1
        if absX < sqrt2M1 {
            if absX < small {
                if absX < tiny { return x }
                return x - x * x * 0.5
            }
            if x > sqrt2HalfM1 {
                k = 0
                f = x
                iu = 1
            }
        }
        var c = 0.0
        if k != 0 {
            var u: Double
            if absX < two53 {
                u = 1.0 + x
                iu = u.bitPattern
                k = Int(Int64(bitPattern: (iu >> 52) &- 1023))
                c = k > 0 ? 1.0 - (u - x) : x - (u - 1.0)
                c /= u
            } else {
                u = x
                iu = u.bitPattern
                k = Int(Int64(bitPattern: (iu >> 52) &- 1023))
                c = 0
            }
            iu &= 0x000f_ffff_ffff_ffff
            if iu < 0x0006_a09e_667f_3bcd {
                u = Double(bitPattern: iu | 0x3ff0_0000_0000_0000)
            } else {
                k += 1
                u = Double(bitPattern: iu | 0x3fe0_0000_0000_0000)
                iu = (0x0010_0000_0000_0000 - iu) >> 2
            }
            f = u - 1.0
        }
        let hfsq = 0.5 * f * f
        let kk = Double(k)
        if iu == 0 {
            if f == 0 {
                if k == 0 { return 0 }
                c += kk * ln2Lo
                return kk * ln2Hi + c
            }
            let r = hfsq * (1.0 - 0.66666666666666666 * f)
            if k == 0 { return f - r }
            return kk * ln2Hi - ((r - (kk * ln2Lo + c)) - f)
        }
        let s = f / (2.0 + f)
        let z = s * s
        let r = z * (lp1 + z * (lp2 + z * (lp3 + z * (lp4 + z * (lp5 + z * (lp6 + z * lp7))))))
        if k == 0 { return f - (hfsq - s * (hfsq + r)) }
        return kk * ln2Hi - ((hfsq - (s * (hfsq + r) + (kk * ln2Lo + c))) - f)
    }
}
