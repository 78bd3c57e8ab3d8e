#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import TSDB

@Suite struct RecoveryTests {
    @Test("a crash without checkpoint loses nothing acknowledged: WAL replay restores every sample and metadata")
    func walReplayRestoresEverything() throws {
        let path = temporaryDirectory()
        defer { removeDirectory(path) }
        let metadata = MetricMetadata(metricFamilyName: "requests_total", type: .counter, help: "Requests.", unit: "")
        let before: [String: [Sample]]
        do {
            let (store, storage, _) = try openStore(path)
            let results = ingest(store, workload(seriesCount: 300, rounds: 12))
            #expect(results.allSatisfy { $0.storageError == nil })
            _ = store.append(labels(["__name__": "recorded:rate", "job": "x"]), [Sample(timestamp: t0 - 1_000, value: 0.25)], now: t0)
            store.setMetadata([metadata])
            before = try contents(store)
            storage.close() // as if killed: no checkpoint
        }
        let (store, storage, report) = try openStore(path)
        defer { storage.close() }
        #expect(report.checkpoint == nil)
        #expect(report.series == 301)
        #expect(report.repairs.isEmpty)
        #expect(try contents(store) == before)
        #expect(store.metadata(metric: "requests_total", limit: nil)["requests_total"] == [metadata])
        #expect(store.stats.activeSeries == 301)
    }

    @Test("value differences restart with every segment: many small segments and a checkpoint replay exactly")
    func valuesAcrossSegments() throws {
        let path = temporaryDirectory()
        defer { removeDirectory(path) }
        let rounds = workload(seriesCount: 120, rounds: 30)
        let before: [String: [Sample]]
        do {
            let (store, storage, _) = try openStore(path, segmentBytes: 1024)
            _ = ingest(store, Array(rounds.prefix(12)))
            _ = try storage.checkpoint()
            _ = ingest(store, Array(rounds.dropFirst(12)))
            #expect(try segmentFiles(path).count > 5)
            before = try contents(store)
            storage.close()
        }
        let (store, storage, report) = try openStore(path, segmentBytes: 1024)
        defer { storage.close() }
        #expect(report.repairs.isEmpty)
        #expect(report.checkpointSamples == 120 * 12)
        #expect(report.appliedSamples == 120 * 18)
        #expect(try contents(store) == before)
    }

    @Test("a checkpoint names each string once; restored symbols are counted right and freed with their series")
    func checkpointSymbolReferences() throws {
        let path = temporaryDirectory()
        defer { removeDirectory(path) }
        do {
            let (store, storage, _) = try openStore(path)
            // Old series share strings with new ones ("pod-1", "requests_total").
            _ = ingest(store, workload(seriesCount: 50, rounds: 2, start: t0 - 7_200_000), now: t0 - 7_000_000)
            _ = ingest(store, workload(seriesCount: 30, rounds: 3, start: t0 - 60_000, seed: 2))
            #expect(store.stats.activeSeries == 50)
            _ = try storage.checkpoint()
            storage.close()
        }
        let (store, storage, report) = try openStore(path)
        defer { storage.close() }
        // The 20 series only in the old rounds are outside retention now.
        #expect(report.series == 30)
        #expect(store.stats.activeSeries == 30)
        // requests_total, pod-0…pod-29, 200, 500 and the three names.
        #expect(store.stats.symbols == 1 + 30 + 2 + 3)
        #expect(try store.select([.equal("pod", "pod-7")], minTime: .min, maxTime: .max).count == 1)
        // Every reference taken at load is given back: with the series gone, so are the symbols.
        _ = store.applyRetention(now: t0 + 7_200_000)
        #expect(store.stats.activeSeries == 0)
        #expect(store.stats.symbols == 0)
    }

    @Test("a checkpoint is due once the WAL since the last one outgrows the threshold and that checkpoint")
    func checkpointDueBySize() throws {
        let path = temporaryDirectory()
        defer { removeDirectory(path) }
        let rounds = workload(seriesCount: 400, rounds: 20)
        do {
            let (store, storage, _) = try openStore(path)
            #expect(!storage.checkpointDue(threshold: 4096))
            _ = ingest(store, Array(rounds.prefix(10)))
            let walBytes = storage.walBytesSinceCheckpoint
            #expect(walBytes > 4096)
            #expect(storage.checkpointDue(threshold: 4096))
            #expect(!storage.checkpointDue(threshold: walBytes))
            #expect(!storage.checkpointDue(threshold: 0), "0 turns size-based checkpoints off")
            let checkpoint = try storage.checkpoint()
            #expect(storage.walBytesSinceCheckpoint == 0)
            #expect(!storage.checkpointDue(threshold: 4096))
            // The next one waits until the WAL is larger than this checkpoint too.
            _ = ingest(store, Array(rounds.dropFirst(10).prefix(3)))
            #expect(storage.walBytesSinceCheckpoint > 4096)
            #expect(storage.checkpointDue(threshold: 4096) == (storage.walBytesSinceCheckpoint > checkpoint.bytes))
            storage.close()
        }
        // After a restart the replayed WAL still counts.
        let (_, storage, report) = try openStore(path)
        defer { storage.close() }
        #expect(report.bytes > 0)
        #expect(storage.walBytesSinceCheckpoint == report.bytes)
    }

    @Test("a checkpoint in the format of earlier builds (labels in full) still loads")
    func versionOneCheckpoint() throws {
        let path = temporaryDirectory()
        defer { removeDirectory(path) }
        let before: [String: [Sample]]
        do {
            let (store, storage, _) = try openStore(path)
            _ = ingest(store, workload(seriesCount: 60, rounds: 8))
            before = try contents(store)
            storage.close()
            // What the previous build's shutdown left: a version 1 checkpoint and no WAL.
            _ = try Checkpoint.write(store, to: WALSegments.checkpointPath(path, 99), format: 1)
            for segment in try segmentFiles(path) { FileIO.remove(segment) }
        }
        let (store, storage, report) = try openStore(path)
        defer { storage.close() }
        #expect(report.repairs.isEmpty)
        #expect(report.checkpointSamples == 60 * 8)
        #expect(try contents(store) == before)
        _ = store.applyRetention(now: t0 + 7_200_000)
        #expect(store.stats.symbols == 0, "every label string's references were given back")
    }

    @Test("checkpoint plus later WAL restores both; covered segments are deleted")
    func checkpointThenWAL() throws {
        let path = temporaryDirectory()
        defer { removeDirectory(path) }
        let rounds = workload(seriesCount: 200, rounds: 10)
        let before: [String: [Sample]]
        do {
            let (store, storage, _) = try openStore(path)
            _ = ingest(store, Array(rounds.prefix(6)))
            let report = try storage.checkpoint()
            #expect(report.series == 200)
            #expect(try segmentFiles(path).count == 1) // only the one opened by the cut
            _ = ingest(store, Array(rounds.dropFirst(6)))
            // A new series after the checkpoint, created in the WAL only.
            _ = store.append(labels(["__name__": "late", "a": "b"]), [Sample(timestamp: t0, value: 9)], now: t0)
            before = try contents(store)
            storage.close()
        }
        let (store, storage, report) = try openStore(path)
        defer { storage.close() }
        #expect(report.checkpoint != nil)
        #expect(report.checkpointSamples == 200 * 6)
        #expect(try contents(store) == before)
        // Restored series keep their ids, so new series still get fresh ones.
        _ = store.append(labels(["__name__": "after", "a": "b"]), [Sample(timestamp: t0, value: 1)], now: t0)
        #expect(store.stats.activeSeries == 202)
        #expect(try store.select([.equal("__name__", "after")], minTime: .min, maxTime: .max).count == 1)
    }

    @Test("a checkpoint taken while writes continue replays without losses or duplicates")
    func checkpointUnderConcurrentWrites() async throws {
        let path = temporaryDirectory()
        defer { removeDirectory(path) }
        let rounds = workload(seriesCount: 100, rounds: 40)
        let before: [String: [Sample]]
        do {
            let (store, storage, _) = try openStore(path)
            let writer = Task.detached { for round in rounds { _ = withBatch(round) { store.ingest($0, now: t0) } } }
            for _ in 0 ..< 5 { _ = try storage.checkpoint() }
            await writer.value
            before = try contents(store)
            storage.close()
        }
        let (store, storage, _) = try openStore(path)
        defer { storage.close() }
        #expect(try contents(store) == before)
        #expect(before.values.reduce(0) { $0 + $1.count } == 100 * 40)
    }

    @Test("a torn last record is cut off; everything before it is restored and the file is repaired")
    func tornTailIsRepaired() throws {
        let path = temporaryDirectory()
        defer { removeDirectory(path) }
        let rounds = workload(seriesCount: 50, rounds: 5)
        let expected: [String: [Sample]]
        do {
            let (store, storage, _) = try openStore(path)
            _ = ingest(store, Array(rounds.prefix(4)))
            expected = try contents(store)
            _ = ingest(store, [rounds[4]])
            storage.close()
        }
        guard let segment = try segmentFiles(path).last else { Issue.record("no segment"); return }
        let size = try FileIO.read(segment).count
        #expect(truncate(segment, off_t(size - 7)) == 0)
        let (store, storage, report) = try openStore(path)
        defer { storage.close() }
        #expect(report.repairs.count == 1)
        #expect(report.repairs.first?.contains("torn record") == true)
        #expect(try contents(store) == expected)
        // Repaired on disk: a second restart finds no damage.
        storage.close()
        let (again, againStorage, againReport) = try openStore(path)
        defer { againStorage.close() }
        #expect(againReport.repairs.isEmpty)
        #expect(try contents(again) == expected)
    }

    @Test("a flipped byte drops the rest of its segment only; later segments still replay")
    func flippedByteInEarlierSegment() throws {
        let path = temporaryDirectory()
        defer { removeDirectory(path) }
        let rounds = workload(seriesCount: 40, rounds: 6)
        do {
            let (store, storage, _) = try openStore(path)
            _ = ingest(store, Array(rounds.prefix(3)))
            storage.close()
        }
        do {
            let (store, storage, _) = try openStore(path)
            _ = ingest(store, Array(rounds.dropFirst(3)))
            storage.close()
        }
        let segments = try segmentFiles(path)
        #expect(segments.count == 2)
        var first = try FileIO.read(segments[0])
        let lastRecordStart = first.count - 200
        first[lastRecordStart] ^= 0xFF
        let fd = open(segments[0], O_WRONLY | O_TRUNC)
        _ = first.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        let (store, storage, report) = try openStore(path)
        defer { storage.close() }
        #expect(report.repairs.count == 1)
        #expect(report.droppedBytes > 0)
        // Rounds 3–5 (second segment) are all there.
        let restored = try contents(store)
        let total = restored.values.reduce(0) { $0 + $1.filter { $0.timestamp >= rounds[3][0].1[0].timestamp }.count }
        #expect(total == 40 * 3)
    }

    @Test("a sample refused as too far in the future does not come back when replay runs later")
    func futureSampleStaysRefused() throws {
        let path = temporaryDirectory()
        defer { removeDirectory(path) }
        let series = labels(["__name__": "probe", "a": "1"])
        do {
            let (store, storage, _) = try openStore(path)
            _ = store.append(series, [Sample(timestamp: t0 - 1_000, value: 1)], now: t0)
            let refused = store.append(series, [Sample(timestamp: t0 + 603_000, value: 2)], now: t0)
            #expect(refused.rejected == [.tooFarInFuture: 1])
            storage.close()
        }
        // Restart 11 minutes later: the refused timestamp is no longer in the future.
        let later = t0 + 660_000
        let (store, storage, _) = try openStore(path, now: later)
        defer { storage.close() }
        #expect(try contents(store)[series.description] == [Sample(timestamp: t0 - 1_000, value: 1)])
        let current = store.append(series, [Sample(timestamp: later, value: 3)], now: later)
        #expect(current.acceptedSamples == 1)
    }

    @Test("a second process on the same directory is refused with the owner's pid")
    func lockRefusesSecondOwner() throws {
        let path = temporaryDirectory()
        defer { removeDirectory(path) }
        let (_, storage, _) = try openStore(path)
        defer { storage.close() }
        do {
            _ = try DurableStorage(path: path, store: MemoryStore())
            Issue.record("second open succeeded")
        } catch {
            #expect(error.description.contains("in use by another agent360 process (pid \(getpid()))"))
        }
    }

    @Test("writes during replay are refused, not silently logged out of order")
    func writesWaitForReplay() throws {
        let path = temporaryDirectory()
        defer { removeDirectory(path) }
        let store = MemoryStore()
        let storage = try DurableStorage(path: path, store: store)
        defer { storage.close() }
        let refused = store.append(labels(["__name__": "x"]), [Sample(timestamp: t0, value: 1)], now: t0)
        #expect(refused.storageError == .replaying)
        _ = try storage.replay(now: t0)
        let accepted = store.append(labels(["__name__": "x"]), [Sample(timestamp: t0, value: 1)], now: t0)
        #expect(accepted.storageError == nil)
        #expect(accepted.acceptedSamples == 1)
    }

    @Test("a series removed by retention and created again replays as one series")
    func recreatedSeriesReplaysOnce() throws {
        let path = temporaryDirectory()
        defer { removeDirectory(path) }
        let series = labels(["__name__": "flappy", "pod": "a"])
        let expected: [String: [Sample]]
        do {
            let (store, storage, _) = try openStore(path, retention: 60_000)
            _ = store.append(series, [Sample(timestamp: t0, value: 1)], now: t0)
            _ = store.applyRetention(now: t0 + 200_000)
            #expect(store.stats.activeSeries == 0)
            _ = store.append(series, [Sample(timestamp: t0 + 200_000, value: 2)], now: t0 + 200_000)
            expected = try contents(store)
            storage.close()
        }
        let (store, storage, _) = try openStore(path, retention: 60_000, now: t0 + 200_000)
        defer { storage.close() }
        #expect(try contents(store) == expected)
        #expect(store.stats.activeSeries == 1)
    }
}
