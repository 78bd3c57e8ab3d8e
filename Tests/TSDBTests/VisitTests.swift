import Testing
@testable import TSDB

/// A querier with only `select`: gets the protocol's default `visitSeries`.
private struct SelectOnly: SeriesQuerier {
    let store: MemoryStore
    func select(_ matchers: [LabelMatcher], minTime: Int64, maxTime: Int64) throws -> [SelectedSeries] {
        try store.select(matchers, minTime: minTime, maxTime: maxTime)
    }
    func series(_ matchers: [LabelMatcher], minTime: Int64, maxTime: Int64) throws -> [Labels] {
        try store.series(matchers, minTime: minTime, maxTime: maxTime)
    }
    func labelNames(_ matchers: [LabelMatcher], minTime: Int64, maxTime: Int64) throws -> [String] {
        try store.labelNames(matchers, minTime: minTime, maxTime: maxTime)
    }
    func labelValues(_ name: String, _ matchers: [LabelMatcher], minTime: Int64, maxTime: Int64) throws -> [String] {
        try store.labelValues(name, matchers, minTime: minTime, maxTime: maxTime)
    }
}

/// What a visit lent, copied out.
private struct Visited: Equatable {
    var id: UInt64
    var labels: Labels
    var samples: [Sample]
}

private func visitAll(
    _ querier: some SeriesQuerier, _ matchers: [LabelMatcher], _ minTime: Int64, _ maxTime: Int64,
    _ selection: SampleSelection = .all
) throws -> [Visited] {
    var visited: [Visited] = []
    try querier.visitSeries(matchers, minTime: minTime, maxTime: maxTime, samples: selection) { series in
        visited.append(Visited(id: series.seriesID, labels: series.labels, samples: Array(series.samples)))
    }
    return visited
}

/// 300 series over 40 minutes at irregular intervals (several chunks each),
/// some starting late or ending early, with stale markers and NaNs.
private func randomStore(shards: Int = 16) -> MemoryStore {
    let store = MemoryStore(options: StoreOptions(retention: 1 << 40, shardCount: shards))
    var rng = SplitMix(state: 99)
    for i in 0 ..< 300 {
        var samples: [Sample] = []
        var time = t0 + Int64(rng.next() % 600_000)
        let end = t0 + 2_400_000 - Int64(rng.next() % 600_000)
        var value = Double(rng.next() % 100)
        while time < end {
            switch rng.next() % 50 {
            case 0: value = StaleMarker.value
            case 1: value = .nan
            default: value = (value.isNaN ? 0 : value) + Double(rng.next() % 10) / 4
            }
            samples.append(Sample(timestamp: time, value: value))
            time += 1_000 + Int64(rng.next() % 20_000)
        }
        let pairs: [Label] = [
            Label("__name__", i % 3 == 0 ? "up" : "req"), Label("job", "job-\(i % 7)"), Label("pod", "pod-\(i)"),
        ] + (i % 5 == 0 ? [Label("code", "\(200 + i % 4 * 100)")] : [])
        _ = store.append(Labels(pairs), samples, now: t0 + 2_400_000)
    }
    return store
}

@Suite struct VisitTests {
    @Test func visitLendsWhatSelectReturnsForRandomRangesAndMatchers() throws {
        let store = randomStore()
        var rng = SplitMix(state: 7)
        let matcherSets: [[LabelMatcher]] = [
            [.equal("__name__", "req")], [], [try LabelMatcher(.regexMatch, "job", "job-[1-3]")],
            [.notEqual("code", "")], [.equal("code", "")], [.equal("pod", "pod-17")], [.equal("pod", "none")],
        ]
        for _ in 0 ..< 60 {
            let minTime = t0 - 60_000 + Int64(rng.next() % 2_500_000)
            let maxTime = minTime + Int64(rng.next() % 900_000)
            let matchers = matcherSets[Int(rng.next() % UInt64(matcherSets.count))]
            let selected = try store.select(matchers, minTime: minTime, maxTime: maxTime)
            let visited = try visitAll(store, matchers, minTime, maxTime)
            // Same series and samples (bit for bit), in another order.
            let expected = Dictionary(uniqueKeysWithValues: selected.map { ($0.labels, $0.samples) })
            let actual = Dictionary(uniqueKeysWithValues: visited.map { ($0.labels, $0.samples) })
            #expect(actual == expected)
            #expect(visited.allSatisfy { $0.samples.allSatisfy { $0.timestamp >= minTime && $0.timestamp <= maxTime } })
            // The newest-only selection lends each series' last sample in range.
            let newest = try visitAll(store, matchers, minTime, maxTime, .newest)
            #expect(Dictionary(uniqueKeysWithValues: newest.map { ($0.labels, $0.samples) })
                == expected.mapValues { [$0[$0.count - 1]] })
        }
    }

    @Test func newestSampleIsFoundAtEveryEndTimeAcrossChunks() throws {
        // 500 samples (5 chunks, checkpoints inside each); windows ending on,
        // just before and just after every sample.
        let store = MemoryStore(options: StoreOptions(retention: 1 << 40))
        let samples = (0 ..< 500).map { Sample(timestamp: t0 + Int64($0) * 1_000 + Int64($0 % 3), value: Double($0 * $0)) }
        _ = store.append(labels(["__name__": "a"]), samples, now: t0)
        for (index, sample) in samples.enumerated() {
            for end in [sample.timestamp - 1, sample.timestamp, sample.timestamp + 1] {
                let newest = try visitAll(store, [], end - 2_500, end, .newest)
                let expected = samples.last { $0.timestamp <= end && $0.timestamp >= end - 2_500 }
                #expect(newest.first?.samples == expected.map { [$0] }, "index \(index), end \(end)")
            }
        }
    }

    @Test func oneShardVisitsInCreationOrder() throws {
        let store = MemoryStore(options: StoreOptions(shardCount: 1))
        let names = ["m", "b", "z", "a"]
        for name in names {
            _ = store.append(labels(["__name__": name]), [Sample(timestamp: t0, value: 1)], now: t0)
        }
        let visited = try visitAll(store, [], t0, t0)
        #expect(visited.map { $0.labels.metricName } == names)
        #expect(visited.map(\.id) == visited.map(\.id).sorted())
    }

    @Test func seriesGoByShardThenByID() throws {
        let store = randomStore(shards: 8)
        let visited = try visitAll(store, [], t0 - 1_000_000, t0 + 3_000_000)
        #expect(visited.count == 300)
        let mask = store.shardMask
        let keys = visited.map { (shard: $0.id & UInt64(mask), id: $0.id) }
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0.shard < $1.shard || ($0.shard == $1.shard && $0.id < $1.id) })
        // Ids are stable: a second visit lends the same ids for the same series.
        let again = try visitAll(store, [], t0 - 1_000_000, t0 + 3_000_000)
        #expect(again == visited)
    }

    @Test func labelsAreResolvedLazilyAndIDsIdentifyStrings() throws {
        let store = MemoryStore()
        _ = store.append(labels(["__name__": "req", "job": "api", "code": "500"]), [Sample(timestamp: t0, value: 1)], now: t0)
        _ = store.append(labels(["__name__": "req", "job": "web"]), [Sample(timestamp: t0, value: 2)], now: t0)
        _ = store.append(labels(["__name__": "req", "job": "api", "code": "200"]), [Sample(timestamp: t0, value: 3)], now: t0)
        var jobIDs: [Double: UInt32] = [:]
        var codes: [Double: String?] = [:]
        var nameIDs: Set<UInt32> = []
        try store.visitSeries([.equal("__name__", "req")], minTime: t0, maxTime: t0) { series in
            let value = series.samples[0].value
            jobIDs[value] = series.valueID(ofLabel: "job")
            codes[value] = series.value(ofLabel: "code")
            #expect(series.labelCount == series.labels.count)
            #expect(series.value(ofLabel: "nope") == nil)
            // Pairs are sorted by name; the first is `__name__`.
            #expect(series.string(forLabelID: series.labelIDs[0]) == "__name__")
            #expect(series.string(forLabelID: series.labelIDs[1]) == "req")
            nameIDs.insert(series.labelIDs[1])
        }
        #expect(codes == [1: "500", 2: nil, 3: "200"])
        // Equal strings share an id within the call, different ones do not.
        #expect(jobIDs[1] == jobIDs[3] && jobIDs[1] != jobIDs[2])
        #expect(nameIDs.count == 1)
    }

    @Test func scratchBufferIsReusedWithoutLeakingSamplesBetweenSeries() throws {
        // A long series, then short ones: each lends exactly its own samples.
        let store = MemoryStore(options: StoreOptions(retention: 1 << 40, shardCount: 1))
        let long = (0 ..< 2_000).map { Sample(timestamp: t0 + Int64($0) * 1_000, value: Double($0)) }
        _ = store.append(labels(["__name__": "a", "i": "0"]), long, now: t0 + 2_000_000)
        for i in 1 ... 3 {
            _ = store.append(labels(["__name__": "a", "i": "\(i)"]), [Sample(timestamp: t0 + Int64(i) * 1_000, value: -Double(i))], now: t0)
        }
        var addresses: Set<UnsafePointer<Sample>?> = []
        var lent: [[Sample]] = []
        try store.visitSeries([], minTime: t0, maxTime: t0 + 10_000_000) { series in
            addresses.insert(series.samples.baseAddress)
            lent.append(Array(series.samples))
        }
        #expect(lent == [long] + (1 ... 3).map { [Sample(timestamp: t0 + Int64($0) * 1_000, value: -Double($0))] })
        #expect(addresses.count == 1) // one buffer for every series
    }

    @Test func emptyAndInvertedRangesVisitNothing() throws {
        let store = randomStore()
        #expect(try visitAll(store, [], t0 + 10, t0).isEmpty)
        #expect(try visitAll(store, [], t0 - 10_000_000, t0 - 1).isEmpty)
        #expect(try visitAll(store, [.equal("__name__", "missing")], t0, t0 + 3_000_000).isEmpty)
    }

    @Test func visitorErrorsStopTheVisitAndPropagate() throws {
        struct Stop: Error {}
        let store = randomStore()
        var seen = 0
        #expect(throws: Stop.self) {
            try store.visitSeries([], minTime: t0, maxTime: t0 + 3_000_000) { _ in
                seen += 1
                if seen == 5 { throw Stop() }
            }
        }
        #expect(seen == 5)
        // The shard lock was released: the store still works.
        #expect(try !store.select([], minTime: t0, maxTime: t0 + 3_000_000).isEmpty)
    }

    @Test func defaultImplementationMatchesTheStore() throws {
        let store = randomStore()
        let other = SelectOnly(store: store)
        for (minTime, maxTime) in [(t0, t0 + 600_000), (t0 + 1_000_000, t0 + 1_060_000), (t0 - 5, t0 + 9_999_999)] {
            for selection in [SampleSelection.all, .newest] {
                let streamed = try visitAll(store, [.equal("__name__", "req")], minTime, maxTime, selection)
                let fallback = try visitAll(other, [.equal("__name__", "req")], minTime, maxTime, selection)
                #expect(Dictionary(uniqueKeysWithValues: fallback.map { ($0.labels, $0.samples) })
                    == Dictionary(uniqueKeysWithValues: streamed.map { ($0.labels, $0.samples) }))
                // The fallback goes in select's (label) order, numbering series from 0.
                #expect(fallback.map(\.labels) == fallback.map(\.labels).sorted())
                #expect(fallback.map(\.id) == (0 ..< UInt64(fallback.count)).map { $0 })
            }
        }
        var ids: [String: UInt32] = [:]
        try other.visitSeries([], minTime: t0, maxTime: t0 + 3_000_000) { series in
            let job = series.value(ofLabel: "job") ?? ""
            if let id = series.valueID(ofLabel: "job") {
                #expect(ids[job, default: id] == id)
                ids[job] = id
            }
        }
        #expect(ids.count == 7)
    }

    @Test func visitsRacingIngestAndRetentionStayConsistent() async throws {
        // Pods churn (symbols are freed and their ids reused) while visits
        // run: every visit must lend sorted, in-range samples and label ids
        // that mean one string each within the call.
        let store = MemoryStore(options: StoreOptions(retention: 5_000, shardCount: 4))
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for round in 0 ..< 100 {
                    let now = t0 + Int64(round) * 1_000
                    let batch = (0 ..< 100).map { i in
                        (labels(["__name__": "churn", "pod": "p\(round)-\(i % 20)", "i": "\(i)"]),
                         [Sample(timestamp: now, value: Double(i))])
                    }
                    _ = withBatch(batch) { store.ingest($0, now: now) }
                    _ = store.applyRetention(now: now)
                }
            }
            group.addTask {
                for _ in 0 ..< 200 {
                    var strings: [UInt32: String] = [:]
                    var consistent = true
                    var ordered = true
                    try? store.visitSeries([.equal("__name__", "churn")], minTime: t0, maxTime: t0 + 100_000) { series in
                        ordered = ordered && zip(series.samples, series.samples.dropFirst()).allSatisfy { $0.timestamp < $1.timestamp }
                        for id in series.labelIDs {
                            let text = series.string(forLabelID: id)
                            if strings[id, default: text] != text { consistent = false }
                            strings[id] = text
                        }
                        if series.value(ofLabel: "i").flatMap(Double.init) != series.samples.last?.value { consistent = false }
                    }
                    #expect(consistent && ordered)
                }
            }
        }
    }
}
