import Testing
@testable import TSDB

@Suite struct IngestTests {
    let up = labels(["__name__": "up", "job": "api"])

    @Test func appendsInOrderAndCountsAccepted() throws {
        let store = MemoryStore()
        let samples = (0 ..< 5).map { Sample(timestamp: t0 + Int64($0) * 1_000, value: Double($0)) }
        let result = store.append(up, samples, now: t0 + 5_000)
        #expect(result.acceptedSamples == 5)
        #expect(result.createdSeries == 1)
        #expect(result.rejectedSamples == 0)
        #expect(try store.select([.equal("job", "api")], minTime: .min, maxTime: .max).first?.samples == samples)
    }

    @Test func sameTimestampSameBitsIsAcceptedSilentlyAndStoredOnce() throws {
        let store = MemoryStore()
        _ = store.append(up, [Sample(timestamp: t0, value: 1.5)], now: t0)
        let again = store.append(up, [Sample(timestamp: t0, value: 1.5)], now: t0)
        #expect(again.acceptedSamples == 1)
        #expect(again.rejectedSamples == 0)
        #expect(again.createdSeries == 0)
        #expect(store.stats.samples == 1)
    }

    @Test func sameTimestampOtherValueIsDuplicateTimestamp() {
        let store = MemoryStore()
        _ = store.append(up, [Sample(timestamp: t0, value: 1)], now: t0)
        let result = store.append(up, [Sample(timestamp: t0, value: 2)], now: t0)
        #expect(result.rejected == [.duplicateTimestamp: 1])
        #expect(result.examples == [Rejection(seriesIndex: 0, timestamp: t0, reason: .duplicateTimestamp)])
    }

    @Test func nanWithOtherPayloadIsADuplicateNotARepeat() {
        // Identity is by bits: a stale marker is not "the same value" as NaN.
        let store = MemoryStore()
        _ = store.append(up, [Sample(timestamp: t0, value: .nan)], now: t0)
        let result = store.append(up, [Sample(timestamp: t0, value: StaleMarker.value)], now: t0)
        #expect(result.rejected == [.duplicateTimestamp: 1])
    }

    @Test func olderThanNewestIsOutOfOrder() {
        let store = MemoryStore()
        _ = store.append(up, [Sample(timestamp: t0, value: 1)], now: t0)
        let result = store.append(up, [Sample(timestamp: t0 - 1, value: 1), Sample(timestamp: t0 + 1, value: 2)], now: t0)
        #expect(result.rejected == [.outOfOrder: 1])
        #expect(result.acceptedSamples == 1)
    }

    @Test func outOfBoundsSamplesAreRejected() {
        let store = MemoryStore(options: StoreOptions(retention: 60_000, futureTolerance: 10_000))
        let result = store.append(up, [
            Sample(timestamp: t0 - 60_001, value: 1),  // older than now - retention
            Sample(timestamp: t0 - 60_000, value: 2),  // exactly at the edge: kept
            Sample(timestamp: t0 + 10_000, value: 3),  // exactly at tolerance: kept
            Sample(timestamp: t0 + 10_001, value: 4),  // too far ahead
        ], now: t0)
        #expect(result.acceptedSamples == 2)
        #expect(result.rejected == [.tooOld: 1, .tooFarInFuture: 1])
        #expect(result.examples.map(\.reason) == [.tooOld, .tooFarInFuture])
    }

    @Test func seriesWithOnlyOutOfBoundsSamplesIsNotCreated() {
        let store = MemoryStore(options: StoreOptions(retention: 60_000))
        let result = store.append(up, [Sample(timestamp: t0 - 120_000, value: 1)], now: t0)
        #expect(result.createdSeries == 0)
        #expect(result.rejected == [.tooOld: 1])
        #expect(store.stats.activeSeries == 0)
    }

    @Test func staleMarkerIsStoredBitExactly() throws {
        let store = MemoryStore()
        _ = store.append(up, [Sample(timestamp: t0, value: 3), Sample(timestamp: t0 + 15_000, value: StaleMarker.value)], now: t0 + 15_000)
        let samples = try store.select([.equal("__name__", "up")], minTime: .min, maxTime: .max).first?.samples ?? []
        #expect(samples.count == 2)
        #expect(samples.last?.value.bitPattern == 0x7FF0_0000_0000_0002)
        #expect(samples.last?.isStaleMarker == true)
    }

    @Test func seriesLimitRejectsAllSamplesOfNewSeries() {
        let store = MemoryStore(options: StoreOptions(maxActiveSeries: 2))
        let result = withBatch([
            (labels(["__name__": "a"]), [Sample(timestamp: t0, value: 1)]),
            (labels(["__name__": "b"]), [Sample(timestamp: t0, value: 1)]),
            (labels(["__name__": "c"]), [Sample(timestamp: t0, value: 1), Sample(timestamp: t0 + 1, value: 2)]),
        ]) { store.ingest($0, now: t0) }
        #expect(result.createdSeries == 2)
        #expect(result.acceptedSamples == 2)
        #expect(result.rejected == [.seriesLimit: 2])
        #expect(result.examples.allSatisfy { $0.seriesIndex == 2 && $0.reason == .seriesLimit })
        // Existing series still accept samples at the limit.
        #expect(store.append(labels(["__name__": "a"]), [Sample(timestamp: t0 + 1, value: 2)], now: t0).acceptedSamples == 1)
        #expect(store.stats.activeSeries == 2)
    }

    @Test func rawBytesAndSwiftLabelsAreTheSameSeries() throws {
        let store = MemoryStore()
        let series = labels(["__name__": "http_requests_total", "path": "/api/v1/query", "code": "200"])
        let first = withBatch([(series, [Sample(timestamp: t0, value: 1)])]) { store.ingest($0, now: t0) }
        let second = store.append(series, [Sample(timestamp: t0 + 1, value: 2)], now: t0)
        #expect(first.createdSeries == 1)
        #expect(second.createdSeries == 0)
        #expect(store.stats.activeSeries == 1)
        #expect(try store.series([], minTime: .min, maxTime: .max) == [series])
    }

    @Test func emptyLabelValuesAreIgnoredForIdentity() {
        let store = MemoryStore()
        _ = store.append(labels(["__name__": "x", "a": "1"]), [Sample(timestamp: t0, value: 1)], now: t0)
        let result = store.append(labels(["__name__": "x", "a": "1", "b": ""]), [Sample(timestamp: t0 + 1, value: 1)], now: t0)
        #expect(result.createdSeries == 0)
    }

    @Test func sameSeriesTwiceInOneBatchIsOneSeries() {
        let store = MemoryStore()
        let result = withBatch([
            (up, [Sample(timestamp: t0, value: 1)]),
            (up, [Sample(timestamp: t0 + 1, value: 2)]),
        ]) { store.ingest($0, now: t0) }
        #expect(result.createdSeries == 1)
        #expect(result.acceptedSamples == 2)
        #expect(store.stats.samples == 2)
    }

    @Test func examplesAreTheFirstRejectionsInBatchOrder() {
        let store = MemoryStore(options: StoreOptions(retention: 1_000))
        // 30 series with one too-old sample each, spread over all shards.
        let series = (0 ..< 30).map { (labels(["__name__": "m\($0)"]), [Sample(timestamp: t0 - 10_000, value: 1)]) }
        let result = withBatch(series) { store.ingest($0, now: t0) }
        #expect(result.rejected == [.tooOld: 30])
        #expect(result.examples.map(\.seriesIndex) == Array(0 ..< IngestResult.maxExamples))
    }

    @Test func malformedRangesAreSkippedNotTrapped() {
        let store = MemoryStore()
        var batch = IngestBatch()
        batch.series = [IngestSeries(labelStart: 0, labelCount: 3, sampleStart: 0, sampleCount: 1)]
        batch.samples = [Sample(timestamp: t0, value: 1)]
        let result = store.ingest(batch, now: t0)
        #expect(result.acceptedSamples == 0)
        #expect(store.stats.activeSeries == 0)
        #expect(batch.labels(ofSeries: 0) == .empty)
        #expect(batch.labels(ofSeries: 5) == .empty)
    }

    @Test func batchLabelsOfSeriesRebuildsLabels() {
        let series = labels(["__name__": "up", "instance": "10.0.0.1:9100"])
        let rebuilt = withBatch([(up, []), (series, [])]) { $0.labels(ofSeries: 1) }
        #expect(rebuilt == series)
        #expect(rebuilt.description == "up{instance=\"10.0.0.1:9100\"}")
    }

    @Test func wildNowDoesNotTrap() {
        let store = MemoryStore()
        let result = store.append(up, [Sample(timestamp: .max, value: 1), Sample(timestamp: .min, value: 1)], now: .max)
        #expect(result.acceptedSamples == 1)
        #expect(result.rejected == [.tooOld: 1])
    }
}
