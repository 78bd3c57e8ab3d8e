/// Prometheus duration syntax (`1y2w3d4h5m6s7ms`, units in that order, each
/// at most once, integers only), returning milliseconds.
enum DurationParsing {
    struct Failure: Error {
        var message: String
    }

    private static let units: [(suffix: String, milliseconds: Int64)] = [
        ("y", 365 * 24 * 3_600_000), ("w", 7 * 24 * 3_600_000), ("d", 24 * 3_600_000),
        ("h", 3_600_000), ("m", 60_000), ("s", 1_000), ("ms", 1),
    ]

    /// `model.ParseDuration` of prometheus/common (without PromQL's "> 0" rule).
    static func parse(_ text: String) throws(Failure) -> Int64 {
        if text == "0" { return 0 }
        if text.isEmpty { throw Failure(message: "empty duration string") }
        let bytes = Array(text.utf8)
        var index = 0
        var nextUnit = 0
        var totalNanoseconds: Int64 = 0
        var overflow = false
        while index < bytes.count {
            let numberStart = index
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 { index += 1 }
            guard index > numberStart else { throw invalid(text) }
            let unitStart = index
            while index < bytes.count, !(bytes[index] >= 48 && bytes[index] <= 57) { index += 1 }
            let unit = String(decoding: bytes[unitStart..<index], as: UTF8.self)
            guard let unitIndex = units[nextUnit...].firstIndex(where: { $0.suffix == unit }) else {
                throw invalid(text)
            }
            nextUnit = unitIndex + 1
            let digits = String(decoding: bytes[numberStart..<unitStart], as: UTF8.self)
            let multiplier = units[unitIndex].milliseconds * 1_000_000
            guard let count = Int64(digits), count <= Int64.max / multiplier else {
                overflow = true
                continue
            }
            let (sum, didOverflow) = totalNanoseconds.addingReportingOverflow(count * multiplier)
            if didOverflow { overflow = true } else { totalNanoseconds = sum }
        }
        if overflow { throw Failure(message: "duration out of range") }
        return totalNanoseconds / 1_000_000
    }

    private static func invalid(_ text: String) -> Failure {
        Failure(message: "not a valid duration string: \(GoQuote.quote(text))")
    }
}
