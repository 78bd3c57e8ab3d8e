import Testing
@testable import TSDB

/// A label's values reach a regex a few thousand per index-lock hold; the
/// answer is the same as one copy would give.
@Suite struct LabelValueCopyTests {
    /// `pod-0` … `pod-9999`, one series each; odd pods also carry `odd="1"`.
    static func store(pods: Int = 10_000) -> MemoryStore {
        let store = MemoryStore(options: StoreOptions(retention: 60_000, shardCount: 4))
        let batch = (0 ..< pods).map { pod in
            (pod % 2 == 1 ? labels(["__name__": "p", "pod": "pod-\(pod)", "odd": "1"]) : labels(["__name__": "p", "pod": "pod-\(pod)"]),
             [Sample(timestamp: t0, value: Double(pod))])
        }
        _ = withBatch(batch) { store.ingest($0, now: t0) }
        return store
    }

    @Test func regexOverManyHoldsSelectsExactlyTheMatches() throws {
        let store = Self.store()
        #expect(10_000 > store.options.valuesPerIndexHold)
        let ones = try store.series([try LabelMatcher(.regexMatch, "pod", "pod-1.*")], minTime: .min, maxTime: .max)
        #expect(ones.count == 1_111) // 1, 10–19, 100–199, 1000–1999
        let all = try store.series([try LabelMatcher(.regexMatch, "pod", ".+")], minTime: .min, maxTime: .max)
        #expect(all.count == 10_000)
        let notOdd = try store.series([.equal("__name__", "p"), try LabelMatcher(.regexNoMatch, "odd", ".+")], minTime: .min, maxTime: .max)
        #expect(notOdd.count == 5_000)
        let excluded = try store.series([.equal("__name__", "p"), try LabelMatcher(.regexNoMatch, "pod", "pod-[0-4].*")], minTime: .min, maxTime: .max)
        #expect(excluded.count == 5_555) // all but 0–4, 10–49, 100–499, 1000–4999
    }

    @Test func allValuesOfABigLabelAreSortedAndComplete() throws {
        let store = Self.store()
        let values = try store.labelValues("pod", [], minTime: .min, maxTime: .max)
        #expect(values.count == 10_000)
        #expect(values == values.sorted())
        #expect(Set(values) == Set((0 ..< 10_000).map { "pod-\($0)" }))
        #expect(try store.labelValues("pod", [try LabelMatcher(.regexMatch, "pod", "pod-99.*")], minTime: .min, maxTime: .max).count == 111)
    }

    @Test func removedValuesLeaveAndNewOnesArrive() throws {
        let store = Self.store(pods: 6_000)
        let later = t0 + 120_000
        let fresh = (0 ..< 5_000).map { pod in (labels(["__name__": "p", "pod": "new-\(pod)"]), [Sample(timestamp: later, value: 1)]) }
        _ = withBatch(fresh) { store.ingest($0, now: later) }
        _ = store.applyRetention(now: later)
        let pods = try store.labelValues("pod", [try LabelMatcher(.regexMatch, "pod", ".+")], minTime: .min, maxTime: .max)
        #expect(pods.count == 5_000)
        #expect(pods.allSatisfy { $0.hasPrefix("new-") })
        #expect(try store.series([try LabelMatcher(.regexMatch, "pod", "pod-.*")], minTime: .min, maxTime: .max).isEmpty)
    }
}
