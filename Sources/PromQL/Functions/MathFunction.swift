import TSDB


/// Element-wise functions of one value (`abs`, `ln`, `sgn`, …).
enum MathFunction: String {
    case abs, ceil, floor, exp, sqrt, ln, log2, log10, sgn, deg, rad
    case acos, acosh, asin, asinh, atan, atanh, cos, cosh, sin, sinh, tan, tanh

    func apply(to points: inout [Sample]) {
        switch self {
        case .abs: Self.map(&points) { $0.magnitude }
        case .ceil: Self.map(&points) { LibM.ceil($0) }
        case .floor: Self.map(&points) { LibM.floor($0) }
        case .exp: Self.map(&points) { GoExp.exp($0) }
        case .sqrt: Self.map(&points) { $0.squareRoot() }
        case .ln: Self.map(&points) { GoMath.log($0) }
        case .log2: Self.map(&points) { GoMath.log2($0) }
        case .log10: Self.map(&points) { GoMath.log10($0) }
        case .sgn: Self.map(&points) { $0 < 0 ? -1 : ($0 > 0 ? 1 : $0) }
        case .deg: Self.map(&points) { $0 * 180 / Double.pi }
        case .rad: Self.map(&points) { $0 * Double.pi / 180 }
        case .acos: Self.map(&points) { GoTrig.acos($0) }
        case .acosh: Self.map(&points) { GoTrig.acosh($0) }
        case .asin: Self.map(&points) { GoTrig.asin($0) }
        case .asinh: Self.map(&points) { GoTrig.asinh($0) }
        case .atan: Self.map(&points) { GoTrig.atan($0) }
        case .atanh: Self.map(&points) { GoTrig.atanh($0) }
        case .cos: Self.map(&points) { GoTrig.cos($0) }
        case .cosh: Self.map(&points) { GoExp.cosh($0) }
        case .sin: Self.map(&points) { GoTrig.sin($0) }
        case .sinh: Self.map(&points) { GoExp.sinh($0) }
        case .tan: Self.map(&points) { GoTrig.tan($0) }
        case .tanh: Self.map(&points) { GoExp.tanh($0) }
        }
    }

    @inline(__always)
    private static func map(_ points: inout [Sample], _ transform: (Double) -> Double) {
        for index in points.indices { points[index].value = transform(points[index].value) }
    }
}
