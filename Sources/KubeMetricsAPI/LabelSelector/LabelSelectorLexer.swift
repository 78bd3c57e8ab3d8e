/// The tokens of apimachinery's selector lexer.
struct SelectorToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case endOfString, closedParen, comma, doesNotExist, doubleEquals, equals
        case greaterThan, identifier, `in`, lessThan, notEquals, notIn, openParen
    }

    var kind: Kind
    var literal: String
    /// UTF-8 offset of the token's first byte.
    var position: Int
}

/// Splits selector text into tokens the way `labels.Lexer` does: runs of
/// `= ! ( ) , > <` form operators (longest known prefix), anything else up
/// to whitespace or an operator character is an identifier or keyword.
///
/// Unlike Go, a NUL byte is an ordinary character (Go stops reading there,
/// silently dropping the rest of the selector); it then fails validation.
struct LabelSelectorLexer {
    private let bytes: [UInt8]
    private var position = 0

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    private static let keywords: [String: SelectorToken.Kind] = [
        ")": .closedParen, ",": .comma, "!": .doesNotExist, "==": .doubleEquals, "=": .equals,
        ">": .greaterThan, "in": .in, "<": .lessThan, "!=": .notEquals, "notin": .notIn, "(": .openParen,
    ]

    static func isSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "="), UInt8(ascii: "!"), UInt8(ascii: "("), UInt8(ascii: ")"),
             UInt8(ascii: ","), UInt8(ascii: ">"), UInt8(ascii: "<"):
            return true
        default:
            return false
        }
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n")
    }

    /// All tokens, ending with `.endOfString`.
    mutating func tokens() -> [SelectorToken] {
        var result: [SelectorToken] = []
        while true {
            let token = next()
            result.append(token)
            if token.kind == .endOfString { return result }
        }
    }

    private mutating func next() -> SelectorToken {
        while position < bytes.count, LabelSelectorLexer.isWhitespace(bytes[position]) { position += 1 }
        guard position < bytes.count else {
            return SelectorToken(kind: .endOfString, literal: "", position: position)
        }
        return LabelSelectorLexer.isSpecial(bytes[position]) ? scanOperator() : scanIdentifierOrKeyword()
    }

    private mutating func scanIdentifierOrKeyword() -> SelectorToken {
        let start = position
        while position < bytes.count, !LabelSelectorLexer.isSpecial(bytes[position]), !LabelSelectorLexer.isWhitespace(bytes[position]) {
            position += 1
        }
        let literal = String(decoding: bytes[start..<position], as: UTF8.self)
        let kind: SelectorToken.Kind = literal == "in" ? .in : literal == "notin" ? .notIn : .identifier
        return SelectorToken(kind: kind, literal: literal, position: start)
    }

    /// Longest operator among the special characters: `!=` beats `!`, but
    /// `=!` stops after `=`. Every single special character is itself an
    /// operator, so this always yields a token.
    private mutating func scanOperator() -> SelectorToken {
        let start = position
        var best: (kind: SelectorToken.Kind, end: Int)?
        var end = position
        while end < bytes.count, LabelSelectorLexer.isSpecial(bytes[end]) {
            end += 1
            let candidate = String(decoding: bytes[start..<end], as: UTF8.self)
            if let kind = LabelSelectorLexer.keywords[candidate] {
                best = (kind, end)
            } else if best != nil {
                break
            }
        }
        let match = best ?? (.identifier, start + 1)
        position = match.end
        return SelectorToken(kind: match.kind, literal: String(decoding: bytes[start..<match.end], as: UTF8.self), position: start)
    }
}
