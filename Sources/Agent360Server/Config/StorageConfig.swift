import RemoteWrite
import TSDB

/// The in-memory store and the remote-write receiver in front of it.
public struct StorageConfig: Sendable, Equatable {
    /// Directory of the write-ahead log and checkpoints (like Prometheus's
    /// `--storage.tsdb.path`); empty = memory only, a restart loses everything.
    public var path = "data/"
    /// `periodic`: written to the OS before a write is acknowledged, fsynced
    /// every `fsyncInterval`; `always`: fsynced before acknowledging.
    public var fsync = FsyncPolicy.periodic
    public var fsyncInterval = ConfigDuration.seconds(1)
    /// How often the store is snapshotted and the WAL before it deleted; the
    /// WAL then holds at most about this much.
    public var checkpointInterval = ConfigDuration.minutes(15)
    /// A checkpoint is also taken early once the WAL written since the last
    /// one exceeds both this and the last checkpoint's size, so crash
    /// recovery replays a bounded amount whatever the ingest rate (a
    /// backfill can write an hour of samples in seconds); 0 = time only.
    public var checkpointWALBytes = 64 * 1024 * 1024
    /// Samples older than this are dropped; series left empty are removed.
    public var retention = ConfigDuration.minutes(60)
    /// New series beyond this are refused (400) and counted; 0 = unlimited.
    public var maxActiveSeries = 2_000_000
    /// Exemplars kept in a ring buffer, newest first out last.
    public var maxExemplars = 100_000

    public init() {}
}

/// Limits for `POST /api/v1/write`.
public struct RemoteWriteConfig: Sendable, Equatable {
    public var enabled = true
    /// Compressed request bodies above this get 413 before being read whole.
    public var maxBodyBytes = 32 * 1024 * 1024
    /// A snappy header declaring more than this gets 413 before allocating.
    public var maxDecompressedBytes = 128 * 1024 * 1024
    /// The protobuf decoder: both are held equal by tests and fuzzing, the
    /// direct reader costs less CPU per request.
    public var decoder = RemoteWriteReceiver.Decoding.direct

    public init() {}
}

/// PromQL engine settings shared by the HTTP API, rules and Kubernetes APIs.
public struct QueryConfig: Sendable, Equatable {
    public var lookbackDelta = ConfigDuration.minutes(5)
    public var timeout = ConfigDuration.minutes(2)
    /// Samples one query may load before it fails (like --query.max-samples).
    public var maxSamples = 50_000_000
    /// HTTP API queries running at once (like --query.max-concurrency) and
    /// waiting for a slot; beyond that a query gets 503 at once.
    public var maxConcurrency = 20
    public var maxQueued = 100

    public init() {}
}

extension StorageConfig {
    static func read(_ reader: inout YAMLMapping) throws(ConfigError) -> StorageConfig {
        var config = StorageConfig()
        if let retention = try reader.duration("retention") {
            guard retention.milliseconds >= 60_000 else { throw reader.invalid("retention", "must be at least 1m") }
            config.retention = retention
        }
        if let limit = try reader.int("maxActiveSeries", range: 0...1_000_000_000) { config.maxActiveSeries = limit }
        if let exemplars = try reader.int("maxExemplars", range: 0...100_000_000) { config.maxExemplars = exemplars }
        if let path = try reader.string("path") { config.path = path }
        if let policy = try reader.string("fsync") {
            guard let parsed = FsyncPolicy(rawValue: policy) else {
                throw reader.invalid("fsync", "unknown fsync policy \"\(policy)\" (periodic, always)")
            }
            config.fsync = parsed
        }
        if let interval = try reader.duration("fsyncInterval") { config.fsyncInterval = interval }
        if let interval = try reader.duration("checkpointInterval") {
            guard interval.milliseconds >= 60_000 else { throw reader.invalid("checkpointInterval", "must be at least 1m") }
            config.checkpointInterval = interval
        }
        if let bytes = try reader.int("checkpointWALBytes", range: 0...(1 << 40)) {
            guard bytes == 0 || bytes >= 1 << 20 else { throw reader.invalid("checkpointWALBytes", "must be 0 or at least 1048576 (1 MiB)") }
            config.checkpointWALBytes = bytes
        }
        return config
    }
}

extension RemoteWriteConfig {
    static func read(_ reader: inout YAMLMapping) throws(ConfigError) -> RemoteWriteConfig {
        var config = RemoteWriteConfig()
        if let enabled = try reader.bool("enabled") { config.enabled = enabled }
        if let body = try reader.int("maxBodyBytes", range: 1024...(1 << 31)) { config.maxBodyBytes = body }
        if let decompressed = try reader.int("maxDecompressedBytes", range: 1024...(1 << 32)) {
            config.maxDecompressedBytes = decompressed
        }
        if let decoder = try reader.string("decoder") {
            guard let parsed = RemoteWriteReceiver.Decoding(rawValue: decoder) else {
                let known = RemoteWriteReceiver.Decoding.allCases.map(\.rawValue).joined(separator: ", ")
                throw reader.invalid("decoder", "unknown decoder \"\(decoder)\" (\(known))")
            }
            config.decoder = parsed
        }
        return config
    }
}

extension QueryConfig {
    static func read(_ reader: inout YAMLMapping) throws(ConfigError) -> QueryConfig {
        var config = QueryConfig()
        if let lookback = try reader.duration("lookbackDelta") { config.lookbackDelta = lookback }
        if let timeout = try reader.duration("timeout") { config.timeout = timeout }
        if let samples = try reader.int("maxSamples", range: 1...Int(Int32.max) * 8) { config.maxSamples = samples }
        if let concurrency = try reader.int("maxConcurrency", range: 1...10_000) { config.maxConcurrency = concurrency }
        if let queued = try reader.int("maxQueued", range: 0...1_000_000) { config.maxQueued = queued }
        return config
    }
}
