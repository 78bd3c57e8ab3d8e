import TSDB

/// The in-memory store takes decoded requests directly: its `ingest`,
/// `setMetadata` and `addExemplars` are exactly the sink's requirements.
extension MemoryStore: RemoteWriteSink {}
