import Testing
@testable import TSDB

@Suite struct StatsTests {
    @Test func statsCountSeriesSamplesChunksAndSymbols() {
        let store = MemoryStore()
        #expect(store.stats.activeSeries == 0)
        for i in 0 ..< 10 {
            let samples = (0 ..< 130).map { Sample(timestamp: t0 + Int64($0) * 1_000, value: Double($0 * i)) }
            _ = store.append(labels(["__name__": "m", "i": "\(i)"]), samples, now: t0 + 130_000)
        }
        let stats = store.stats
        #expect(stats.activeSeries == 10)
        #expect(stats.samples == 1_300)
        // 130 samples per series: one full chunk of 120 and a head of 10.
        #expect(stats.chunks == 20)
        // __name__, m, i and the ten values of i.
        #expect(stats.symbols == 13)
        #expect(stats.acceptedSamplesTotal == 1_300)
        #expect(stats.createdSeriesTotal == 10)
    }

    @Test func memoryEstimateGrowsWithSeriesAndStaysPlausible() {
        // Few shards, so per-shard slack (arena pages, table sizes) stays small.
        let store = MemoryStore(options: StoreOptions(shardCount: 4))
        let empty = store.stats.memoryBytes
        for i in 0 ..< 5_000 {
            let samples = (0 ..< 120).map { Sample(timestamp: t0 + Int64($0) * 15_000, value: Double($0 % 3)) }
            _ = store.append(labels(["__name__": "m", "i": "\(i)", "job": "j\(i % 10)"]), samples, now: t0 + 1_800_000)
        }
        let perSeries = (store.stats.memoryBytes - empty) / 5_000
        // 3 labels and 120 samples cycling 0, 1, 2 (~20 bits each): a chunk of
        // ~72 B header + ~300 B stream, plus record, tables, labels, postings.
        #expect(perSeries > 400)
        #expect(perSeries < 800)
    }

    @Test func shardCountIsRoundedToAPowerOfTwo() {
        #expect(StoreOptions(shardCount: 48).shardBits == 6)
        #expect(StoreOptions(shardCount: 1).shardBits == 0)
        #expect(StoreOptions(shardCount: 0).shardBits == 0)
        #expect(StoreOptions(shardCount: 1 << 20).shardBits == 10)
        let single = MemoryStore(options: StoreOptions(shardCount: 1))
        #expect(single.append(labels(["__name__": "x"]), [Sample(timestamp: t0, value: 1)], now: t0).createdSeries == 1)
    }
}
