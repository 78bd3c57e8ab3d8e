/// Builds remote-write 1.0 request bodies.
///
/// Senders in this project (load generator, benchmark client, tests) use it.
/// Two packers produce byte-identical output (a test holds them to that):
/// protobuf-c's own packer over C structs built from the request, and a
/// direct Swift writer that is several times faster and is the default, so a
/// load generator measures the receiver rather than itself.
public enum RemoteWriteEncoder {
    public enum Packer: Sendable, Hashable, CaseIterable {
        /// Writes the wire format straight from the Swift values.
        case direct
        /// Builds protobuf-c structs and calls `prometheus__write_request__pack`.
        case protobufC
    }

    /// Headers a 1.0 sender sets alongside `encode`'s body.
    public static let headers: [(name: String, value: String)] = [
        ("Content-Type", "application/x-protobuf"),
        ("Content-Encoding", "snappy"),
        ("X-Prometheus-Remote-Write-Version", "0.1.0"),
    ]

    /// The request as a snappy block-compressed `prometheus.WriteRequest`.
    public static func encode(_ request: RemoteWriteRequest, packer: Packer = .direct) -> [UInt8] {
        compress(protobuf(request, packer: packer))
    }

    /// The uncompressed protobuf encoding of the request. Fields are written
    /// in field-number order and proto3 defaults (0, empty) are omitted, as
    /// protobuf-c and Prometheus's Go encoder do.
    public static func protobuf(_ request: RemoteWriteRequest, packer: Packer = .direct) -> [UInt8] {
        switch packer {
        case .direct: return DirectPacker.pack(request)
        case .protobufC: return ProtobufCPacker.pack(request)
        }
    }

    /// Snappy block compression of any bytes.
    public static func compress(_ bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBytes { SnappyBlock.compress($0) }
    }
}
