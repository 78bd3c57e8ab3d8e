import Testing
@testable import TSDB

@Suite struct ConcurrencyTests {
    @Test func concurrentWritersAndReadersEndConsistent() async throws {
        let store = MemoryStore(options: StoreOptions(shardCount: 8))
        let writers = 4
        let seriesPerWriter = 300
        let rounds = 40
        await withTaskGroup(of: Int.self) { group in
            for writer in 0 ..< writers {
                group.addTask {
                    var accepted = 0
                    for round in 0 ..< rounds {
                        // Each writer owns its series; all share the "shared" series
                        // name label values so symbols and postings are contended.
                        let batch = (0 ..< seriesPerWriter).map { i in
                            (labels(["__name__": "load", "writer": "\(writer)", "i": "\(i)", "shared": "yes"]),
                             [Sample(timestamp: t0 + Int64(round) * 1_000, value: Double(round))])
                        }
                        accepted += withBatch(batch) { store.ingest($0, now: t0 + Int64(round) * 1_000) }.acceptedSamples
                    }
                    return accepted
                }
            }
            for _ in 0 ..< 2 {
                group.addTask {
                    var reads = 0
                    for _ in 0 ..< 30 {
                        let selected = (try? store.select([.equal("shared", "yes")], minTime: .min, maxTime: .max)) ?? []
                        // Every series seen is complete: samples ascending, labels intact.
                        for series in selected {
                            let times = series.samples.map(\.timestamp)
                            if times != times.sorted() || series.labels.count != 4 { return -1_000_000 }
                        }
                        reads += 1
                    }
                    return 0
                }
            }
            var total = 0
            for await value in group { total += value }
            #expect(total == writers * seriesPerWriter * rounds)
        }
        let stats = store.stats
        #expect(stats.activeSeries == writers * seriesPerWriter)
        #expect(stats.samples == writers * seriesPerWriter * rounds)
        let selected = try store.select([.equal("__name__", "load")], minTime: .min, maxTime: .max)
        #expect(selected.count == 1_200)
        #expect(selected.allSatisfy { $0.samples.count == rounds })
    }

    @Test func concurrentCreationOfTheSameSeriesCreatesItOnce() async throws {
        let store = MemoryStore()
        await withTaskGroup(of: Int.self) { group in
            for task in 0 ..< 8 {
                group.addTask {
                    let batch = (0 ..< 200).map { i in
                        (labels(["__name__": "same", "i": "\(i)"]), [Sample(timestamp: t0 + Int64(task), value: 1)])
                    }
                    return withBatch(batch) { store.ingest($0, now: t0) }.createdSeries
                }
            }
            var created = 0
            for await value in group { created += value }
            #expect(created == 200)
        }
        #expect(store.stats.activeSeries == 200)
        #expect(try store.series([.equal("__name__", "same")], minTime: .min, maxTime: .max).count == 200)
    }

    @Test func retentionRacingIngestKeepsPostingsConsistent() async throws {
        let store = MemoryStore(options: StoreOptions(retention: 5_000))
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for round in 0 ..< 100 {
                    let now = t0 + Int64(round) * 1_000
                    let batch = (0 ..< 100).map { i in
                        (labels(["__name__": "churn", "pod": "p\(round)-\(i % 20)"]), [Sample(timestamp: now, value: 1)])
                    }
                    _ = withBatch(batch) { store.ingest($0, now: now) }
                }
            }
            group.addTask {
                for round in 0 ..< 100 { _ = store.applyRetention(now: t0 + Int64(round) * 1_000) }
            }
        }
        _ = store.applyRetention(now: t0 + 99_000)
        // After a final pass only pods from rounds 94...99 can be left, and the
        // index must agree with the shards exactly.
        let series = try store.series([], minTime: .min, maxTime: .max)
        let pods = try store.labelValues("pod", [], minTime: .min, maxTime: .max)
        #expect(series.count == store.stats.activeSeries)
        #expect(pods.count == series.count)
        #expect(series.count == 6 * 20)
    }
}
