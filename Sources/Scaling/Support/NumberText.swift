import Foundation

/// Number spellings shared by the table, CSV and chart writers, so the same
/// value reads the same everywhere.
enum NumberText {
    /// Up to four decimals, trailing zeros trimmed; scientific only for
    /// magnitudes a fixed format would mangle (`0.85`, `1500`, `1.2e+07`).
    static func compact(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "+Inf" : "-Inf") }
        let magnitude = abs(value)
        if magnitude != 0, magnitude >= 1e7 || magnitude < 1e-4 {
            return String(format: "%.4g", value)
        }
        var text = String(format: "%.4f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// Fixed decimals, for SVG coordinates and money.
    static func fixed(_ value: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }

    /// A sync time: RFC 3339 for unix times, plain seconds for relative clocks.
    static func time(_ seconds: Double) -> String {
        isUnixTime(seconds) ? RFC3339.format(seconds) : compact(seconds)
    }

    /// Times after 1973 are taken for unix seconds; relative clocks start near 0.
    static func isUnixTime(_ seconds: Double) -> Bool { seconds >= 1e8 }

    /// `1:05`, `12:00`, `1:00:00` for an offset in seconds.
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, abs(seconds) < 1e15 else { return compact(seconds) + " s" }
        let total = Int(seconds.rounded())
        let sign = total < 0 ? "-" : ""
        let value = abs(total)
        let hours = value / 3600
        let minutes = value / 60 % 60
        let secs = value % 60
        func two(_ number: Int) -> String { number < 10 ? "0\(number)" : String(number) }
        return hours > 0 ? "\(sign)\(hours):\(two(minutes)):\(two(secs))" : "\(sign)\(minutes):\(two(secs))"
    }
}
