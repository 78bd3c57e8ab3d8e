#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

@inline(__always) private func _c_exp(_ x: Double) -> Double { exp(x) }
@inline(__always) private func _c_log(_ x: Double) -> Double { log(x) }
@inline(__always) private func _c_floor(_ x: Double) -> Double { floor(x) }
@inline(__always) private func _c_ceil(_ x: Double) -> Double { ceil(x) }
@inline(__always) private func _c_round(_ x: Double) -> Double { round(x) }
@inline(__always) private func _c_sin(_ x: Double) -> Double { sin(x) }
@inline(__always) private func _c_cos(_ x: Double) -> Double { cos(x) }
@inline(__always) private func _c_tan(_ x: Double) -> Double { tan(x) }
@inline(__always) private func _c_asin(_ x: Double) -> Double { asin(x) }
@inline(__always) private func _c_acos(_ x: Double) -> Double { acos(x) }
@inline(__always) private func _c_atan(_ x: Double) -> Double { atan(x) }
@inline(__always) private func _c_sinh(_ x: Double) -> Double { sinh(x) }
@inline(__always) private func _c_cosh(_ x: Double) -> Double { cosh(x) }
@inline(__always) private func _c_tanh(_ x: Double) -> Double { tanh(x) }
@inline(__always) private func _c_asinh(_ x: Double) -> Double { asinh(x) }
@inline(__always) private func _c_acosh(_ x: Double) -> Double { acosh(x) }
@inline(__always) private func _c_atanh(_ x: Double) -> Double { atanh(x) }
@inline(__always) private func _c_fmod(_ x: Double, _ y: Double) -> Double { fmod(x, y) }
@inline(__always) private func _c_atan2(_ y: Double, _ x: Double) -> Double { atan2(y, x) }
@inline(__always) private func _c_frexp(_ x: Double, _ e: inout Int32) -> Double { frexp(x, &e) }
@inline(__always) private func _c_ldexp(_ x: Double, _ e: Int32) -> Double { ldexp(x, e) }

/// The C math library functions the engine needs, in one place so that only
/// this file imports the platform module (which also links libm).
enum LibM {
    @inline(__always) static func exp(_ x: Double) -> Double { _c_exp(x) }
    @inline(__always) static func log(_ x: Double) -> Double { _c_log(x) }
    @inline(__always) static func sqrt(_ x: Double) -> Double { x.squareRoot() }
    @inline(__always) static func floor(_ x: Double) -> Double { _c_floor(x) }
    @inline(__always) static func ceil(_ x: Double) -> Double { _c_ceil(x) }
    @inline(__always) static func round(_ x: Double) -> Double { _c_round(x) }
    @inline(__always) static func fmod(_ x: Double, _ y: Double) -> Double { _c_fmod(x, y) }
    @inline(__always) static func atan2(_ y: Double, _ x: Double) -> Double { _c_atan2(y, x) }
    @inline(__always) static func frexp(_ x: Double) -> (Double, Int) {
        var exponent: Int32 = 0
        let fraction = _c_frexp(x, &exponent)
        return (fraction, Int(exponent))
    }
    @inline(__always) static func ldexp(_ x: Double, _ e: Int) -> Double { _c_ldexp(x, Int32(clamping: e)) }
    @inline(__always) static func sin(_ x: Double) -> Double { _c_sin(x) }
    @inline(__always) static func cos(_ x: Double) -> Double { _c_cos(x) }
    @inline(__always) static func tan(_ x: Double) -> Double { _c_tan(x) }
    @inline(__always) static func asin(_ x: Double) -> Double { _c_asin(x) }
    @inline(__always) static func acos(_ x: Double) -> Double { _c_acos(x) }
    @inline(__always) static func atan(_ x: Double) -> Double { _c_atan(x) }
    @inline(__always) static func sinh(_ x: Double) -> Double { _c_sinh(x) }
    @inline(__always) static func cosh(_ x: Double) -> Double { _c_cosh(x) }
    @inline(__always) static func tanh(_ x: Double) -> Double { _c_tanh(x) }
    @inline(__always) static func asinh(_ x: Double) -> Double { _c_asinh(x) }
    @inline(__always) static func acosh(_ x: Double) -> Double { _c_acosh(x) }
    @inline(__always) static func atanh(_ x: Double) -> Double { _c_atanh(x) }
}
