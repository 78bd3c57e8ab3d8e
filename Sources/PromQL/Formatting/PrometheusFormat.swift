/// The exact text Prometheus's HTTP API uses for numbers, so responses are
/// interchangeable with a real Prometheus for clients such as Grafana.
public enum PrometheusFormat {
    /// A sample value as Prometheus's JSON writes it: Go's
    /// `strconv.FormatFloat(v, 'f', -1, 64)`, i.e. the shortest round-trip
    /// digits without exponent, plus `+Inf`, `-Inf` and `NaN`.
    public static func value(_ value: Double) -> String {
        GoFloatFormat.formatF(value)
    }

    /// A millisecond timestamp as Prometheus's JSON writes it: seconds with
    /// the millisecond fraction spelled out (`1.5` is written `1.500`), no
    /// fraction when it is zero. Written as raw JSON number text.
    public static func timestamp(milliseconds: Int64) -> String {
        var out = milliseconds < 0 ? "-" : ""
        let magnitude = milliseconds.magnitude
        out += String(magnitude / 1000)
        let fraction = magnitude % 1000
        if fraction != 0 {
            out += "."
            if fraction < 100 { out += "0" }
            if fraction < 10 { out += "0" }
            out += String(fraction)
        }
        return out
    }

    /// A duration in PromQL notation (`5m`, `1h30m`), as Prometheus prints it.
    public static func duration(milliseconds: Int64) -> String {
        DurationFormat.format(milliseconds: milliseconds)
    }
}
