import Testing
@testable import PromQL

@Suite("Lexer")
struct LexerTests {
    private func kinds(_ query: String) -> [TokenKind] {
        Lexer.tokenize(query).map(\.kind)
    }

    @Test("tokens of a typical query")
    func tokens() {
        #expect(kinds(#"sum by (job) (rate(x{a=~"b"}[5m] offset 1m)) > 0.5"#) == [
            .sum, .by, .leftParen, .identifier, .rightParen, .leftParen, .identifier, .leftParen,
            .identifier, .leftBrace, .identifier, .eqlRegex, .string, .rightBrace, .leftBracket, .duration,
            .rightBracket, .offset, .duration, .rightParen, .rightParen, .gtr, .number, .eof,
        ])
    }

    @Test("keywords are case-insensitive, but not inside braces")
    func keywords() {
        #expect(kinds("SUM") == [.sum, .eof])
        #expect(kinds(#"x{sum="1"}"#) == [.identifier, .leftBrace, .identifier, .assign, .string, .rightBrace, .eof])
        #expect(kinds("a:b") == [.metricIdentifier, .eof])
        #expect(kinds("inf NaN") == [.number, .number, .eof])
    }

    @Test("errors end the token stream")
    func errors() {
        let tokens = Lexer.tokenize(#"x{a="b""#)
        #expect(tokens.last?.kind == .error)
        #expect(tokens.last?.text == "unexpected end of input inside braces")
        #expect(Lexer.tokenize(#"x{a="b"#).last?.text == "unterminated quoted string")
        #expect(Lexer.tokenize("1 ! 2").last?.text == "unexpected character after '!': ' '")
    }

    @Test("durations and Go's number parsing")
    func numbers() throws {
        #expect(try DurationParsing.parse("1h30m") == 5_400_000)
        #expect(throws: DurationParsing.Failure.self) { try DurationParsing.parse("30m1h") }
        #expect(throws: DurationParsing.Failure.self) { try DurationParsing.parse("999999999y") }
        #expect(NumberParsing.parseLiteral("0x10") == 16)
        #expect(NumberParsing.parseLiteral("017") == 15)
        #expect(NumberParsing.parseLiteral("1e") == nil)
        #expect(NumberParsing.parseGoFloat("+Inf") == .infinity)
        #expect(NumberParsing.parseGoFloat("0x1p-2") == 0.25)
        #expect(NumberParsing.parseGoFloat("1_000") == nil)
    }
}
