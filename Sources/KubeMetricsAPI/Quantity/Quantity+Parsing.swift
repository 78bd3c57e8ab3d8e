extension Quantity {
    /// The largest amount a binary-SI quantity may hold (`2^63-1`); larger
    /// values are capped, as apimachinery does.
    static let maxBinaryAmount = ExactDecimal(Int64.max)

    /// Parses any Kubernetes quantity: `1500m`, `+2k`, `-1.5`, `.5`, `1Ki`,
    /// `1.5Gi`, `12e6`, `1E-2`.
    ///
    /// Semantics follow `resource.ParseQuantity`: the exact value is kept,
    /// rounded away from zero to a nano (`1.5n` → `2n`, `0.0001` → `100u`);
    /// binary amounts are capped at `2^63-1`; a binary amount between 0 and 1
    /// prints as decimal SI. Leading/trailing spaces are errors.
    public init(parsing text: String) throws(QuantityError) {
        guard !text.isEmpty else { throw .formatWrong }
        let parts = try QuantityScanner.scan(text)
        guard let suffix = QuantitySuffix.interpret(parts.suffix) else { throw .suffix }

        var amount = ExactDecimal(
            digits: parts.integerDigits + parts.fractionDigits,
            exponent: -parts.fractionDigits.count,
            isNegative: parts.isNegative
        )
        switch suffix {
        case .decimal(let exponent, _):
            amount = amount.shifted(by: exponent)
        case .binary(let power):
            amount = amount.multiplied(byPowerOfTwo: power)
        }
        amount = amount.roundedAwayFromZero(toExponent: -9)

        var format = suffix.format
        if format == .binarySI {
            if amount.compareMagnitude(to: Quantity.maxBinaryAmount) > 0 {
                amount = Quantity.maxBinaryAmount.withSign(negative: amount.isNegative)
            }
            if !amount.isZero, !amount.isNegative, amount.compareMagnitude(to: ExactDecimal(1)) < 0 {
                format = .decimalSI
            }
        }
        self.init(amount: amount, format: format)
    }
}

extension Quantity: Codable {
    /// Quantities are JSON strings; bare JSON numbers are accepted on input
    /// as apimachinery does.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self = try Quantity(parsing: text)
        } else if let integer = try? container.decode(Int64.self) {
            self.init(integerValue: integer)
        } else {
            self = try Quantity(parsing: String(describing: try container.decode(Double.self)))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(canonicalText)
    }
}
