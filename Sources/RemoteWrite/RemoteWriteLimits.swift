/// Bounds on what one remote-write request may cost the receiver.
///
/// Each bound is checked before the memory it protects is committed: the body
/// size before anything is read, the snappy-declared size before the
/// decompression buffer grows, and the decoded size while protobuf-c unpacks
/// (its structs cost several times the wire bytes). Any of them answers 413,
/// which senders do not retry.
public struct RemoteWriteLimits: Sendable, Equatable {
    /// Largest compressed body accepted. Prometheus sends ~2000 samples per
    /// request by default (a few hundred KiB); 16 MiB leaves wide headroom.
    public var maxBodyBytes: Int
    /// Largest uncompressed protobuf accepted, as declared by the snappy header.
    public var maxDecompressedBytes: Int
    /// Largest memory the decoded request may occupy: protobuf-c's unpacked
    /// structs (a tiny label or sample costs ~40–60 bytes of them), or the
    /// direct reader's batch arrays (32 bytes per label, 16 per sample). This
    /// is what actually caps a hostile request's footprint.
    public var maxDecodedBytes: Int
    /// Most series one request may carry.
    public var maxSeriesPerRequest: Int

    public static let `default` = RemoteWriteLimits()

    public init(
        maxBodyBytes: Int = 16 << 20,
        maxDecompressedBytes: Int = 64 << 20,
        maxDecodedBytes: Int = 512 << 20,
        maxSeriesPerRequest: Int = 500_000
    ) {
        self.maxBodyBytes = maxBodyBytes
        self.maxDecompressedBytes = maxDecompressedBytes
        self.maxDecodedBytes = maxDecodedBytes
        self.maxSeriesPerRequest = maxSeriesPerRequest
    }
}
