import Testing
@testable import TSDB

@Suite struct ChunkCodecTests {
    @Test func edgeValuesRoundTripBitExactly() {
        let specials: [Double] = [
            0, -0.0, 1, -1, .infinity, -.infinity, .nan, Double(bitPattern: 0x7FF8_0000_DEAD_BEEF),
            Double(bitPattern: 0xFFF0_0000_0000_0001), StaleMarker.value, .leastNonzeroMagnitude,
            -.leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
            Double(bitPattern: 0x000F_FFFF_FFFF_FFFF), 0.1, 1e300, -1e-300, 42, 42, 42, StaleMarker.value, 7,
        ]
        let samples = specials.enumerated().map { Sample(timestamp: t0 + Int64($0.offset) * 15_000, value: $0.element) }
        let decoded = roundTrip(samples)
        #expect(decoded.count == samples.count)
        #expect(decoded.map(\.timestamp) == samples.map(\.timestamp))
        #expect(bits(decoded) == bits(samples))
    }

    @Test func randomValuesAndIrregularTimestampsRoundTrip() {
        var rng = SplitMix(state: 7)
        for round in 0 ..< 200 {
            var time = Int64(bitPattern: rng.next() % 4_000_000_000_000) - 1_000_000_000_000
            var samples: [Sample] = []
            for _ in 0 ..< 120 {
                // Gaps exercising every delta-of-delta bucket, including
                // jumps far beyond 20 bits and back.
                let gap: Int64
                switch rng.next() % 8 {
                case 0: gap = 1
                case 1: gap = 15_000
                case 2: gap = 15_000 + Int64(rng.next() % 5)
                case 3: gap = Int64(rng.next() % 70_000) + 1
                case 4: gap = Int64(rng.next() % 600_000) + 1
                case 5: gap = Int64(rng.next() % 100_000_000_000) + 1
                default: gap = 30_000
                }
                time += gap
                let value: Double
                switch rng.next() % 5 {
                case 0: value = Double(bitPattern: rng.next())   // any bits, NaN payloads included
                case 1: value = Double(rng.next() % 1000)
                case 2: value = samples.last?.value ?? 0
                case 3: value = Double(Int64(bitPattern: rng.next() % 2_000_000) - 1_000_000) / 100
                default: value = -Double(rng.next() % 7)
                }
                samples.append(Sample(timestamp: time, value: value))
            }
            let decoded = roundTrip(samples)
            #expect(decoded.map(\.timestamp) == samples.map(\.timestamp), "round \(round)")
            #expect(bits(decoded) == bits(samples), "round \(round)")
        }
    }

    @Test func deltaOfDeltaBucketBoundariesRoundTrip() {
        // Bucket edges of Prometheus's bitRange: ±(2^(n-1) - 1) and 2^(n-1).
        var times: [Int64] = [t0, t0 + 1_000]
        var delta: Int64 = 1_000
        for dod in [Int64(0), 8_192, -8_191, 8_193, -8_192, 65_536, -65_535, 65_537, 524_288, -524_287, 524_289, 1 << 40] {
            delta += dod
            if delta <= 0 { delta = 1 }
            times.append(times[times.count - 1] + delta)
        }
        let samples = times.map { Sample(timestamp: $0, value: 1) }
        #expect(roundTrip(samples).map(\.timestamp) == times)
    }

    @Test func singleSampleAndFirstDeltaRoundTrip() {
        #expect(roundTrip([Sample(timestamp: -5, value: -0.0)]).map(\.value.bitPattern) == [(-0.0).bitPattern])
        let two = [Sample(timestamp: 0, value: 1), Sample(timestamp: 1 << 50, value: 2)]
        #expect(roundTrip(two) == two)
    }

    @Test func checkpointsResumeToTheSameSamples() {
        var samples: [Sample] = []
        var rng = SplitMix(state: 3)
        for i in 0 ..< 120 {
            samples.append(Sample(timestamp: t0 + Int64(i) * 15_000 + Int64(rng.next() % 5), value: Double(rng.next() % 100) / 10))
        }
        let block = Chunk.allocate(capacity: 3_000, older: nil, time: t0)
        defer { block.deallocate() }
        var state = AppenderState()
        for sample in samples { XORChunk.append(block, &state, time: sample.timestamp, value: sample.value.bitPattern) }
        #expect(Chunk.header(block).pointee.checkpoints.fixed?.index == 60)
        // The appender moved the forward slot to sample 100.
        #expect(Chunk.header(block).pointee.checkpoints.cached?.index == 100)
        func decode(from minTime: Int64) -> [Sample] {
            var iterator = XORChunk.iterator(UnsafeRawPointer(block), from: minTime)
            var decoded: [Sample] = []
            while iterator.next() { decoded.append(Sample(timestamp: iterator.time, value: iterator.value)) }
            return decoded
        }
        // Before sample 60's predecessor: from the start; after it: from 60.
        #expect(decode(from: samples[10].timestamp) == samples)
        #expect(decode(from: samples[70].timestamp) == Array(samples[60...]))
        #expect(decode(from: samples[105].timestamp) == Array(samples[100...]))
        #expect(decode(from: samples[99].timestamp) == Array(samples[60...]))
        // A query moves it to sample 110 (state after sample 109).
        var iterator = XORIterator(UnsafeRawPointer(block))
        for _ in 0 ..< 110 { _ = iterator.next() }
        XORChunk.cacheCheckpoint(block, iterator)
        #expect(Chunk.header(block).pointee.checkpoints.cached?.index == 110)
        #expect(decode(from: samples[115].timestamp) == Array(samples[110...]))
        #expect(decode(from: samples[105].timestamp) == Array(samples[60...]))
        // An older position never replaces a newer one.
        var early = XORIterator(UnsafeRawPointer(block))
        for _ in 0 ..< 30 { _ = early.next() }
        XORChunk.cacheCheckpoint(block, early)
        #expect(Chunk.header(block).pointee.checkpoints.cached?.index == 110)
    }

    @Test func repeatedWindowQueriesStayCorrectWithTheQueryCheckpoint() throws {
        let store = MemoryStore()
        let samples = (0 ..< 110).map { Sample(timestamp: t0 + Int64($0) * 15_000, value: Double($0 * $0)) }
        _ = store.append(labels(["__name__": "x"]), samples, now: samples[109].timestamp)
        for start in [100, 104, 90, 30, 100, 0] {
            let window = try store.select([], minTime: samples[start].timestamp, maxTime: .max)
            #expect(window.first?.samples == Array(samples[start...]), "window from \(start)")
        }
        // Appends after a cached checkpoint continue the same stream.
        let more = (110 ..< 118).map { Sample(timestamp: t0 + Int64($0) * 15_000, value: -Double($0)) }
        _ = store.append(labels(["__name__": "x"]), more, now: more[7].timestamp)
        #expect(try store.select([], minTime: samples[105].timestamp, maxTime: .max).first?.samples == Array(samples[105...]) + more)
    }

    @Test func storeRoundTripsAcrossManyChunks() throws {
        let store = MemoryStore(options: StoreOptions(retention: 1 << 50))
        var rng = SplitMix(state: 11)
        var samples: [Sample] = []
        var time = t0
        for _ in 0 ..< 1_000 {
            time += Int64(rng.next() % 30_000) + 1
            samples.append(Sample(timestamp: time, value: Double(bitPattern: rng.next())))
        }
        let series = labels(["__name__": "x"])
        let result = store.append(series, samples, now: time)
        #expect(result.acceptedSamples == 1_000)
        // 1 000 samples = 8 full chunks of 120 + 40 in the head.
        #expect(store.stats.chunks == 9)
        let selected = try store.select([.equal("__name__", "x")], minTime: .min, maxTime: .max)
        #expect(selected.count == 1)
        #expect(selected.first?.samples == samples)
        // A window inside the data returns exactly the samples in it.
        let window = try store.select([.equal("__name__", "x")], minTime: samples[300].timestamp, maxTime: samples[700].timestamp)
        #expect(window.first?.samples == Array(samples[300 ... 700]))
    }
}
