import Testing
@testable import TSDB

/// Prometheus selector semantics over a small fixed store.
@Suite struct MatcherTests {
    let store: MemoryStore

    init() {
        store = MemoryStore()
        let all: [Labels] = [
            labels(["__name__": "up", "job": "api", "env": "prod"]),
            labels(["__name__": "up", "job": "api-gateway", "env": "prod"]),
            labels(["__name__": "up", "job": "web"]),
            labels(["__name__": "up", "job": "bar"]),
            labels(["__name__": "down", "env": "dev"]),
        ]
        for series in all { _ = store.append(series, [Sample(timestamp: t0, value: 1)], now: t0) }
    }

    func jobs(_ matchers: [LabelMatcher]) throws -> [String] {
        try store.series(matchers, minTime: .min, maxTime: .max).map { $0["job"] ?? "-" }
    }

    @Test func equalAndNotEqual() throws {
        #expect(try jobs([.equal("job", "api")]) == ["api"])
        #expect(try jobs([.equal("__name__", "up"), .notEqual("job", "api")]) == ["api-gateway", "bar", "web"])
        // != also keeps series without the label ("" != "api").
        #expect(try jobs([.notEqual("job", "api")]) == ["-", "api-gateway", "bar", "web"])
        #expect(try jobs([.equal("job", "nope")]) == [])
    }

    @Test func regexIsFullyAnchored() throws {
        #expect(try jobs([try LabelMatcher(.regexMatch, "job", "api")]) == ["api"])
        #expect(try jobs([try LabelMatcher(.regexMatch, "job", "api.*")]) == ["api", "api-gateway"])
        #expect(try jobs([try LabelMatcher(.regexMatch, "job", ".*way")]) == ["api-gateway"])
        #expect(try jobs([try LabelMatcher(.regexMatch, "job", ".*i-g.*")]) == ["api-gateway"])
        #expect(try jobs([try LabelMatcher(.regexMatch, "job", "a(p|x)i")]) == ["api"])
        #expect(try jobs([try LabelMatcher(.regexMatch, "job", "[wb].+")]) == ["bar", "web"])
    }

    @Test func negativeRegexKeepsSeriesWithoutTheLabel() throws {
        #expect(try jobs([try LabelMatcher(.regexNoMatch, "job", "api.*")]) == ["-", "bar", "web"])
        #expect(try jobs([.equal("__name__", "up"), try LabelMatcher(.regexNoMatch, "job", "api|web")]) == ["api-gateway", "bar"])
    }

    @Test func emptyStringMeansAbsent() throws {
        // {job=""}: series without job.
        #expect(try jobs([.equal("job", "")]) == ["-"])
        // {job!=""}: series with job.
        #expect(try jobs([.notEqual("job", "")]) == ["api", "api-gateway", "bar", "web"])
        // {job=~".*"}: everything.
        #expect(try store.series([try LabelMatcher(.regexMatch, "job", ".*")], minTime: .min, maxTime: .max).count == 5)
        // {job=~"bar|"}: job is bar or absent.
        #expect(try jobs([try LabelMatcher(.regexMatch, "job", "bar|")]) == ["-", "bar"])
        // {job=~".+"}: has job.
        #expect(try jobs([try LabelMatcher(.regexMatch, "job", ".+")]).count == 4)
        // {env=""} combined with a name.
        #expect(try jobs([.equal("__name__", "up"), .equal("env", "")]) == ["bar", "web"])
    }

    @Test func unknownLabelNames() throws {
        #expect(try jobs([.equal("nope", "x")]) == [])
        #expect(try store.series([.equal("nope", "")], minTime: .min, maxTime: .max).count == 5)
        #expect(try store.series([.notEqual("nope", "x")], minTime: .min, maxTime: .max).count == 5)
    }

    @Test func invalidRegexThrowsAClearError() {
        #expect(throws: LabelMatcherError.self) { try LabelMatcher(.regexMatch, "job", "(") }
    }

    @Test func matcherMatchesDirectly() throws {
        #expect(try LabelMatcher(.regexMatch, "a", "api").matches("api-gateway") == false)
        #expect(try LabelMatcher(.regexMatch, "a", "ab.*").matches("ab\nc") == false)
        #expect(try LabelMatcher(.regexMatch, "a", ".*").matchesEmpty)
        #expect(try LabelMatcher(.regexMatch, "a", ".+").matchesEmpty == false)
    }
}
