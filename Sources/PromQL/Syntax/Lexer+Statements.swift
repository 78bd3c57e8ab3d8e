extension Lexer {
    // MARK: - States

    mutating func lexNext() {
        if braceOpen {
            lexInsideBraces()
        } else {
            lexStatement()
        }
    }

    mutating func skipLineComment() -> Bool {
        guard peek() == UInt8(ascii: "#") else { return false }
        while position < input.count, input[position] != 0x0A, input[position] != 0x0D { position += 1 }
        emit(.comment)
        return true
    }

    mutating func lexStatement() {
        if skipLineComment() { return }
        let c = next()
        switch c {
        case Lexer.eof where position > input.count:
            position = input.count
            if parenDepth != 0 {
                fail("unclosed left parenthesis")
            } else if bracketOpen {
                fail("unclosed left bracket")
            } else {
                emit(.eof)
                finished = true
            }
        case UInt8(ascii: ","): emit(.comma)
        case let s where Lexer.isSpace(s): skipSpaces()
        case UInt8(ascii: "*"): emit(.mul)
        case UInt8(ascii: "/"): emit(.div)
        case UInt8(ascii: "%"): emit(.mod)
        case UInt8(ascii: "+"): emit(.add)
        case UInt8(ascii: "-"): emit(.sub)
        case UInt8(ascii: "^"): emit(.pow)
        case UInt8(ascii: "="):
            let t = peek()
            if t == UInt8(ascii: "=") {
                _ = next()
                emit(.eqlc)
            } else if t == UInt8(ascii: "~") {
                fail("unexpected character after '=': \(GoQuote.quoteRune("~"))")
            } else {
                emit(.assign)
            }
        case UInt8(ascii: "!"):
            let t = next()
            if t == UInt8(ascii: "=") {
                emit(.neq)
            } else {
                fail("unexpected character after '!': \(quotedRune(before: t))")
            }
        case UInt8(ascii: "<"):
            if peek() == UInt8(ascii: "=") { _ = next(); emit(.lte) } else { emit(.lss) }
        case UInt8(ascii: ">"):
            if peek() == UInt8(ascii: "=") { _ = next(); emit(.gte) } else { emit(.gtr) }
        case let d where Lexer.isDigit(d) || (d == UInt8(ascii: ".") && Lexer.isDigit(peek())):
            backup()
            lexNumberOrDuration()
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            stringOpen = c
            lexString()
        case UInt8(ascii: "`"):
            stringOpen = c
            lexRawString()
        case let a where Lexer.isAlpha(a) || a == UInt8(ascii: ":"):
            if !bracketOpen {
                backup()
                lexKeywordOrIdentifier()
                return
            }
            if gotColon {
                fail("unexpected colon \(GoQuote.quoteRune(Unicode.Scalar(a)))")
                return
            }
            emit(.colon)
            gotColon = true
        case UInt8(ascii: "("):
            emit(.leftParen)
            parenDepth += 1
        case UInt8(ascii: ")"):
            parenDepth -= 1
            if parenDepth < 0 {
                // Prometheus emits the paren and overwrites it with this error,
                // so the error sits just after the parenthesis.
                start = position
                fail("unexpected right parenthesis ')'")
            } else {
                emit(.rightParen)
            }
        case UInt8(ascii: "{"):
            emit(.leftBrace)
            braceOpen = true
        case UInt8(ascii: "["):
            if bracketOpen {
                fail("unexpected left bracket '['")
                return
            }
            gotColon = false
            emit(.leftBracket)
            while Lexer.isSpace(peek()) { position += 1 }
            start = position
            bracketOpen = true
            lexDuration()
        case UInt8(ascii: "]"):
            if !bracketOpen {
                fail("unexpected right bracket ']'")
                return
            }
            emit(.rightBracket)
            bracketOpen = false
        case UInt8(ascii: "@"):
            emit(.at)
        default:
            let offset = position - 1
            position = offset + scalarWidth(at: offset)
            fail("unexpected character: \(GoQuote.quoteRune(scalar(at: offset)))")
        }
    }

    mutating func skipSpaces() {
        while Lexer.isSpace(peek()) { position += 1 }
        start = position
    }

    mutating func lexInsideBraces() {
        if skipLineComment() { return }
        let c = next()
        switch c {
        case Lexer.eof where position > input.count:
            position = input.count
            fail("unexpected end of input inside braces")
        case let s where Lexer.isSpace(s):
            skipSpaces()
        case let a where Lexer.isAlpha(a):
            while Lexer.isAlphaNumeric(peek()) { position += 1 }
            emit(.identifier)
        case UInt8(ascii: ","):
            emit(.comma)
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            stringOpen = c
            lexString()
        case UInt8(ascii: "`"):
            stringOpen = c
            lexRawString()
        case UInt8(ascii: "="):
            if peek() == UInt8(ascii: "~") {
                position += 1
                emit(.eqlRegex)
            } else {
                emit(.assign)
            }
        case UInt8(ascii: "!"):
            let t = next()
            if t == UInt8(ascii: "~") {
                emit(.neqRegex)
            } else if t == UInt8(ascii: "=") {
                emit(.neq)
            } else {
                fail("unexpected character after '!' inside braces: \(quotedRune(before: t))")
            }
        case UInt8(ascii: "{"):
            fail("unexpected left brace '{'")
        case UInt8(ascii: "}"):
            emit(.rightBrace)
            braceOpen = false
        default:
            let offset = position - 1
            fail("unexpected character inside braces: \(GoQuote.quoteRune(scalar(at: offset)))")
        }
    }
}
