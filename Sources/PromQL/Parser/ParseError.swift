/// A query that is not valid PromQL.
///
/// `description` follows Prometheus (`1:5: parse error: unexpected end of
/// input`), so messages can be compared with a real Prometheus and shown to
/// users as they know them; `line` and `column` are 1-based, the column
/// counted in UTF-8 bytes like Prometheus.
public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    /// Byte offsets into the query.
    public let position: PositionRange
    public let line: Int
    public let column: Int

    init(_ message: String, at position: PositionRange, in query: String) {
        self.message = message
        self.position = position
        var line = 1
        var lastLineBreak = -1
        let offset = Swift.max(0, Swift.min(position.start, query.utf8.count))
        for (index, byte) in query.utf8.prefix(offset).enumerated() where byte == 0x0A {
            line += 1
            lastLineBreak = index
        }
        self.line = line
        self.column = offset - lastLineBreak
    }

    public var description: String { "\(line):\(column): parse error: \(message)" }
}
