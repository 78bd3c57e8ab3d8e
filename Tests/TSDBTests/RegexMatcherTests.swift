import Testing
@testable import TSDB

@Suite struct RegexMatcherTests {
    private func matches(_ pattern: String, _ value: String) throws -> Bool {
        try LabelMatcher(.regexMatch, "v", pattern).matches(value)
    }

    @Test("Go's syntax as Prometheus accepts it: Unicode classes, flags, POSIX classes, anchoring")
    func goSyntax() throws {
        #expect(try matches(#"\pL+"#, "héllo"))
        #expect(try !matches(#"\pL+"#, "h3llo"))
        #expect(try matches(#"\p{Greek}+"#, "αβγ"))
        #expect(try !matches(#"\p{Greek}+"#, "abc"))
        #expect(try matches("(?i)get|post", "POST"))
        #expect(try matches("[[:alpha:]]+", "abc"))
        #expect(try !matches("[[:alpha:]]+", "ab1"))
        // Fully anchored, like Prometheus: a partial match is no match.
        #expect(try !matches("b", "abc"))
        #expect(try matches("a|b", "b"))
        // `.` does not match a newline unless (?s) says so, as in Go.
        #expect(try !matches("a.b", "a\nb"))
        #expect(try matches("(?s)a.b", "a\nb"))
        #expect(try matches(#"\Qa.b\E"#, "a.b"))
        #expect(try !matches(#"\Qa.b\E"#, "axb"))
    }

    @Test("what Go refuses is refused, in Go's words")
    func refusals() {
        for (pattern, expected) in [
            ("(", "missing closing ): `^(?:()$`"),
            ("a{2,1}", "invalid repeat count: `{2,1}`"),
            (#"(?<name>a)"#, "invalid or unsupported Perl syntax: `(?<`"),
        ] {
            do {
                _ = try LabelMatcher(.regexMatch, "v", pattern)
                Issue.record("accepted \(pattern)")
            } catch let error as LabelMatcherError {
                #expect(error.reason == expected, "\(pattern)")
            } catch {
                Issue.record("\(error)")
            }
        }
    }

    @Test("a pattern that makes a backtracking engine take minutes answers at once, with the right result")
    func noCatastrophicBacktracking() throws {
        let store = MemoryStore(options: StoreOptions(retention: 3_600_000))
        for index in 0 ..< 5 {
            let value = String(repeating: "a", count: 40 + index) + (index == 4 ? "b" : "")
            _ = store.append(Labels(["__name__": "victim", "v": value]), [Sample(timestamp: t0, value: 1)], now: t0)
        }
        // Swift's Regex needed about 5 s for this at 30 characters and
        // minutes at 40; the guard below only catches a hang.
        let started = ContinuousClock.now
        let matched = try store.select([.equal("__name__", "victim"), LabelMatcher(.regexMatch, "v", "(a|aa)+")], minTime: .min, maxTime: .max)
        #expect(matched.count == 4)
        #expect(ContinuousClock.now - started < .seconds(10))
    }
}
