import Testing
@testable import TSDB

@Suite struct MetadataAndExemplarTests {
    @Test func metadataKeepsDistinctEntriesNewestFirst() {
        let store = MemoryStore()
        let counter = MetricMetadata(metricFamilyName: "http_requests_total", type: .counter, help: "Requests.", unit: "")
        let other = MetricMetadata(metricFamilyName: "http_requests_total", type: .counter, help: "All requests.", unit: "")
        let gauge = MetricMetadata(metricFamilyName: "temperature", type: .gauge, help: "", unit: "celsius")
        store.setMetadata([counter, gauge, counter, other])
        #expect(store.metadata(metric: "http_requests_total", limit: nil)["http_requests_total"] == [other, counter])
        #expect(store.metadata(metric: nil, limit: nil).keys.sorted() == ["http_requests_total", "temperature"])
        #expect(store.metadata(metric: nil, limit: 1).keys.sorted() == ["http_requests_total"])
        #expect(store.metadata(metric: nil, limit: 0).isEmpty)
        #expect(store.metadata(metric: "nope", limit: nil).isEmpty)
    }

    @Test func exemplarRingIsBoundedAndFiltered() {
        let store = MemoryStore(options: StoreOptions(exemplarCapacity: 3))
        let a = labels(["__name__": "lat", "job": "a"])
        let b = labels(["__name__": "lat", "job": "b"])
        func exemplar(_ series: Labels, _ time: Int64, _ trace: String) -> Exemplar {
            Exemplar(seriesLabels: series, labels: labels(["trace_id": trace]), value: 0.5, timestamp: time)
        }
        #expect(store.keepExemplars([exemplar(a, t0, "1"), exemplar(b, t0 + 1, "2"), exemplar(a, t0 + 2, "3")]) == 3)
        // Duplicate and out-of-order exemplars of a series are refused.
        #expect(store.keepExemplars([exemplar(a, t0 + 2, "3"), exemplar(a, t0 + 1, "x")]) == 0)
        // A fourth overwrites the oldest (a@t0).
        #expect(store.keepExemplars([exemplar(b, t0 + 3, "4")]) == 1)
        let all = store.exemplars([], minTime: .min, maxTime: .max)
        #expect(all.map(\.timestamp) == [t0 + 2, t0 + 1, t0 + 3])  // series a first, then b by time
        #expect(store.exemplars([.equal("job", "b")], minTime: .min, maxTime: .max).map { $0.labels["trace_id"] } == ["2", "4"])
        #expect(store.exemplars([], minTime: t0 + 3, maxTime: .max).count == 1)
    }

    @Test func zeroCapacityKeepsNoExemplars() {
        let store = MemoryStore(options: StoreOptions(exemplarCapacity: 0))
        let e = Exemplar(seriesLabels: labels(["__name__": "x"]), labels: .empty, value: 1, timestamp: t0)
        store.addExemplars([e])
        #expect(store.keepExemplars([e]) == 0)
        #expect(store.exemplars([], minTime: .min, maxTime: .max).isEmpty)
    }
}
