import Testing
@testable import TSDB

@Suite struct QueryTests {
    /// a: samples at t0, t0+10s, t0+20s; b: t0+30s only; c: t0 only.
    func makeStore() -> MemoryStore {
        let store = MemoryStore()
        _ = store.append(labels(["__name__": "req", "job": "a", "zone": "z1"]),
                         [0, 10, 20].map { Sample(timestamp: t0 + $0 * 1_000, value: Double($0)) }, now: t0)
        _ = store.append(labels(["__name__": "req", "job": "b"]), [Sample(timestamp: t0 + 30_000, value: 1)], now: t0)
        _ = store.append(labels(["__name__": "mem", "job": "c", "pod": "p"]), [Sample(timestamp: t0, value: 1)], now: t0)
        return store
    }

    @Test func selectFiltersSamplesByTime() throws {
        let store = makeStore()
        let result = try store.select([.equal("__name__", "req")], minTime: t0 + 5_000, maxTime: t0 + 20_000)
        // b has nothing in the window, so it is not selected at all.
        #expect(result.map(\.labels["job"]) == ["a"])
        #expect(result.first?.samples.map(\.timestamp) == [t0 + 10_000, t0 + 20_000])
        #expect(try store.select([.equal("__name__", "req")], minTime: t0 + 21_000, maxTime: t0 + 29_999).isEmpty)
        #expect(try store.select([], minTime: t0 + 1, maxTime: t0).isEmpty)
    }

    @Test func resultsAreSortedByLabels() throws {
        let store = MemoryStore()
        let names = ["b", "a", "c", "a_b", "B", "aa"]
        for (i, name) in names.enumerated() {
            _ = store.append(labels(["__name__": "m", "x": name, "i": "\(i % 2)"]), [Sample(timestamp: t0, value: 1)], now: t0)
        }
        _ = store.append(labels(["__name__": "m"]), [Sample(timestamp: t0, value: 1)], now: t0)
        _ = store.append(labels(["__name__": "l", "z": "1"]), [Sample(timestamp: t0, value: 1)], now: t0)
        let series = try store.series([], minTime: .min, maxTime: .max)
        #expect(series == series.sorted())
        #expect(series.count == 8)
        let selected = try store.select([], minTime: .min, maxTime: .max).map(\.labels)
        #expect(selected == series)
    }

    @Test func seriesUsesChunkTimeBounds() throws {
        let store = makeStore()
        #expect(try store.series([.equal("__name__", "req")], minTime: t0 + 25_000, maxTime: t0 + 40_000).map { $0["job"] } == ["b"])
        #expect(try store.series([], minTime: t0 + 31_000, maxTime: t0 + 90_000).isEmpty)
    }

    @Test func labelNamesWithAndWithoutMatchers() throws {
        let store = makeStore()
        #expect(try store.labelNames([], minTime: .min, maxTime: .max) == ["__name__", "job", "pod", "zone"])
        #expect(try store.labelNames([.equal("__name__", "req")], minTime: .min, maxTime: .max) == ["__name__", "job", "zone"])
        #expect(try store.labelNames([.equal("__name__", "req")], minTime: t0 + 25_000, maxTime: .max) == ["__name__", "job"])
        #expect(try store.labelNames([], minTime: t0 + 40_000, maxTime: .max) == [])
    }

    @Test func labelValuesWithAndWithoutMatchers() throws {
        let store = makeStore()
        #expect(try store.labelValues("job", [], minTime: .min, maxTime: .max) == ["a", "b", "c"])
        #expect(try store.labelValues("job", [.equal("__name__", "req")], minTime: .min, maxTime: .max) == ["a", "b"])
        #expect(try store.labelValues("job", [.equal("__name__", "req")], minTime: .min, maxTime: t0 + 5_000) == ["a"])
        #expect(try store.labelValues("nope", [], minTime: .min, maxTime: .max) == [])
        #expect(try store.labelValues("nope", [.equal("job", "a")], minTime: .min, maxTime: .max) == [])
    }

    @Test func manySeriesSelectMatchesAFilteredScan() throws {
        let store = MemoryStore()
        var expected: [Labels] = []
        for i in 0 ..< 2_000 {
            let series = labels(["__name__": "m\(i % 7)", "i": "\(i)", "g": "\(i % 3)"])
            _ = store.append(series, [Sample(timestamp: t0 + Int64(i % 5), value: Double(i))], now: t0)
            if i % 7 == 3 && i % 3 != 1 { expected.append(series) }
        }
        let selected = try store.select([.equal("__name__", "m3"), .notEqual("g", "1")], minTime: .min, maxTime: .max)
        #expect(selected.map(\.labels) == expected.sorted())
        #expect(selected.allSatisfy { Double($0.labels["i"] ?? "") == $0.samples.first?.value })
    }
}

@Suite struct SortOrderTests {
    @Test func highCardinalityResultsMatchLabelsOrdering() throws {
        // Unique values at many positions overflow the 64-bit packed sort key,
        // so ties fall back to comparing the remaining ranks.
        let store = MemoryStore()
        var rng = SplitMix(state: 5)
        var all: [Labels] = []
        for i in 0 ..< 1_500 {
            var pairs: [Label] = [Label("__name__", "m\(rng.next() % 3)")]
            for name in ["a", "b", "c", "d", "e", "f", "g"] where rng.next() % 4 != 0 {
                pairs.append(Label(name, "v\(rng.next() % 600)"))
            }
            pairs.append(Label("id", "\(i)"))
            let series = Labels(pairs)
            all.append(series)
            _ = store.append(series, [Sample(timestamp: t0, value: 1)], now: t0)
        }
        #expect(try store.series([], minTime: .min, maxTime: .max) == all.sorted())
        #expect(try store.select([], minTime: .min, maxTime: .max).map(\.labels) == all.sorted())
    }

    @Test func unicodeValuesSortLikeSwiftStrings() throws {
        let store = MemoryStore()
        let values = ["é", "e\u{301}x", "z", "Z", "ä", "a", "日本", "_"]
        for value in values {
            _ = store.append(labels(["__name__": "u", "v": value]), [Sample(timestamp: t0, value: 1)], now: t0)
        }
        let series = try store.series([], minTime: .min, maxTime: .max)
        #expect(series == series.sorted())
        #expect(series.count == values.count)
    }
}
