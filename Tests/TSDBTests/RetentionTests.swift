import Testing
@testable import TSDB

@Suite struct RetentionTests {
    @Test func dropsWholeOldChunksAndKeepsPartlyInsideOnes() throws {
        let store = MemoryStore(options: StoreOptions(retention: 3_600_000))
        // 300 samples 15 s apart: chunks of 120 span [0, 1785 s], [1800, 3585 s], [3600, 4485 s].
        let samples = (0 ..< 300).map { Sample(timestamp: t0 + Int64($0) * 15_000, value: Double($0)) }
        for sample in samples { _ = store.append(labels(["__name__": "x"]), [sample], now: sample.timestamp) }
        #expect(store.stats.chunks == 3)
        // Cutoff t0 + 1 790 s: the first chunk ends at 1 785 s, gone; the second stays whole.
        let result = store.applyRetention(now: t0 + 1_790_000 + 3_600_000)
        #expect(result == RetentionResult(removedSeries: 0, removedChunks: 1, removedSamples: 120))
        #expect(store.stats.chunks == 2)
        #expect(store.stats.samples == 180)
        let kept = try store.select([], minTime: .min, maxTime: .max).first?.samples ?? []
        #expect(kept.count == 180)
        #expect(kept.first == samples[120] && kept.last == samples[299])
    }

    @Test func removesEmptySeriesAndTheirPostingsAndSymbols() throws {
        let store = MemoryStore(options: StoreOptions(retention: 60_000))
        _ = store.append(labels(["__name__": "gone", "pod": "old-pod"]), [Sample(timestamp: t0, value: 1)], now: t0)
        _ = store.append(labels(["__name__": "kept", "pod": "new-pod"]), [Sample(timestamp: t0 + 50_000, value: 1)], now: t0 + 50_000)
        let symbolsBefore = store.stats.symbols
        #expect(symbolsBefore == 6)  // __name__, gone, kept, pod, old-pod, new-pod
        let result = store.applyRetention(now: t0 + 60_001)
        #expect(result.removedSeries == 1)
        #expect(result.removedChunks == 1)
        #expect(store.stats.activeSeries == 1)
        #expect(store.stats.symbols == 4)  // __name__, kept, pod, new-pod
        #expect(try store.labelValues("pod", [], minTime: .min, maxTime: .max) == ["new-pod"])
        #expect(try store.labelValues("__name__", [], minTime: .min, maxTime: .max) == ["kept"])
        #expect(try store.series([.equal("pod", "old-pod")], minTime: .min, maxTime: .max).isEmpty)
        #expect(try store.series([.notEqual("pod", "x")], minTime: .min, maxTime: .max).count == 1)
        // The same labels come back as a new series.
        let again = store.append(labels(["__name__": "gone", "pod": "old-pod"]), [Sample(timestamp: t0 + 70_000, value: 2)], now: t0 + 70_000)
        #expect(again.createdSeries == 1)
        #expect(try store.select([.equal("__name__", "gone")], minTime: .min, maxTime: .max).first?.samples.map(\.value) == [2])
    }

    @Test func retentionFreesTheSeriesLimit() {
        let store = MemoryStore(options: StoreOptions(retention: 1_000, maxActiveSeries: 1))
        _ = store.append(labels(["__name__": "a"]), [Sample(timestamp: t0, value: 1)], now: t0)
        #expect(store.append(labels(["__name__": "b"]), [Sample(timestamp: t0, value: 1)], now: t0).rejected == [.seriesLimit: 1])
        _ = store.applyRetention(now: t0 + 2_000)
        #expect(store.append(labels(["__name__": "b"]), [Sample(timestamp: t0 + 2_000, value: 1)], now: t0 + 2_000).createdSeries == 1)
    }

    @Test func massRemovalKeepsLargePostingsConsistent() throws {
        let store = MemoryStore(options: StoreOptions(retention: 10_000))
        for i in 0 ..< 3_000 {
            let time = i % 2 == 0 ? t0 : t0 + 20_000
            _ = store.append(labels(["__name__": "m", "i": "\(i)", "even": "\(i % 2 == 0)"]), [Sample(timestamp: time, value: 1)], now: time)
        }
        let result = store.applyRetention(now: t0 + 20_000)
        #expect(result.removedSeries == 1_500)
        #expect(try store.series([.equal("__name__", "m")], minTime: .min, maxTime: .max).count == 1_500)
        #expect(try store.series([.equal("even", "true")], minTime: .min, maxTime: .max).isEmpty)
        #expect(try store.labelValues("even", [], minTime: .min, maxTime: .max) == ["false"])
        // The 1 500 odd i values + __name__, m, i, even, false ("true" is gone).
        #expect(store.stats.symbols == 1_505)
    }
}
