import TSDB

/// The in-memory store takes decoded requests directly: its `ingest`,
/// `setMetadata` and `addExemplars` are the sink's requirements, and with
/// `fsync: always` it leaves the fsync to the caller's await.
extension MemoryStore: RemoteWriteSink {
    public func ingestDeferringSync(_ batch: IngestBatch, now: Int64) -> IngestResult {
        ingest(batch, now: now, deferringSync: true)
    }
}
