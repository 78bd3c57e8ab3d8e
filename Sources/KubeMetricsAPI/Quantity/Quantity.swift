/// A Kubernetes `resource.Quantity`: an exact decimal amount with a format
/// that decides how it prints (`1500m`, `2k`, `1536Mi`, `1e3`).
///
/// HPA reads every metric value as a quantity string, so the text must be
/// what apimachinery itself would produce: always the canonical form, the
/// largest suffix that keeps an integer mantissa, `0` for zero.
///
/// Equality compares amounts only (`1Ki == 1024`), as `Quantity.Cmp` does.
public struct Quantity: Sendable, Hashable, CustomStringConvertible {
    /// How a quantity prints; apimachinery's `resource.Format` names.
    public enum Format: String, Sendable, Hashable {
        /// Powers of ten with SI suffixes: `n u m "" k M G T P E`.
        case decimalSI = "DecimalSI"
        /// Powers of 1024 with `Ki Mi Gi Ti Pi Ei`.
        case binarySI = "BinarySI"
        /// Scientific notation: `12e6`.
        case decimalExponent = "DecimalExponent"
    }

    let amount: ExactDecimal
    /// The format the quantity was written in (or built with); it keeps
    /// printing in that family, as Kubernetes quantities do.
    public let format: Format

    init(amount: ExactDecimal, format: Format) {
        self.amount = amount
        self.format = format
    }

    /// `resource.NewMilliQuantity(milliValue, DecimalSI)`.
    public init(milliValue: Int64) {
        self.init(amount: ExactDecimal(milliValue).shifted(by: -3), format: .decimalSI)
    }

    /// `resource.NewQuantity(value, format)`.
    public init(integerValue: Int64, format: Format = .decimalSI) {
        self.init(amount: ExactDecimal(integerValue), format: format)
    }

    public static let zero = Quantity(integerValue: 0)

    public var isZero: Bool { amount.isZero }

    public var isNegative: Bool { amount.isNegative }

    /// The nearest `Double`, e.g. for the autoscaler's arithmetic.
    public var doubleValue: Double { amount.doubleValue }

    /// `Quantity.MilliValue()`: thousandths, a partial thousandth rounded away
    /// from zero (as the HPA reads metric values); nil beyond `Int64`.
    public var milliValue: Int64? {
        let milli = amount.roundedAwayFromZero(toExponent: -3).shifted(by: 3)
        guard let magnitude = milli.integerMagnitude else { return nil }
        if milli.isNegative {
            return magnitude <= UInt64(Int64.max) + 1 ? Int64(truncatingIfNeeded: 0 &- magnitude) : nil
        }
        return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
    }

    /// The canonical text, e.g. `1500m`.
    public var description: String { canonicalText }

    public static func == (lhs: Quantity, rhs: Quantity) -> Bool {
        lhs.amount == rhs.amount
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(amount)
    }
}

extension Quantity: Comparable {
    public static func < (lhs: Quantity, rhs: Quantity) -> Bool {
        switch (lhs.amount.isNegative, rhs.amount.isNegative) {
        case (true, false): return true
        case (false, true): return false
        case (false, false): return lhs.amount.compareMagnitude(to: rhs.amount) < 0
        case (true, true): return lhs.amount.compareMagnitude(to: rhs.amount) > 0
        }
    }
}
