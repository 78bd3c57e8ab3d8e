import Testing
import TSDB
@testable import PromQL

@Suite("Printing and rewriting expressions")
struct PrintingTests {
    @Test("canonical PromQL text, as Prometheus prints it", arguments: [
        (#"sum(rate(http_requests_total{job="api"}[5m])) by (code)"#, #"sum by (code) (rate(http_requests_total{job="api"}[5m]))"#),
        (#"foo{b="2",a=~"1"} offset 90m"#, #"foo{a=~"1",b="2"} offset 1h30m"#),
        ("foo @ 100 offset -5m", "foo @ 100.000 offset -5m"),
        ("foo[1h:] @ end()", "foo[1h:] @ end()"),
        ("rate(foo[5m] offset 1w)", "rate(foo[5m] offset 1w)"),
        ("a + on(x) group_left(y) b", "a + on (x) group_left (y) b"),
        ("a > bool ignoring(x) b", "a > bool ignoring (x) b"),
        ("a and b", "a and b"),
        ("topk without(x)(3, a)", "topk without (x) (3, a)"),
        (#"count_values("v", a)"#, #"count_values("v", a)"#),
        ("-(a)", "-(a)"),
        (#"label_replace(a, "d", "$1", "s", "(.*)")"#, #"label_replace(a, "d", "$1", "s", "(.*)")"#),
        (#"{__name__="a"}"#, #"{__name__="a"}"#),
        ("'it\\'s'", #""it's""#),
    ])
    func canonical(query: String, printed: String) throws {
        #expect(try parse(query).description == printed)
    }

    @Test("adding matchers scopes every selector, even inside subqueries and functions")
    func addingMatchers() throws {
        let expr = try parse(#"sum(rate(requests{code="500"}[5m])) / sum(rate(requests[5m])) + max_over_time(up[10m:1m]) + absent(x)"#)
        let scoped = expr.addingMatchers([.equal("namespace", "prod"), try LabelMatcher(.regexMatch, "pod", "web-.*")])
        #expect(scoped.description == #"sum(rate(requests{code="500",namespace="prod",pod=~"web-.*"}[5m])) / sum(rate(requests{namespace="prod",pod=~"web-.*"}[5m])) + max_over_time(up{namespace="prod",pod=~"web-.*"}[10m:1m]) + absent(x{namespace="prod",pod=~"web-.*"})"#)
        // The metric name's matcher stays last, so the name check still works.
        guard case .binary(let top) = scoped, case .call(let absent) = top.rhs,
              case .vectorSelector(let selector) = absent.args[0] else {
            Issue.record("unexpected shape")
            return
        }
        #expect(selector.matchers.last == .equal("__name__", "x"))
        // The rewritten expression re-parses to itself.
        #expect(try parse(scoped.description).description == scoped.description)
    }

    @Test("added matchers filter what a query selects")
    func addingMatchersFilters() async throws {
        let fixture = try Fixture(interval: 15_000, """
            requests{namespace="prod", pod="web-1"} 1
            requests{namespace="prod", pod="db-1"} 2
            requests{namespace="dev", pod="web-2"} 4
            """)
        let expr = try parse("sum(requests)").addingMatchers([.equal("namespace", "prod")])
        let result = try await fixture.engine.instantQuery(expr, at: 0, querier: fixture.store)
        guard case .vector(let samples) = result.value else { return }
        #expect(samples.map(\.value) == [3])
    }
}

@Suite("Printing built expressions")
struct BuiltExpressionPrintingTests {
    private func selector(_ name: String) -> Expr {
        .vectorSelector(VectorSelector(name: name, matchers: [.equal("__name__", name)]))
    }

    @Test("operands keep their grouping when printed")
    func grouping() throws {
        let sum = Expr.binary(BinaryExpr(op: .add, lhs: selector("a"), rhs: selector("b")))
        let product = Expr.binary(BinaryExpr(op: .mul, lhs: sum, rhs: selector("c")))
        #expect(product.description == "(a + b) * c")
        let difference = Expr.binary(BinaryExpr(op: .sub, lhs: selector("a"), rhs: sum))
        #expect(difference.description == "a - (a + b)")
        let negated = Expr.unary(UnaryExpr(op: .minus, expr: sum))
        #expect(negated.description == "-(a + b)")
        let power = Expr.binary(BinaryExpr(op: .pow, lhs: .number(NumberLiteral(-2)), rhs: .number(NumberLiteral(2))))
        #expect(power.description == "(-2) ^ 2")
        for expr in [product, difference, negated] {
            #expect(try parse(expr.description).description == expr.description)
        }
    }
}

@Suite("Printing matches Prometheus")
struct PrometheusPrintingTests {
    @Test("expressions print exactly as Prometheus prints them", arguments: prometheusPrintedExpressions)
    func printsLikePrometheus(query: String, printed: String) throws {
        #expect(try parse(query).description == printed)
    }
}
