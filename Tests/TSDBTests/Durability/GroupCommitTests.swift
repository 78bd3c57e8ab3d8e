import Testing
@testable import TSDB

@Suite struct GroupCommitTests {
    @Test("fsync always: a deferred batch names its position; waiting makes it durable and concurrent waiters share fsyncs")
    func deferredSyncIsShared() async throws {
        let path = temporaryDirectory()
        defer { removeDirectory(path) }
        let (store, storage, _) = try openStore(path, fsync: .always)
        defer { storage.close() }
        let rounds = workload(seriesCount: 20, rounds: 60)
        let positions = rounds.map { round in
            withBatch(round) { store.ingest($0, now: t0, deferringSync: true) }.syncPosition
        }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(storage.stats.fsyncs == 0, "nothing synced before anyone waits")
        let failures = await withTaskGroup(of: StorageError?.self) { group in
            for position in positions.compactMap({ $0 }) {
                group.addTask { await store.waitSynced(upTo: position) }
            }
            var failures = 0
            for await failure in group where failure != nil { failures += 1 }
            return failures
        }
        #expect(failures == 0)
        let fsyncs = storage.stats.fsyncs
        #expect(fsyncs >= 1)
        #expect(fsyncs < positions.count / 2, "\(fsyncs) fsyncs for \(positions.count) waiters")
        // Already durable: answered without another fsync.
        #expect(await store.waitSynced(upTo: positions.last.flatMap { $0 } ?? 0) == nil)
        #expect(storage.stats.fsyncs == fsyncs)
        // The plain call still syncs before returning.
        _ = withBatch([(labels(["__name__": "late"]), [Sample(timestamp: t0 - 1_000, value: 1)])]) { store.ingest($0, now: t0) }
        #expect(storage.stats.fsyncs == fsyncs + 1)
    }
}
