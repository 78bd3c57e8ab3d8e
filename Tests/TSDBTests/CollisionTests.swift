import Testing
@testable import TSDB

@Suite struct CollisionTests {
    @Test func seriesWithEqualHashesStayDistinct() throws {
        // hashMask 0 gives every series hash 0: one shard, one probe chain.
        let store = MemoryStore(options: StoreOptions(), hashMask: 0)
        let names = (0 ..< 50).map { "metric_\($0)" }
        for (i, name) in names.enumerated() {
            let result = store.append(labels(["__name__": name]), [Sample(timestamp: t0, value: Double(i))], now: t0)
            #expect(result.createdSeries == 1)
        }
        // Second round finds every series again by full comparison.
        for (i, name) in names.enumerated() {
            let result = store.append(labels(["__name__": name]), [Sample(timestamp: t0 + 1, value: Double(i) + 0.5)], now: t0)
            #expect(result.createdSeries == 0)
            #expect(result.acceptedSamples == 1)
        }
        #expect(store.stats.activeSeries == 50)
        let selected = try store.select([.equal("__name__", "metric_7")], minTime: .min, maxTime: .max)
        #expect(selected.first?.samples.map(\.value) == [7, 7.5])
    }

    @Test func collidingSeriesSurviveRemovalOfTheirNeighbours() throws {
        let store = MemoryStore(options: StoreOptions(retention: 10_000), hashMask: 0)
        _ = store.append(labels(["__name__": "old"]), [Sample(timestamp: t0, value: 1)], now: t0)
        _ = store.append(labels(["__name__": "new"]), [Sample(timestamp: t0 + 20_000, value: 2)], now: t0 + 20_000)
        #expect(store.applyRetention(now: t0 + 20_000).removedSeries == 1)
        let again = store.append(labels(["__name__": "new"]), [Sample(timestamp: t0 + 20_001, value: 3)], now: t0 + 20_001)
        #expect(again.createdSeries == 0)
        #expect(try store.series([], minTime: .min, maxTime: .max) == [labels(["__name__": "new"])])
    }

    @Test func hashIsTheSameForBytesAndLabels() {
        let series = labels(["__name__": "a_rather_long_metric_name_total", "x": "1", "y": ""])
        let fromBytes = withBatch([(series, [])]) { batch in
            batch.labels.withUnsafeBufferPointer { LabelHash.hash($0) }
        }
        #expect(fromBytes == LabelHash.hash(series))
        #expect(LabelHash.hash(labels(["a": "bc"])) != LabelHash.hash(labels(["ab": "c"])))
    }
}
