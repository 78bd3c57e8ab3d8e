/// A Kubernetes `resource.Quantity` (`500m`, `1k`, `100Mi`, `2.5e3`).
///
/// HPA targets are written in this syntax, so the simulator has to read it the
/// way the API server does: decimal SI suffixes `n u m k M G T P E`, binary
/// suffixes `Ki Mi Gi Ti Pi Ei`, and exponents `e`/`E` followed by an integer.
/// The controller works on milli-values; a `Double` holds those without loss
/// for every target an operator writes by hand.
public struct Quantity: Sendable, Hashable, CustomStringConvertible {
    /// The numeric value in base units (cores, bytes, requests per second, ...).
    public let value: Double
    /// The text as written, kept so messages and charts show the operator's own spelling.
    public let text: String

    /// Parses Kubernetes quantity syntax; throws `QuantityError` naming the flaw.
    public init(parsing text: String) throws(QuantityError) {
        self.value = try Quantity.parseValue(text)
        self.text = text
    }

    /// A quantity from a plain number, spelled the short way (`0.05` → `50m`).
    public init(_ value: Double) {
        self.value = value
        self.text = Quantity.format(value)
    }

    public var description: String { text }

    /// The shortest common spelling of a value, for display (`1500` → `1500`,
    /// `0.05` → `50m`, `2147483648` → `2Gi`). Not a full canonicaliser: it only
    /// has to be readable and re-parse to the same value.
    public static func format(_ value: Double) -> String {
        guard value.isFinite else { return String(value) }
        if value == value.rounded(), abs(value) < 1e15 {
            let whole = Int64(value)
            for (suffix, power) in [("Ei", 60), ("Pi", 50), ("Ti", 40), ("Gi", 30), ("Mi", 20)] {
                let unit = Int64(1) << Int64(power)
                if whole != 0, whole % unit == 0 { return "\(whole / unit)\(suffix)" }
            }
            return String(whole)
        }
        let milli = value * 1000
        if abs(milli) < 1e15, abs(milli - milli.rounded()) < 1e-9 * max(1, abs(milli)) {
            return "\(Int64(milli.rounded()))m"
        }
        return String(value)
    }
}

extension Quantity: Codable {
    /// Kubernetes writes quantities as strings but YAML and JSON authors often
    /// write bare numbers (`value: 1000`), which the API server also accepts.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        // Failures carry the coding path so the HPA reader can name the field.
        if let text = try? container.decode(String.self) {
            do {
                try self.init(parsing: text)
            } catch {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
            }
        } else {
            let number = try container.decode(Double.self)
            guard number.isFinite else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "quantity is not a finite number")
            }
            self.init(number)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}

extension Quantity {
    private static func parseValue(_ text: String) throws(QuantityError) -> Double {
        let scalars = Array(text.unicodeScalars)
        guard !scalars.isEmpty else { throw QuantityError(text: text, reason: "is empty") }
        var index = 0
        var mantissa = ""
        if scalars[0] == "+" || scalars[0] == "-" {
            if scalars[0] == "-" { mantissa.append("-") }
            index = 1
        }
        var digits = 0
        var sawPoint = false
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar.properties.numericType == .decimal, scalar.isASCII {
                digits += 1
            } else if scalar == ".", !sawPoint {
                sawPoint = true
            } else {
                break
            }
            mantissa.unicodeScalars.append(scalar)
            index += 1
        }
        guard digits > 0 else { throw QuantityError(text: text, reason: "has no digits") }
        let suffix = String(String.UnicodeScalarView(scalars[index...]))
        let exponentText: String
        if let power = binaryPowers[suffix] {
            guard let base = Double(normalised(mantissa)) else {
                throw QuantityError(text: text, reason: "has a malformed number")
            }
            return base * Double(sign: .plus, exponent: power, significand: 1)
        } else if let exponent = decimalExponents[suffix] {
            exponentText = String(exponent)
        } else if let first = suffix.first, first == "e" || first == "E", suffix.count > 1 {
            let rest = suffix.dropFirst()
            guard Int(rest) != nil else {
                throw QuantityError(text: text, reason: "has a malformed exponent \"\(suffix)\"")
            }
            exponentText = String(rest)
        } else {
            throw QuantityError(
                text: text,
                reason: "has an unknown suffix \"\(suffix)\" (use n u m k M G T P E, Ki Mi Gi Ti Pi Ei, or eN)"
            )
        }
        // Parsing "1.5e3" in one go keeps decimal values exact where a
        // multiplication by a power of ten would round twice.
        guard let value = Double("\(normalised(mantissa))e\(exponentText)"), value.isFinite else {
            throw QuantityError(text: text, reason: "is out of range")
        }
        return value
    }

    /// `Double("5.")` and `Double(".5")` are not accepted everywhere; Kubernetes accepts both.
    private static func normalised(_ mantissa: String) -> String {
        var result = mantissa
        if result.hasSuffix(".") { result.append("0") }
        if result.hasPrefix(".") { result = "0" + result }
        if result.hasPrefix("-.") { result = "-0" + result.dropFirst() }
        return result
    }

    private static let binaryPowers: [String: Int] = [
        "Ki": 10, "Mi": 20, "Gi": 30, "Ti": 40, "Pi": 50, "Ei": 60,
    ]

    private static let decimalExponents: [String: Int] = [
        "n": -9, "u": -6, "m": -3, "": 0, "k": 3, "M": 6, "G": 9, "T": 12, "P": 15, "E": 18,
    ]
}

/// A quantity string the API server would reject.
public struct QuantityError: Error, Sendable, Hashable, CustomStringConvertible {
    public let text: String
    public let reason: String

    public var description: String { "quantity \"\(text)\" \(reason)" }
}
