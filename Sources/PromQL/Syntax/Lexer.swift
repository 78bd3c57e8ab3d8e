/// Splits a PromQL query into tokens the way Prometheus's lexer does.
///
/// The lexer is context sensitive (inside `{…}` identifiers are never
/// keywords; inside `[…]` only durations and one colon are allowed), and its
/// error messages and positions are Prometheus's, because users compare them.
/// Lexing stops at the first error, which becomes an `.error` token that the
/// parser reports only if it gets that far.
struct Lexer {
    let input: [UInt8]
    var position = 0
    var start = 0
    var parenDepth = 0
    var braceOpen = false
    var bracketOpen = false
    var gotColon = false
    var stringOpen: UInt8 = 0
    var tokens: [Token] = []
    var finished = false

    static func tokenize(_ query: String) -> [Token] {
        var lexer = Lexer(input: Array(query.utf8))
        while !lexer.finished { lexer.lexNext() }
        return lexer.tokens
    }

    private init(input: [UInt8]) {
        self.input = input
    }

    // MARK: - Emitting

    mutating func emit(_ kind: TokenKind) {
        tokens.append(Token(kind: kind, offset: start, text: text(start, position)))
        start = position
    }

    mutating func fail(_ message: String) {
        tokens.append(Token(kind: .error, offset: start, text: message))
        finished = true
    }

    func text(_ from: Int, _ to: Int) -> String {
        String(decoding: input[from..<to], as: UTF8.self)
    }

    // MARK: - Reading

    static let eof: UInt8 = 0

    /// Next byte (0 at the end; NUL inside a query is not valid PromQL anyway).
    mutating func next() -> UInt8 {
        guard position < input.count else {
            position = input.count + 1
            return Lexer.eof
        }
        let byte = input[position]
        position += 1
        return byte
    }

    mutating func backup() {
        position -= 1
    }

    func peek() -> UInt8 {
        position < input.count ? input[position] : Lexer.eof
    }

    mutating func accept(_ set: String) -> Bool {
        let byte = peek()
        if byte != Lexer.eof, set.utf8.contains(byte) {
            position += 1
            return true
        }
        return false
    }

    mutating func acceptRun(_ set: String) {
        while accept(set) {}
    }

    /// The full Unicode scalar starting at `offset` (for messages about non-ASCII input).
    func scalar(at offset: Int) -> Unicode.Scalar {
        var iterator = input[offset...].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return "\u{FFFD}"
    }

    /// `%q` of the rune just read (Go shows end of input as U+FFFD).
    func quotedRune(before byte: UInt8) -> String {
        if byte == Lexer.eof && position > input.count { return GoQuote.quoteRune("\u{FFFD}") }
        return GoQuote.quoteRune(scalar(at: position - 1))
    }

    func scalarWidth(at offset: Int) -> Int {
        let lead = input[offset]
        if lead < 0x80 { return 1 }
        if lead >= 0xF0 { return 4 }
        if lead >= 0xE0 { return 3 }
        return 2
    }

    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }
    static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    static func isAlpha(_ c: UInt8) -> Bool { c == 0x5F || (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) }
    static func isAlphaNumeric(_ c: UInt8) -> Bool { isAlpha(c) || isDigit(c) }
}
