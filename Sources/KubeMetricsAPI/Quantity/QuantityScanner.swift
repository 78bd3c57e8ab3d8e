/// Splits quantity text into sign, integer digits, fraction digits and suffix,
/// following apimachinery's `parseQuantityString` grammar
/// `[+-]?[0-9]*(\.[0-9]*)?` then suffix `[eEinumkKMGTP]*[-+]?[0-9]*`.
///
/// One deliberate difference: at least one digit is required. apimachinery
/// reads `-`, `.` and `m` as zero; a config value like that is a typo, and
/// silently scaling on zero is exactly what this project refuses to do.
struct QuantityScanner {
    struct Parts {
        var isNegative: Bool
        var integerDigits: [UInt8]
        var fractionDigits: [UInt8]
        var suffix: String
    }

    static func scan(_ text: String) throws(QuantityError) -> Parts {
        let bytes = Array(text.utf8)
        var position = 0
        var isNegative = false
        if position < bytes.count, bytes[position] == UInt8(ascii: "-") || bytes[position] == UInt8(ascii: "+") {
            isNegative = bytes[position] == UInt8(ascii: "-")
            position += 1
        }
        let integerDigits = digitRun(bytes, from: &position)
        var fractionDigits: [UInt8] = []
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            fractionDigits = digitRun(bytes, from: &position)
        }
        guard !integerDigits.isEmpty || !fractionDigits.isEmpty else { throw .formatWrong }

        let suffixStart = position
        let suffixLetters = Set("eEinumkKMGTP".utf8)
        while position < bytes.count, suffixLetters.contains(bytes[position]) { position += 1 }
        if position < bytes.count, bytes[position] == UInt8(ascii: "-") || bytes[position] == UInt8(ascii: "+") {
            position += 1
        }
        _ = digitRun(bytes, from: &position)
        guard position == bytes.count else { throw .formatWrong }
        let suffix = String(decoding: bytes[suffixStart...], as: UTF8.self)
        return Parts(isNegative: isNegative, integerDigits: integerDigits, fractionDigits: fractionDigits, suffix: suffix)
    }

    private static func digitRun(_ bytes: [UInt8], from position: inout Int) -> [UInt8] {
        var digits: [UInt8] = []
        while position < bytes.count, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9") {
            digits.append(bytes[position] - UInt8(ascii: "0"))
            position += 1
        }
        return digits
    }
}

/// What a quantity suffix means: a power of ten or of two, and the format
/// the quantity keeps for printing.
enum QuantitySuffix: Equatable {
    case decimal(exponent: Int, format: Quantity.Format)
    case binary(powerOfTwo: Int)

    static let decimalSI: [String: Int] = [
        "n": -9, "u": -6, "m": -3, "": 0, "k": 3, "M": 6, "G": 9, "T": 12, "P": 15, "E": 18,
    ]
    static let binarySI: [String: Int] = ["Ki": 10, "Mi": 20, "Gi": 30, "Ti": 40, "Pi": 50, "Ei": 60]

    /// apimachinery's `suffixHandler.interpret`: the SI tables first (so `E`
    /// is exa), then `e<int>` / `E<int>` exponents.
    static func interpret(_ suffix: String) -> QuantitySuffix? {
        if let exponent = decimalSI[suffix] { return .decimal(exponent: exponent, format: .decimalSI) }
        if let power = binarySI[suffix] { return .binary(powerOfTwo: power) }
        guard suffix.count > 1, let first = suffix.first, first == "e" || first == "E" else { return nil }
        // Go's ParseInt(s, 10, 64) accepts an optional sign then digits;
        // exponents are kept to Int32 as apimachinery stores them.
        guard let exponent = Int32(suffix.dropFirst()) else { return nil }
        return .decimal(exponent: Int(exponent), format: .decimalExponent)
    }

    var format: Quantity.Format {
        switch self {
        case .decimal(_, let format): return format
        case .binary: return .binarySI
        }
    }
}
