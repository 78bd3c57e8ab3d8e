/// Picks the response format and compression for a scrape from its request
/// headers, the way Prometheus's own client libraries do: the scraper's
/// preference order decides, and anything unclear falls back to text 0.0.4,
/// which every scraper understands.
public enum ContentNegotiation {
    /// Chooses the exposition format for an `Accept` header.
    ///
    /// Media ranges are tried in order of q-value (ties keep header order);
    /// the first one naming a format agent360 writes wins. OpenMetrics is
    /// chosen only for an explicit `application/openmetrics-text` range
    /// (version absent, `1.0.0` or `0.0.1`), never for a wildcard, so curl's
    /// `*/*` and a missing header get text 0.0.4. Ranges with `q=0` are
    /// refusals and are skipped.
    public static func negotiate(accept: String?) -> ExpositionFormat {
        guard let accept, !accept.isEmpty else { return .prometheusText }
        let ranges = HeaderElement.parseList(accept).enumerated()
            .filter { $0.element.quality > 0 }
            .sorted { lhs, rhs in
                lhs.element.quality != rhs.element.quality
                    ? lhs.element.quality > rhs.element.quality : lhs.offset < rhs.offset
            }
        for (_, range) in ranges {
            if let format = format(for: range) { return format }
        }
        return .prometheusText
    }

    /// Whether the response may be gzip-compressed for this `Accept-Encoding`.
    ///
    /// `gzip` (or the legacy `x-gzip`) with a non-zero q-value allows it; a
    /// `*` allows it unless gzip is refused by name with `q=0`.
    public static func acceptsGzip(acceptEncoding: String?) -> Bool {
        guard let acceptEncoding, !acceptEncoding.isEmpty else { return false }
        var wildcardQuality: Double?
        for coding in HeaderElement.parseList(acceptEncoding) {
            switch coding.token {
            case "gzip", "x-gzip": return coding.quality > 0
            case "*": wildcardQuality = coding.quality
            default: continue
            }
        }
        return (wildcardQuality ?? 0) > 0
    }

    private static func format(for range: HeaderElement) -> ExpositionFormat? {
        let version = range.parameter("version")
        switch range.token {
        case "application/openmetrics-text":
            switch version {
            case nil, "1.0.0", "0.0.1": return .openMetrics
            default: return nil
            }
        case "text/plain":
            switch version {
            case nil, "0.0.4": return .prometheusText
            default: return nil
            }
        case "*/*", "text/*":
            return .prometheusText
        default:
            return nil
        }
    }
}
