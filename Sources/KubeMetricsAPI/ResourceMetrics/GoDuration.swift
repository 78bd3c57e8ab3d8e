/// Go's `time.Duration.String()` for whole milliseconds (`1m0s`, `15s`,
/// `10.5s`, `500ms`, `1h0m0s`): `metav1.Duration` writes a metrics object's
/// `window` this way, and clients such as kubectl parse it back with
/// `time.ParseDuration`.
enum GoDuration {
    static func string(milliseconds: Int64) -> String {
        if milliseconds == 0 { return "0s" }
        let negative = milliseconds < 0
        let magnitude = milliseconds.magnitude
        var text: String
        if magnitude < 1000 {
            text = "\(magnitude)ms"
        } else {
            let hours = magnitude / 3_600_000
            let minutes = magnitude / 60_000 % 60
            let millis = magnitude % 60_000
            var seconds = "\(millis / 1000)"
            if millis % 1000 != 0 {
                var fraction = String(millis % 1000)
                fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
                while fraction.hasSuffix("0") { fraction.removeLast() }
                seconds += "." + fraction
            }
            text = seconds + "s"
            if hours > 0 {
                text = "\(hours)h\(minutes)m" + text
            } else if minutes > 0 {
                text = "\(minutes)m" + text
            }
        }
        return negative ? "-" + text : text
    }
}
