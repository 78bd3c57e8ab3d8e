/// Reads Prometheus text format 0.0.4, the format swift-prometheus emits, so
/// agent360 can merge the program's own metrics into one scrape (and re-emit
/// them as OpenMetrics when the scraper asks).
///
/// Follows the Prometheus scrape parser where the specification is loose:
/// blank lines and comments are skipped; `# UNIT` and `# EOF` are comments in
/// 0.0.4; a trailing carriage return is ignored; values accept `NaN`,
/// `+Inf`/`-Inf` in any letter case (swift-prometheus prints Swift's `inf`
/// and `nan`); unknown escapes in HELP and label values are kept verbatim.
/// Samples whose name has no `# TYPE` form an `unknown` (untyped) family.
public enum TextFormatParser {
    /// Parses a whole exposition.
    public static func parse(_ text: String) throws(ExpositionParseError) -> [MetricFamily] {
        var text = text
        // `withUTF8` only rethrows untyped errors, so carry the result out.
        let result = text.withUTF8 { bytes in
            Result { () throws(ExpositionParseError) in try parse(bytes: bytes) }
        }
        return try result.get()
    }

    /// Parses a whole exposition from UTF-8 bytes.
    public static func parse(_ bytes: [UInt8]) throws(ExpositionParseError) -> [MetricFamily] {
        let result = bytes.withUnsafeBufferPointer { bytes in
            Result { () throws(ExpositionParseError) in try parse(bytes: bytes) }
        }
        return try result.get()
    }

    static func parse(bytes: UnsafeBufferPointer<UInt8>) throws(ExpositionParseError) -> [MetricFamily] {
        var assembler = FamilyAssembler()
        var lineStart = 0
        var lineNumber = 0
        while lineStart < bytes.count {
            lineNumber += 1
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            var contentEnd = lineEnd
            if contentEnd > lineStart, bytes[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
            var cursor = LineCursor(bytes: bytes, position: lineStart, end: contentEnd, lineNumber: lineNumber)
            try parseLine(&cursor, into: &assembler)
            lineStart = lineEnd + 1
        }
        return assembler.families
    }

    private static func parseLine(_ cursor: inout LineCursor, into assembler: inout FamilyAssembler) throws(ExpositionParseError) {
        cursor.skipBlanks()
        guard let first = cursor.current else { return }  // blank line
        if first == UInt8(ascii: "#") {
            try parseComment(&cursor, into: &assembler)
        } else {
            let sample = try parseSample(&cursor)
            assembler.add(sample)
        }
    }

    private static func parseComment(_ cursor: inout LineCursor, into assembler: inout FamilyAssembler) throws(ExpositionParseError) {
        cursor.position += 1  // '#'
        cursor.skipBlanks()
        let keyword = cursor.readToken()
        let isHelp = keyword.elementsEqual("HELP".utf8)
        guard isHelp || keyword.elementsEqual("TYPE".utf8) else { return }  // plain comment
        let keywordText = isHelp ? "HELP" : "TYPE"
        guard cursor.skipBlanks() > 0 else { throw cursor.error(.missingMetadataName(keywordText)) }
        let nameBytes = cursor.readName(allowColon: true)
        guard !nameBytes.isEmpty else { throw cursor.error(.missingMetadataName(keywordText)) }
        let name = String(decoding: nameBytes, as: UTF8.self)
        if let next = cursor.current, !LineCursor.isBlank(next) {
            throw cursor.error(.invalidMetricName(name + String(decoding: cursor.readToken(), as: UTF8.self)))
        }
        if isHelp {
            // Exactly the blanks separating name and text are dropped.
            cursor.skipBlanks()
            let raw = cursor.readRest()
            let hasEscapes = raw.contains(UInt8(ascii: "\\"))
            let help = try LineCursor.decode(raw, unescapeQuote: false, hasEscapes: hasEscapes, line: cursor.lineNumber)
            try assembler.setHelp(help, forFamily: name, line: cursor.lineNumber)
        } else {
            cursor.skipBlanks()
            let keyword = String(decoding: cursor.readToken(), as: UTF8.self)
            guard let type = MetricType(typeKeyword: keyword) else { throw cursor.error(.unknownType(keyword)) }
            cursor.skipBlanks()
            guard cursor.isAtEnd else {
                throw cursor.error(.unknownType(keyword + String(decoding: cursor.readRest(), as: UTF8.self)))
            }
            try assembler.setType(type, forFamily: name, line: cursor.lineNumber)
        }
    }

    private static func parseSample(_ cursor: inout LineCursor) throws(ExpositionParseError) -> ParsedSample {
        let nameBytes = cursor.readName(allowColon: true)
        guard !nameBytes.isEmpty else {
            throw cursor.error(.invalidMetricName(String(decoding: cursor.readToken(), as: UTF8.self)))
        }
        let name = String(decoding: nameBytes, as: UTF8.self)
        let blanksAfterName = cursor.skipBlanks()
        var labels: [(String, String)] = []
        if cursor.current == UInt8(ascii: "{") {
            labels = try parseLabels(&cursor)
            cursor.skipBlanks()
        } else if blanksAfterName == 0, !cursor.isAtEnd {
            throw cursor.error(.invalidMetricName(name + String(decoding: cursor.readToken(), as: UTF8.self)))
        }
        let valueBytes = cursor.readToken()
        guard !valueBytes.isEmpty else { throw cursor.error(.missingValue(name)) }
        guard let value = SampleValueParser.parseDouble(valueBytes) else {
            throw cursor.error(.invalidValue(String(decoding: valueBytes, as: UTF8.self)))
        }
        cursor.skipBlanks()
        var timestamp: Int64?
        if !cursor.isAtEnd {
            let timestampBytes = cursor.readToken()
            guard let parsed = SampleValueParser.parseInt64(timestampBytes) else {
                throw cursor.error(.invalidTimestamp(String(decoding: timestampBytes, as: UTF8.self)))
            }
            timestamp = parsed
            cursor.skipBlanks()
            guard cursor.isAtEnd else {
                throw cursor.error(.trailingText(String(decoding: cursor.readRest(), as: UTF8.self)))
            }
        }
        return ParsedSample(
            sample: MetricSample(name: name, labels: labels, value: value, timestampMilliseconds: timestamp),
            line: cursor.lineNumber
        )
    }

    /// `{a="x", b="y",}`: blanks around tokens and a trailing comma allowed.
    private static func parseLabels(_ cursor: inout LineCursor) throws(ExpositionParseError) -> [(String, String)] {
        cursor.position += 1  // '{'
        var labels: [(String, String)] = []
        while true {
            cursor.skipBlanks()
            guard let byte = cursor.current else { throw cursor.error(.malformedLabels("missing \"}\"")) }
            if byte == UInt8(ascii: "}") {
                cursor.position += 1
                return labels
            }
            let nameBytes = cursor.readName(allowColon: false)
            guard !nameBytes.isEmpty, let next = cursor.current,
                LineCursor.isBlank(next) || next == UInt8(ascii: "=")
            else {
                let start = cursor.position - nameBytes.count
                var probe = cursor
                probe.position = start
                let token = probe.readToken()
                throw cursor.error(.invalidLabelName(String(decoding: token.prefix { $0 != UInt8(ascii: "=") }, as: UTF8.self)))
            }
            let name = String(decoding: nameBytes, as: UTF8.self)
            cursor.skipBlanks()
            guard cursor.current == UInt8(ascii: "=") else { throw cursor.error(.malformedLabels("expected \"=\" after \"\(name)\"")) }
            cursor.position += 1
            cursor.skipBlanks()
            guard cursor.current == UInt8(ascii: "\"") else {
                throw cursor.error(.malformedLabels("expected a quoted value for \"\(name)\""))
            }
            let value = try cursor.readQuotedLabelValue()
            if labels.contains(where: { $0.0 == name }) { throw cursor.error(.duplicateLabel(name)) }
            labels.append((name, value))
            cursor.skipBlanks()
            switch cursor.current {
            case UInt8(ascii: ","): cursor.position += 1
            case UInt8(ascii: "}"): continue
            case nil: throw cursor.error(.malformedLabels("missing \"}\""))
            default: throw cursor.error(.malformedLabels("expected \",\" or \"}\" after the value of \"\(name)\""))
            }
        }
    }
}

struct ParsedSample {
    var sample: MetricSample
    var line: Int
}
