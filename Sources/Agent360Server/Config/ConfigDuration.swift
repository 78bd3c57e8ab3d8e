/// A duration written the Prometheus way (`15s`, `1m`, `1h30m`, `500ms`).
///
/// Using Prometheus's syntax means rule files and scrape settings can be
/// copied between Prometheus and agent360 unchanged.
public struct ConfigDuration: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let milliseconds: Int64

    public init(milliseconds: Int64) {
        self.milliseconds = milliseconds
    }

    public static func seconds(_ seconds: Int64) -> ConfigDuration {
        ConfigDuration(milliseconds: seconds * 1000)
    }

    public static func minutes(_ minutes: Int64) -> ConfigDuration {
        ConfigDuration(milliseconds: minutes * 60_000)
    }

    /// Parses `[0-9]+(y|w|d|h|m|s|ms)` repeated with units in decreasing order.
    public init?(_ text: String) {
        let units: [(String, Int64)] = [
            ("y", 365 * 86_400_000), ("w", 7 * 86_400_000), ("d", 86_400_000),
            ("h", 3_600_000), ("m", 60_000), ("s", 1000), ("ms", 1),
        ]
        var rest = Substring(text)
        var total: Int64 = 0
        var lastUnit = -1
        guard !rest.isEmpty else { return nil }
        if rest == "0" { self.milliseconds = 0; return }
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, let number = Int64(digits) else { return nil }
            rest = rest.dropFirst(digits.count)
            let letters = rest.prefix { $0.isASCII && $0.isLetter }
            guard let unitIndex = units.firstIndex(where: { $0.0 == letters }), unitIndex > lastUnit else { return nil }
            lastUnit = unitIndex
            rest = rest.dropFirst(letters.count)
            let (product, overflow) = number.multipliedReportingOverflow(by: units[unitIndex].1)
            guard !overflow else { return nil }
            let (sum, overflow2) = total.addingReportingOverflow(product)
            guard !overflow2 else { return nil }
            total = sum
        }
        self.milliseconds = total
    }

    public var seconds: Double { Double(milliseconds) / 1000 }

    public var swiftDuration: Duration { .milliseconds(milliseconds) }

    public static func < (lhs: ConfigDuration, rhs: ConfigDuration) -> Bool {
        lhs.milliseconds < rhs.milliseconds
    }

    /// The shortest Prometheus form, e.g. `90s` → `1m30s`.
    public var description: String {
        if milliseconds == 0 { return "0s" }
        var rest = milliseconds
        var out = ""
        for (unit, size) in [("y", Int64(365 * 86_400_000)), ("w", 7 * 86_400_000), ("d", 86_400_000),
                             ("h", 3_600_000), ("m", 60_000), ("s", 1000), ("ms", 1)] where rest >= size {
            out += "\(rest / size)\(unit)"
            rest %= size
        }
        return out
    }
}
