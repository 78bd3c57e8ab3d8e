/// Renders metric families as a scrape response body.
///
/// Both writers sort families by the name they expose (byte order), so a
/// scrape is stable from one second to the next, and write families that
/// expose the same name under a single `# HELP`/`# TYPE` header: agent360
/// concatenates its own families with those parsed from swift-prometheus, and
/// a repeated `# TYPE` would make the whole scrape fail. When same-named
/// families disagree on type, the first one (in input order) wins and the
/// others are left out, since their samples cannot be valid under the first
/// type. Samples keep their input order (histogram buckets must stay sorted),
/// and duplicate samples are not detected here.
public enum ExpositionWriter {
    /// Writes `families` in `format` into a new buffer sized up front.
    public static func write(_ families: [MetricFamily], format: ExpositionFormat) -> [UInt8] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(estimatedSize(of: families))
        write(families, format: format, into: &buffer)
        return buffer
    }

    /// Appends `families` in `format` to `buffer`; reuse one buffer across
    /// scrapes (`removeAll(keepingCapacity: true)`) to avoid reallocating.
    public static func write(_ families: [MetricFamily], format: ExpositionFormat, into buffer: inout [UInt8]) {
        let headers = families.map { ExposedHeader(family: $0, format: format) }
        // Metric names are ASCII, for which String comparison is a memcmp and
        // agrees with byte order; the index breaks ties so the order is total.
        let order = families.indices.sorted { lhs, rhs in
            let left = headers[lhs].name
            let right = headers[rhs].name
            return left == right ? lhs < rhs : left < right
        }
        var groupStart = order.startIndex
        while groupStart < order.endIndex {
            let first = order[groupStart]
            var groupEnd = order.index(after: groupStart)
            while groupEnd < order.endIndex, headers[order[groupEnd]].name == headers[first].name {
                groupEnd = order.index(after: groupEnd)
            }
            let members = order[groupStart..<groupEnd].filter { families[$0].type == families[first].type }
            let group = FamilyGroup(families: families, members: members, header: headers[first])
            switch format {
            case .prometheusText: group.writeText(into: &buffer)
            case .openMetrics: group.writeOpenMetrics(into: &buffer)
            }
            groupStart = groupEnd
        }
        if format == .openMetrics {
            buffer.appendASCII("# EOF\n")
        }
    }

    /// A cheap upper-bound-ish guess so the common scrape needs one allocation.
    static func estimatedSize(of families: [MetricFamily]) -> Int {
        var size = 16
        for family in families {
            size += 2 * family.name.utf8.count + family.help.utf8.count + family.unit.utf8.count + 48
            for sample in family.samples {
                size += sample.name.utf8.count + 32
                for (name, value) in sample.labels {
                    size += name.utf8.count + value.utf8.count + 4
                }
            }
        }
        return size
    }
}

/// The family name and type keyword a format puts on the `# TYPE` line, plus
/// the base name type suffixes hang off.
struct ExposedHeader {
    var name: String
    var typeKeyword: StaticString
    /// The name without `_total` (counters) or `_info` (info), which OpenMetrics
    /// uses as the family name and text 0.0.4 uses to recognise `_created`.
    var baseName: String

    init(family: MetricFamily, format: ExpositionFormat) {
        let baseName: String
        switch family.type {
        case .counter: baseName = family.name.removingSuffix("_total")
        case .info: baseName = family.name.removingSuffix("_info")
        default: baseName = family.name
        }
        self.baseName = baseName
        switch format {
        case .openMetrics:
            name = baseName
            typeKeyword = family.type.openMetricsKeyword
        case .prometheusText:
            switch family.type {
            case .counter:
                // A family named the OpenMetrics way (`requests` with samples
                // `requests_total`) must be announced under the sample name,
                // or 0.0.4 parsers see an untyped `requests_total`.
                let mainSample = family.samples.first { $0.name != baseName + "_created" }
                name = mainSample?.name == baseName + "_total" ? baseName + "_total" : family.name
            case .info: name = baseName + "_info"
            default: name = family.name
            }
            typeKeyword = family.type.textFormatKeyword
        }
    }
}

extension MetricType {
    var openMetricsKeyword: StaticString {
        switch self {
        case .counter: return "counter"
        case .gauge: return "gauge"
        case .histogram: return "histogram"
        case .summary: return "summary"
        case .unknown: return "unknown"
        case .info: return "info"
        case .stateset: return "stateset"
        case .gaugehistogram: return "gaugehistogram"
        }
    }

    /// Text 0.0.4 has no info, stateset or gauge histogram; map them as the
    /// reference Python client does.
    var textFormatKeyword: StaticString {
        switch self {
        case .counter: return "counter"
        case .gauge, .info, .stateset: return "gauge"
        case .histogram, .gaugehistogram: return "histogram"
        case .summary: return "summary"
        case .unknown: return "untyped"
        }
    }

    /// Sample suffixes OpenMetrics has and text 0.0.4 cannot hold inside the
    /// family; the text writer moves them into gauge families of their own.
    var openMetricsOnlySuffixes: [String] {
        switch self {
        case .counter, .histogram, .summary: return Self.createdSuffix
        case .gaugehistogram: return Self.gaugeHistogramSuffixes
        case .gauge, .unknown, .info, .stateset: return []
        }
    }

    private static let createdSuffix = ["_created"]
    private static let gaugeHistogramSuffixes = ["_gsum", "_gcount"]
}

extension String {
    func removingSuffix(_ suffix: String) -> String {
        guard hasSuffix(suffix), utf8.count > suffix.utf8.count else { return self }
        return String(decoding: utf8.dropLast(suffix.utf8.count), as: UTF8.self)
    }
}
