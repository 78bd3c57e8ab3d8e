/// Why a text or a number is not a valid `Quantity`.
///
/// The messages are apimachinery's (`ErrFormatWrong`, `ErrNumeric`,
/// `ErrSuffix`) so a user comparing with Kubernetes sees the same words.
public struct QuantityError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Code: Hashable, Sendable {
        case formatWrong
        case numeric
        case suffix
        case notFinite(String)
    }

    private let code: Code

    static let formatWrong = QuantityError(code: .formatWrong)
    static let numeric = QuantityError(code: .numeric)
    static let suffix = QuantityError(code: .suffix)
    static func notFinite(_ value: Double) -> QuantityError { QuantityError(code: .notFinite("\(value)")) }

    public var description: String {
        switch code {
        case .formatWrong:
            return "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"
        case .numeric:
            return "unable to parse numeric part of quantity"
        case .suffix:
            return "unable to parse quantity's suffix"
        case .notFinite(let value):
            return "\(value) cannot be expressed as a quantity: only finite numbers can"
        }
    }
}
