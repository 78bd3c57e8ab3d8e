#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import TSDB

/// A fresh directory under /tmp for one test.
func temporaryDirectory() -> String {
    var template = Array("/tmp/agent360-tsdb-XXXXXX".utf8CString)
    return template.withUnsafeMutableBufferPointer { buffer in
        guard let base = buffer.baseAddress, let made = mkdtemp(base) else { return "/tmp/agent360-tsdb-fallback" }
        return String(cString: made)
    }
}

func removeDirectory(_ path: String) {
    _ = path.withCString { system("rm -rf '\(String(cString: $0))'") }
}

/// A store attached to `path`, replayed and logging.
func openStore(
    _ path: String, retention: Int64 = 3_600_000, now: Int64 = t0, segmentBytes: Int = 128 << 20, fsync: FsyncPolicy = .periodic
) throws -> (MemoryStore, DurableStorage, ReplayReport) {
    let store = MemoryStore(options: StoreOptions(retention: retention, shardCount: 8))
    let storage = try DurableStorage(path: path, store: store, options: DurabilityOptions(fsync: fsync, segmentBytes: segmentBytes))
    let report = try storage.replay(now: now)
    return (store, storage, report)
}

/// Every series with every sample, sorted by labels: what must survive.
func contents(_ store: MemoryStore) throws -> [String: [Sample]] {
    var result: [String: [Sample]] = [:]
    for series in try store.select([.notEqual("__name__", "")], minTime: .min, maxTime: .max) {
        result[series.labels.description] = series.samples
    }
    return result
}

/// A deterministic workload: `seriesCount` series, `rounds` samples each,
/// integer and fractional values, a stale marker in the last round of every
/// seventh series.
func workload(seriesCount: Int, rounds: Int, start: Int64 = t0 - 600_000, seed: UInt64 = 1) -> [[(Labels, [Sample])]] {
    var generator = SplitMix(state: seed)
    return (0 ..< rounds).map { round in
        (0 ..< seriesCount).map { index in
            let labels = labels(["__name__": "requests_total", "pod": "pod-\(index)", "code": index % 3 == 0 ? "500" : "200"])
            var value = Double(round * 10 + index)
            if index % 2 == 1 { value += Double(generator.next() % 1000) / 1000 }
            if round == rounds - 1 && index % 7 == 0 { value = StaleMarker.value }
            return (labels, [Sample(timestamp: start + Int64(round) * 15_000 + Int64(index % 5), value: value)])
        }
    }
}

func ingest(_ store: MemoryStore, _ rounds: [[(Labels, [Sample])]], now: Int64 = t0) -> [IngestResult] {
    rounds.map { round in withBatch(round) { store.ingest($0, now: now) } }
}

func segmentFiles(_ path: String) throws -> [String] {
    try WALSegments.list(path + "/wal").map { WALSegments.path(path + "/wal", $0) }
}
