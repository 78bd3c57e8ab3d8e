/// A read position inside one line of the input (the line feed excluded).
/// Works on raw bytes so parsing allocates only the strings it keeps.
struct LineCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var position: Int
    let end: Int
    let lineNumber: Int

    var isAtEnd: Bool { position >= end }

    var current: UInt8? { position < end ? bytes[position] : nil }

    func error(_ code: ExpositionParseError.Code) -> ExpositionParseError {
        ExpositionParseError(line: lineNumber, code)
    }

    @inline(__always)
    static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    /// Skips spaces and tabs; returns how many were skipped.
    @discardableResult
    mutating func skipBlanks() -> Int {
        let start = position
        while position < end, Self.isBlank(bytes[position]) { position += 1 }
        return position - start
    }

    /// The bytes up to the next blank or the end of the line.
    mutating func readToken() -> UnsafeBufferPointer<UInt8> {
        let start = position
        while position < end, !Self.isBlank(bytes[position]) { position += 1 }
        return UnsafeBufferPointer(rebasing: bytes[start..<position])
    }

    /// The rest of the line.
    mutating func readRest() -> UnsafeBufferPointer<UInt8> {
        let rest = UnsafeBufferPointer(rebasing: bytes[position..<end])
        position = end
        return rest
    }

    /// A metric name (`allowColon`) or label name, possibly empty.
    mutating func readName(allowColon: Bool) -> UnsafeBufferPointer<UInt8> {
        let start = position
        if position < end, MetricName.isNameStart(bytes[position], allowColon: allowColon) {
            position += 1
            while position < end, MetricName.isNameContinuation(bytes[position], allowColon: allowColon) {
                position += 1
            }
        }
        return UnsafeBufferPointer(rebasing: bytes[start..<position])
    }

    /// Reads a quoted label value (cursor on the opening quote), undoing
    /// `\\`, `\"` and `\n`. Other escapes are kept verbatim, as Prometheus's
    /// scrape parser does.
    mutating func readQuotedLabelValue() throws(ExpositionParseError) -> String {
        position += 1  // opening quote
        let start = position
        var hasEscapes = false
        while position < end {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\\") {
                hasEscapes = true
                position += 2
                continue
            }
            if byte == UInt8(ascii: "\"") { break }
            position += 1
        }
        guard position < end else { throw error(.unterminatedLabelValue) }
        let raw = UnsafeBufferPointer(rebasing: bytes[start..<position])
        position += 1  // closing quote
        return try Self.decode(raw, unescapeQuote: true, hasEscapes: hasEscapes, line: lineNumber)
    }

    /// UTF-8 validation plus optional unescaping.
    static func decode(
        _ raw: UnsafeBufferPointer<UInt8>,
        unescapeQuote: Bool,
        hasEscapes: Bool,
        line: Int
    ) throws(ExpositionParseError) -> String {
        guard hasEscapes else {
            guard let text = String(validating: raw, as: UTF8.self) else {
                throw ExpositionParseError(line: line, .invalidUTF8)
            }
            return text
        }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(raw.count)
        var index = 0
        while index < raw.count {
            let byte = raw[index]
            if byte == UInt8(ascii: "\\"), index + 1 < raw.count {
                let next = raw[index + 1]
                switch next {
                case UInt8(ascii: "\\"): unescaped.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "n"): unescaped.append(UInt8(ascii: "\n"))
                case UInt8(ascii: "\"") where unescapeQuote: unescaped.append(UInt8(ascii: "\""))
                default: unescaped.append(contentsOf: [byte, next])
                }
                index += 2
            } else {
                unescaped.append(byte)
                index += 1
            }
        }
        guard let text = String(validating: unescaped, as: UTF8.self) else {
            throw ExpositionParseError(line: line, .invalidUTF8)
        }
        return text
    }
}
