import Testing
@testable import TSDB

/// Matchers on a label with many values (`pod!=""` beside `workload="a"`,
/// as custom metrics `pods/*` requests send) are checked on the selected
/// series' own labels instead of through every value's postings; the
/// answers must be those of the postings path.
@Suite struct DeferredMatcherTests {
    let store = MemoryStore()
    var all: [Labels] = []

    init() {
        for pod in 0..<300 {
            all.append(labels(["__name__": "requests", "workload": "w\(pod % 3)", "pod": "pod-\(pod)"]))
        }
        // Series of workload w0 without a pod label.
        all.append(labels(["__name__": "requests", "workload": "w0"]))
        all.append(labels(["__name__": "requests", "workload": "w0", "instance": "x"]))
        for series in all { _ = store.append(series, [Sample(timestamp: t0, value: 1)], now: t0) }
    }

    /// What Prometheus's semantics select: every matcher accepts the
    /// series' value, a missing label reading as "".
    func expected(_ matchers: [LabelMatcher]) -> [Labels] {
        all.filter { series in matchers.allSatisfy { $0.matches(series[$0.name] ?? "") } }
            .sorted { $0.description < $1.description }
    }

    func selected(_ matchers: [LabelMatcher]) throws -> [Labels] {
        try store.series(matchers, minTime: .min, maxTime: .max).sorted { $0.description < $1.description }
    }

    @Test func manyValuedMatchersAreDeferredBesideASmallExactOne() throws {
        let matchers: [LabelMatcher] = [.equal("workload", "w0"), .notEqual("pod", "")]
        let snapshot = store.index.withLock { $0.snapshot(matchers) }
        #expect(snapshot.deferred.map(\.matcher.name) == ["pod"])
        // Alone, the same matcher still goes through the postings.
        #expect(store.index.withLock { $0.snapshot([.notEqual("pod", "")]) }.deferred.isEmpty)
    }

    @Test func deferredMatchersSelectWhatThePostingsWould() throws {
        let cases: [[LabelMatcher]] = [
            [.equal("workload", "w0"), .notEqual("pod", "")],
            [.equal("workload", "w0"), try LabelMatcher(.regexMatch, "pod", "pod-1.*")],
            [.equal("workload", "w0"), try LabelMatcher(.regexMatch, "pod", "pod-1.*|")],
            [.equal("workload", "w0"), try LabelMatcher(.regexNoMatch, "pod", "pod-1.*")],
            [.equal("workload", "w1"), .notEqual("pod", ""), try LabelMatcher(.regexMatch, "pod", ".*7")],
            [.equal("workload", "w2"), .equal("pod", "pod-2")],
            [.equal("workload", "nope"), .notEqual("pod", "")],
        ]
        for matchers in cases {
            #expect(try selected(matchers) == expected(matchers), "\(matchers)")
        }
        #expect(try selected(cases[0]).count == 100)
        // w0's pods 12, 15, 18, 102, 105, …, 198, and its two series without a pod.
        #expect(try selected(cases[2]).count == 38)
    }

    @Test func labelValuesHonourDeferredMatchers() throws {
        let values = try store.labelValues("instance", [.equal("workload", "w0"), .notEqual("pod", "")], minTime: .min, maxTime: .max)
        #expect(values.isEmpty)
        let pods = try store.labelValues("pod", [.equal("workload", "w1"), try LabelMatcher(.regexMatch, "pod", "pod-1.")], minTime: .min, maxTime: .max)
        #expect(pods == ["pod-10", "pod-13", "pod-16", "pod-19"])
    }
}
