/// The families (indices into the caller's array) written under one header.
struct FamilyGroup {
    let families: [MetricFamily]
    let members: [Int]
    let header: ExposedHeader

    private var type: MetricType { families[members[0]].type }

    /// The first non-empty help text (or unit) among the members.
    private func firstNonEmpty(_ property: KeyPath<MetricFamily, String>) -> String {
        for member in members where !families[member][keyPath: property].isEmpty {
            return families[member][keyPath: property]
        }
        return ""
    }

    func writeText(into buffer: inout [UInt8]) {
        let help = firstNonEmpty(\.help)
        writeHeader(name: header.name, help: help, typeKeyword: header.typeKeyword, escapeQuoteInHelp: false, into: &buffer)
        // Names computed once per group, not per sample.
        let splitNames = type.openMetricsOnlySuffixes.map { header.baseName + $0 }
        let bareInfoName = type == .info ? header.baseName : nil
        var splitSamples: [MetricSample] = []
        for member in members {
            for sample in families[member].samples {
                if !splitNames.isEmpty, splitNames.contains(sample.name) {
                    splitSamples.append(sample)
                } else if let bareInfoName, sample.name == bareInfoName {
                    buffer.writeSample(sample, nameOverride: header.name, secondsTimestamp: false)
                } else {
                    buffer.writeSample(sample, nameOverride: nil, secondsTimestamp: false)
                }
            }
        }
        // `_created`, `_gsum`, `_gcount` become gauges, one family per suffix.
        for splitName in splitNames where splitSamples.contains(where: { $0.name == splitName }) {
            writeHeader(name: splitName, help: help, typeKeyword: "gauge", escapeQuoteInHelp: false, into: &buffer)
            for sample in splitSamples where sample.name == splitName {
                buffer.writeSample(sample, nameOverride: nil, secondsTimestamp: false)
            }
        }
    }

    func writeOpenMetrics(into buffer: inout [UInt8]) {
        writeHeader(name: header.name, help: firstNonEmpty(\.help), typeKeyword: header.typeKeyword, escapeQuoteInHelp: true, into: &buffer)
        let unit = firstNonEmpty(\.unit)
        // OpenMetrics requires the family name to end in `_<unit>`, and info and
        // stateset have no unit; a unit that breaks these rules is left out
        // rather than making the whole scrape unparsable.
        if !unit.isEmpty, type != .info, type != .stateset, header.name.hasSuffix("_" + unit) {
            buffer.appendASCII("# UNIT ")
            buffer.appendUTF8(header.name)
            buffer.append(UInt8(ascii: " "))
            buffer.appendUTF8(unit)
            buffer.append(UInt8(ascii: "\n"))
        }
        // Counters and infos written as bare `name` samples get their suffix.
        let fullSampleName: String?
        switch type {
        case .counter: fullSampleName = header.baseName + "_total"
        case .info: fullSampleName = header.baseName + "_info"
        default: fullSampleName = nil
        }
        for member in members {
            for sample in families[member].samples {
                if let fullSampleName, sample.name == header.baseName {
                    buffer.writeSample(sample, nameOverride: fullSampleName, secondsTimestamp: true)
                } else {
                    buffer.writeSample(sample, nameOverride: nil, secondsTimestamp: true)
                }
            }
        }
    }

    private func writeHeader(
        name: String,
        help: String,
        typeKeyword: StaticString,
        escapeQuoteInHelp: Bool,
        into buffer: inout [UInt8]
    ) {
        if !help.isEmpty {
            buffer.appendASCII("# HELP ")
            buffer.appendUTF8(name)
            buffer.append(UInt8(ascii: " "))
            buffer.appendEscapedHelp(help, escapeQuote: escapeQuoteInHelp)
            buffer.append(UInt8(ascii: "\n"))
        }
        buffer.appendASCII("# TYPE ")
        buffer.appendUTF8(name)
        buffer.append(UInt8(ascii: " "))
        buffer.appendASCII(typeKeyword)
        buffer.append(UInt8(ascii: "\n"))
    }
}

extension Array where Element == UInt8 {
    /// `name{a="x",b="y"} value [timestamp]\n`
    @inline(__always)
    mutating func writeSample(_ sample: MetricSample, nameOverride: String?, secondsTimestamp: Bool) {
        appendUTF8(nameOverride ?? sample.name)
        if !sample.labels.isEmpty {
            append(UInt8(ascii: "{"))
            var first = true
            for (name, value) in sample.labels {
                if !first { append(UInt8(ascii: ",")) }
                first = false
                appendUTF8(name)
                appendASCII("=\"")
                appendEscapedLabelValue(value)
                append(UInt8(ascii: "\""))
            }
            append(UInt8(ascii: "}"))
        }
        append(UInt8(ascii: " "))
        appendSampleValue(sample.value)
        if let timestamp = sample.timestampMilliseconds {
            append(UInt8(ascii: " "))
            if secondsTimestamp {
                appendSecondsTimestamp(milliseconds: timestamp)
            } else {
                appendDecimal(timestamp)
            }
        }
        append(UInt8(ascii: "\n"))
    }
}
