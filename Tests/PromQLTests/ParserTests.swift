import Testing
import TSDB
@testable import PromQL

@Suite("Parser structure")
struct ParserTests {
    private func number(_ expr: Expr) -> Double? {
        if case .number(let literal) = expr { return literal.value }
        return nil
    }

    @Test("number literals follow Go's rules: hex, octal, exponents, Inf and NaN in any case")
    func numberLiterals() throws {
        #expect(number(try parse("0x1F")) == 31)
        #expect(number(try parse("010")) == 8)          // ParseInt base 0: leading 0 is octal
        #expect(number(try parse("08")) == 8)           // not octal, falls back to ParseFloat
        #expect(number(try parse("1e3")) == 1000)
        #expect(number(try parse(".5")) == 0.5)
        #expect(number(try parse("5.")) == 5)
        #expect(number(try parse("1.5e-3")) == 0.0015)
        #expect(number(try parse("InF")) == .infinity)
        #expect(number(try parse("-inf")) == -.infinity)
        #expect(number(try parse("NaN"))?.isNaN == true)
        #expect(number(try parse("-2")) == -2)          // unary minus folds into the literal
        #expect(number(try parse("+-1")) == -1)
        #expect(number(try parse("--1")) == 1)
        #expect(number(try parse("99999999999999999999")) == 1e20) // overflows Int64, parsed as float
    }

    @Test("string literals decode every escape Go's strconv.Unquote knows")
    func stringEscapes() throws {
        let cases: [(String, String)] = [
            (#""a\x41""#, "aA"),
            (#""\u00e9""#, "é"),
            (#""\U0001F600""#, "😀"),
            (#""\101""#, "A"),
            (#""\a\b\f\n\r\t\v\\\"""#, "\u{07}\u{08}\u{0C}\n\r\t\u{0B}\\\""),
            (#"'it\'s'"#, "it's"),
            (#"'a"b'"#, "a\"b"),
            ("`raw\\n`", "raw\\n"),
            (#""\xc3\xa9""#, "é"),     // bytes forming UTF-8
        ]
        for (source, value) in cases {
            guard case .string(let literal) = try parse(source) else {
                Issue.record("\(source) is not a string")
                continue
            }
            #expect(literal.value == value, "\(source)")
        }
    }

    @Test("byte escapes that do not form UTF-8 are a parse error, not a silent U+FFFD")
    func invalidUTF8Escapes() throws {
        for source in [#""lxao\xF44Floata""#, #"{a="\377"}"#, #""\xc3""#, #""\xe9x""#] {
            do {
                let expr = try parse(source)
                Issue.record("\(source) parsed as \(expr)")
            } catch {
                #expect("\(error)".contains("escapes do not form valid UTF-8"), "\(source): \(error)")
            }
        }
    }

    @Test("deeply nested or chained queries are refused before any recursion overflows the stack")
    func complexityLimit() throws {
        let deep = String(repeating: "(", count: 5000) + "up" + String(repeating: ")", count: 5000)
        let chain = Array(repeating: "up", count: 600).joined(separator: " + ")
        let subqueries = "up" + String(repeating: "[5m:1m]", count: 600)
        for query in [deep, chain, subqueries] {
            #expect {
                try parse(query)
            } throws: { error in
                "\(error)".contains("query is too complex: more than 500 subexpressions")
            }
        }
        // Well within the limit: still parsed, and the tree is as deep as written.
        let nested = String(repeating: "(", count: 300) + "up" + String(repeating: ")", count: 300)
        guard case .paren = try parse(nested) else {
            Issue.record("300 parentheses did not parse to a parenthesis")
            return
        }
        _ = try parse(Array(repeating: "up", count: 450).joined(separator: " or "))
    }

    @Test("durations: all units, in order, converted to milliseconds")
    func durations() throws {
        guard case .matrixSelector(let m) = try parse("foo[1y1w1d1h1m1s1ms]") else {
            Issue.record("not a range selector")
            return
        }
        #expect(m.range == 31_536_000_000 + 604_800_000 + 86_400_000 + 3_600_000 + 60_000 + 1_000 + 1)
        guard case .vectorSelector(let v) = try parse("foo offset -1h30m") else {
            Issue.record("not a selector")
            return
        }
        #expect(v.offset == -5_400_000)
    }

    @Test("a metric name becomes the last matcher, as in Prometheus")
    func selectorMatchers() throws {
        guard case .vectorSelector(let selector) = try parse(#"http_requests_total{job="api", code!~"5.."}"#) else {
            Issue.record("not a selector")
            return
        }
        #expect(selector.name == "http_requests_total")
        #expect(selector.matchers.map(\.description) == [#"job="api""#, #"code!~"5..""#, #"__name__="http_requests_total""#])
    }

    @Test("offset and @ may come in either order and attach to range selectors and subqueries")
    func modifiers() throws {
        guard case .matrixSelector(let a) = try parse("foo[5m] @ 100 offset 1m"),
              case .matrixSelector(let b) = try parse("foo[5m] offset 1m @ 100") else {
            Issue.record("not range selectors")
            return
        }
        #expect(a == b)
        #expect(a.selector.at == .timestamp(100_000))
        #expect(a.selector.offset == 60_000)
        guard case .subquery(let s) = try parse("rate(foo[1m])[1h:5m] @ end() offset -5m") else {
            Issue.record("not a subquery")
            return
        }
        #expect(s.range == 3_600_000 && s.step == 300_000 && s.offset == -300_000 && s.at == .end)
        guard case .vectorSelector(let v) = try parse("foo @ 1.2345") else { return }
        #expect(v.at == .timestamp(1235)) // seconds rounded to milliseconds
    }

    @Test("subquery without a step uses the engine default")
    func subqueryDefaultStep() throws {
        guard case .subquery(let s) = try parse("foo[1h:]") else {
            Issue.record("not a subquery")
            return
        }
        #expect(s.step == 0)
    }

    @Test("operator precedence and associativity")
    func precedence() throws {
        // ^ is right-associative and binds tighter than unary minus.
        #expect(try parse("2 ^ 3 ^ 2").description == "2 ^ 3 ^ 2")
        guard case .binary(let pow) = try parse("2 ^ 3 ^ 2"), case .binary = pow.rhs else {
            Issue.record("^ must be right-associative")
            return
        }
        guard case .unary(let negation) = try parse("-2 ^ 2"), case .binary = negation.expr else {
            Issue.record("-2^2 must be -(2^2)")
            return
        }
        // * binds tighter than +, comparisons looser, and/unless looser, or loosest.
        guard case .binary(let top) = try parse("a or b and c == d + e * f") else { return }
        #expect(top.op == .or)
        guard case .binary(let and) = top.rhs else { return }
        #expect(and.op == .and)
        guard case .binary(let eq) = and.rhs else { return }
        #expect(eq.op == .equal)
        guard case .binary(let add) = eq.rhs else { return }
        #expect(add.op == .add)
        guard case .binary(let mul) = add.rhs else { return }
        #expect(mul.op == .mul)
        // Left associativity: a - b - c is (a - b) - c.
        guard case .binary(let sub) = try parse("a - b - c"), case .binary(let inner) = sub.lhs else {
            Issue.record("- must be left-associative")
            return
        }
        #expect(inner.op == .sub)
    }

    @Test("vector matching modifiers")
    func matching() throws {
        guard case .binary(let node) = try parse("a * on(x, y) group_left(z) b") else { return }
        #expect(node.matching == VectorMatching(cardinality: .manyToOne, matchingLabels: ["x", "y"], on: true, include: ["z"]))
        guard case .binary(let right) = try parse("a / ignoring(x) group_right b") else { return }
        #expect(right.matching == VectorMatching(cardinality: .oneToMany, matchingLabels: ["x"], on: false, include: []))
        guard case .binary(let set) = try parse("a and b") else { return }
        #expect(set.matching?.cardinality == .manyToMany) // set operators are many-to-many
        guard case .binary(let scalar) = try parse("a > bool 1") else { return }
        #expect(scalar.returnBool && scalar.matching == nil) // no matching against scalars
    }

    @Test("aggregations take by/without before or after the body and a parameter")
    func aggregations() throws {
        let before = try parse("sum by (job) (rate(x[5m]))")
        let after = try parse("sum(rate(x[5m])) by (job)")
        #expect(before == after)
        guard case .aggregate(let topk) = try parse("topk without (a) (3, x)") else { return }
        #expect(topk.op == .topk && topk.without && topk.grouping == ["a"])
        #expect(number(topk.param ?? .number(NumberLiteral(0))) == 3)
        guard case .aggregate(let values) = try parse(#"count_values("v", x)"#) else { return }
        #expect(values.param == .string(StringLiteral("v")))
    }

    @Test("keywords can be metric and label names where Prometheus allows it")
    func keywordsAsNames() throws {
        guard case .vectorSelector(let s) = try parse("sum") else {
            Issue.record("sum alone is a metric")
            return
        }
        #expect(s.name == "sum")
        guard case .aggregate(let a) = try parse("sum by (on, by, offset) (foo)") else { return }
        #expect(a.grouping == ["on", "by", "offset"])
        guard case .vectorSelector(let braces) = try parse(#"foo{on="x", sum="y"}"#) else { return }
        #expect(braces.matchers.count == 3)
    }

    @Test("comments are ignored")
    func comments() throws {
        #expect(try parse("foo # the metric\n + bar # another") == (try parse("foo + bar")))
    }

    @Test("expression types")
    func types() throws {
        #expect(try parse("1 + 2").type == .scalar)
        #expect(try parse("foo + 2").type == .vector)
        #expect(try parse("foo[5m]").type == .matrix)
        #expect(try parse("(foo[5m])").type == .matrix)
        #expect(try parse("rate(foo[5m])[10m:]").type == .matrix)
        #expect(try parse(#""x""#).type == .string)
        #expect(try parse("scalar(foo)").type == .scalar)
    }

    @Test("parse errors carry line and column")
    func errorPosition() {
        do {
            _ = try parse("sum(\n  rate(foo)\n)")
            Issue.record("accepted")
        } catch let error as ParseError {
            #expect(error.line == 2 && error.column == 8)
            #expect(error.message == #"expected type range vector in call to function "rate", got instant vector"#)
            #expect(error.position.start == 12)
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test("more rejected queries, with Prometheus's messages", arguments: [
        ("", "1:1: parse error: no expression found in input"),
        ("foo{a=\"\\777\"}", "1:7: parse error: escape sequence is an invalid Unicode code point"),
        ("foo offset 1y1y", #"1:12: parse error: bad number or duration syntax: "1y1""#),
        ("foo offset -0s", "1:13: parse error: duration must be greater than 0"),
        ("round()", #"1:1: parse error: expected at least 1 argument(s) in call to "round", got 0"#),
        ("topk(foo, bar)", "1:6: parse error: expected type scalar in aggregation parameter, got instant vector"),
        ("-\"a\"[5m:]", "1:2: parse error: subquery is only allowed on instant vector, got string instead"),
        ("foo[5m] == bool 1", "1:1: parse error: binary expression must contain only scalar and instant vector types"),
        ("label_join(foo)", #"1:1: parse error: expected at least 3 argument(s) in call to "label_join", got 1"#),
        // Regexes Go (RE2) refuses, with the messages Prometheus 2.42 gave for the same queries.
        (#"{a=~"("}"#, "1:2: parse error: error parsing regexp: missing closing ): `^(?:()$`"),
        (#"{a=~"a)"}"#, "1:2: parse error: error parsing regexp: unexpected ): `^(?:a))$`"),
        (#"{a=~"[z-a]"}"#, "1:2: parse error: error parsing regexp: invalid character class range: `z-a`"),
        (#"{a=~"x**"}"#, "1:2: parse error: error parsing regexp: invalid nested repetition operator: `**`"),
        (#"{a=~"\\8"}"#, "1:2: parse error: error parsing regexp: invalid escape sequence: `\\8`"),
        (#"{a=~"(?P<n>a"}"#, "1:2: parse error: error parsing regexp: missing closing ): `^(?:(?P<n>a)$`"),
        (#"{a=~"\\pX"}"#, "1:2: parse error: error parsing regexp: invalid character class range: `\\pX`"),
    ])
    func moreErrors(query: String, expected: String) {
        do {
            _ = try parse(query)
            Issue.record("accepted \(query)")
        } catch let error as ParseError {
            #expect(error.description == expected)
        } catch {
            Issue.record("\(error)")
        }
    }
}
