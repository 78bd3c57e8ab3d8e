extension Lexer {
    // MARK: - Numbers and durations

    /// Prometheus's `scanNumber`: digits (hex after `0x`), fraction, exponent,
    /// and true only when no letter or digit follows.
    mutating func scanNumber() -> Bool {
        var digits = "0123456789"
        if accept("0") && accept("xX") {
            digits = "0123456789abcdefABCDEF"
        }
        acceptRun(digits)
        if accept(".") { acceptRun(digits) }
        if accept("eE") {
            _ = accept("+-")
            acceptRun("0123456789")
        }
        return !Lexer.isAlphaNumeric(peek())
    }

    /// After the number part of a duration: unit letters, more number+unit
    /// pairs, then something that is not alphanumeric.
    mutating func acceptRemainingDuration() -> Bool {
        if !accept("smhdwy") { return false }
        _ = accept("s")
        while accept("0123456789") {
            acceptRun("0123456789")
            if !accept("smhdw") { return false }
            _ = accept("s")
        }
        return !Lexer.isAlphaNumeric(next())
    }

    mutating func lexNumberOrDuration() {
        if scanNumber() {
            emit(.number)
            return
        }
        if acceptRemainingDuration() {
            backup()
            emit(.duration)
            return
        }
        fail("bad number or duration syntax: \(GoQuote.quote(text(start, min(position, input.count))))")
    }

    mutating func lexDuration() {
        if scanNumber() {
            fail("missing unit character in duration")
            return
        }
        if !acceptRemainingDuration() {
            fail("bad duration syntax: \(GoQuote.quote(text(start, min(position, input.count))))")
            return
        }
        backup()
        emit(.duration)
    }

    // MARK: - Identifiers

    mutating func lexKeywordOrIdentifier() {
        while position < input.count, Lexer.isAlphaNumeric(input[position]) || input[position] == UInt8(ascii: ":") {
            position += 1
        }
        let word = text(start, position)
        if let keyword = promqlKeywords[word.lowercased()] {
            emit(keyword)
        } else if !word.contains(":") {
            emit(.identifier)
        } else {
            emit(.metricIdentifier)
        }
    }

    // MARK: - Strings

    mutating func lexString() {
        while true {
            let c = next()
            if c == UInt8(ascii: "\\") {
                if !lexEscape() { return }
                continue
            }
            if c == Lexer.eof && position > input.count || c == 0x0A {
                fail("unterminated quoted string")
                return
            }
            if c == 0xEF, isReplacementCharacter(at: position - 1) {
                fail("invalid UTF-8 rune")
                return
            }
            if c == stringOpen { break }
        }
        emit(.string)
    }

    mutating func lexRawString() {
        while true {
            let c = next()
            if c == Lexer.eof && position > input.count {
                fail("unterminated raw string")
                return
            }
            if c == 0xEF, isReplacementCharacter(at: position - 1) {
                fail("invalid UTF-8 rune")
                return
            }
            if c == stringOpen { break }
        }
        emit(.string)
    }

    /// Go's lexer reports a literal U+FFFD as an invalid rune; we do the same.
    func isReplacementCharacter(at offset: Int) -> Bool {
        offset + 2 < input.count && input[offset] == 0xEF && input[offset + 1] == 0xBF && input[offset + 2] == 0xBD
    }

    /// Validates one escape sequence (after the backslash); false on error.
    mutating func lexEscape() -> Bool {
        var c = next()
        let atEnd = { (lexer: Lexer, c: UInt8) in c == Lexer.eof && lexer.position > lexer.input.count }
        var count: Int
        var base: UInt32
        var maximum: UInt32
        switch c {
        case UInt8(ascii: "a"), UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"),
             UInt8(ascii: "t"), UInt8(ascii: "v"), UInt8(ascii: "\\"), stringOpen:
            return true
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            (count, base, maximum) = (3, 8, 255)
        case UInt8(ascii: "x"):
            c = next()
            (count, base, maximum) = (2, 16, 255)
        case UInt8(ascii: "u"):
            c = next()
            (count, base, maximum) = (4, 16, 0x10FFFF)
        case UInt8(ascii: "U"):
            c = next()
            (count, base, maximum) = (8, 16, 0x10FFFF)
        default:
            if atEnd(self, c) {
                fail("escape sequence not terminated")
            } else {
                fail("unknown escape sequence \(GoQuote.unicodeNotation(scalar(at: position - 1)))")
            }
            return false
        }
        var value: UInt32 = 0
        while count > 0 {
            let digit = Lexer.digitValue(c)
            if digit >= base {
                if atEnd(self, c) {
                    fail("escape sequence not terminated")
                } else {
                    fail("illegal character \(GoQuote.unicodeNotation(scalar(at: position - 1))) in escape sequence")
                }
                return false
            }
            value = value &* base &+ digit
            count -= 1
            if count > 0 { c = next() }
        }
        if value > maximum || (0xD800..<0xE000).contains(value) {
            fail("escape sequence is an invalid Unicode code point")
            return false
        }
        return true
    }

    private static func digitValue(_ c: UInt8) -> UInt32 {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(c - 48)
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(c - 97 + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(c - 65 + 10)
        default: return 16
        }
    }
}
