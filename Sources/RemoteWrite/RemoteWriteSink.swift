import TSDB

/// Where decoded remote-write data goes; the store conforms.
///
/// A protocol (used generically, never as an existential) keeps the decoder
/// free of the store's types and lets tests record what was delivered.
/// `ingest` borrows label bytes from the decoder: the pointers in
/// `batch.labels` are valid only during the call.
public protocol RemoteWriteSink {
    func ingest(_ batch: IngestBatch, now: Int64) -> IngestResult
    /// Like `ingest`, but may return before the batch is durable, with
    /// `IngestResult.syncPosition` for the caller to await before answering
    /// (so a thread is not held through an fsync).
    func ingestDeferringSync(_ batch: IngestBatch, now: Int64) -> IngestResult
    func setMetadata(_ metadata: [MetricMetadata])
    func addExemplars(_ exemplars: [Exemplar])
}

extension RemoteWriteSink {
    public func ingestDeferringSync(_ batch: IngestBatch, now: Int64) -> IngestResult { ingest(batch, now: now) }
}
