/// Durations in Prometheus's own notation (`1h30m`, `90d`, `1y`).
enum DurationFormat {
    private static let units: [(suffix: String, milliseconds: Int64, exactOnly: Bool)] = [
        ("y", 365 * 24 * 3_600_000, true),
        ("w", 7 * 24 * 3_600_000, true),
        ("d", 24 * 3_600_000, false),
        ("h", 3_600_000, false),
        ("m", 60_000, false),
        ("s", 1_000, false),
        ("ms", 1, false),
    ]

    /// `model.Duration.String()`: years and weeks only when they divide exactly.
    static func format(milliseconds: Int64) -> String {
        if milliseconds == 0 { return "0s" }
        var remaining = milliseconds
        var out = ""
        for unit in units {
            if unit.exactOnly && remaining % unit.milliseconds != 0 { continue }
            let count = remaining / unit.milliseconds
            if count > 0 {
                out += "\(count)\(unit.suffix)"
                remaining -= count * unit.milliseconds
            }
        }
        return out
    }
}
