/// Reads the CSV dialect of kube-apiserver's `--token-auth-file` (Go's
/// `encoding/csv`): comma-separated fields, double-quoted fields may hold
/// commas, newlines and `""` for a quote; a bare quote inside an unquoted
/// field is an error. Blank (or all-space) lines and lines whose first
/// non-space character is `#` are skipped.
struct CSVRecordReader {
    struct Record: Equatable {
        /// 1-based line on which the record starts.
        var line: Int
        var fields: [String]
    }

    struct Failure: Error, Equatable {
        var line: Int
        var message: String
    }

    static func records(in text: String) throws(Failure) -> [Record] {
        var reader = CSVRecordReader(text)
        var records: [Record] = []
        while let record = try reader.nextRecord() {
            records.append(record)
        }
        return records
    }

    private let bytes: [UInt8]
    private var position = 0
    private var line = 1

    private init(_ text: String) {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        self.bytes = bytes
    }

    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    private mutating func nextRecord() throws(Failure) -> Record? {
        while position < bytes.count {
            if atLineEnd() {
                consumeLineEnd()
                continue
            }
            if isBlankOrCommentLine() {
                while position < bytes.count, !atLineEnd() { position += 1 }
                continue
            }
            let startLine = line
            var fields: [String] = []
            while true {
                fields.append(try readField())
                if position < bytes.count, bytes[position] == Self.comma {
                    position += 1
                    continue
                }
                consumeLineEnd()
                return Record(line: startLine, fields: fields)
            }
        }
        return nil
    }

    private func isBlankOrCommentLine() -> Bool {
        var index = position
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
        guard index < bytes.count else { return true }
        return bytes[index] == UInt8(ascii: "#") || bytes[index] == Self.newline || bytes[index] == Self.carriageReturn
    }

    private func atLineEnd() -> Bool {
        position >= bytes.count || bytes[position] == Self.newline
            || (bytes[position] == Self.carriageReturn && (position + 1 == bytes.count || bytes[position + 1] == Self.newline))
    }

    private mutating func consumeLineEnd() {
        if position < bytes.count, bytes[position] == Self.carriageReturn { position += 1 }
        if position < bytes.count, bytes[position] == Self.newline {
            position += 1
            line += 1
        }
    }

    private mutating func readField() throws(Failure) -> String {
        guard position < bytes.count, bytes[position] == Self.quote else {
            let start = position
            while position < bytes.count, bytes[position] != Self.comma, !atLineEnd() {
                if bytes[position] == Self.quote {
                    throw Failure(line: line, message: "bare \" in unquoted field (quote the whole field and write \"\" for a quote)")
                }
                position += 1
            }
            return String(decoding: bytes[start..<position], as: UTF8.self)
        }
        let openingLine = line
        position += 1
        var field: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            if byte == Self.quote {
                if position + 1 < bytes.count, bytes[position + 1] == Self.quote {
                    field.append(Self.quote)
                    position += 2
                    continue
                }
                position += 1
                guard position >= bytes.count || bytes[position] == Self.comma || atLineEnd() else {
                    throw Failure(line: line, message: "unexpected text after the closing quote of a quoted field")
                }
                return String(decoding: field, as: UTF8.self)
            }
            if byte == Self.newline { line += 1 }
            field.append(byte)
            position += 1
        }
        throw Failure(line: openingLine, message: "quoted field is never closed")
    }
}
