import TSDB

/// Decodes remote-write requests and hands their contents to a sink.
///
/// HTTP-free on purpose: the server passes the body bytes and two headers
/// and turns the returned `RemoteWriteOutcome` into a response, so every rule
/// of the protocol is testable without a socket. A receiver is cheap to copy
/// and safe to share; concurrent requests each borrow a pooled workspace.
public struct RemoteWriteReceiver: Sendable {
    /// How the protobuf message is decoded (`remoteWrite.decoder`). Both
    /// accept and refuse the same input and deliver the same batch (a
    /// differential fuzz target and the fixture tests hold them to that);
    /// they differ in cost: `agent360-bench decode` measures both.
    public enum Decoding: String, Sendable, Hashable, CaseIterable {
        /// A zero-copy wire reader in Swift: label pointers point into the
        /// decompressed bytes, nothing is allocated per message. The default:
        /// protobuf-c's per-message struct building dominates its cost.
        case direct
        /// protobuf-c's generated `prometheus__write_request__unpack` (the
        /// design brief's decoder, Debian's libprotobuf-c), into a bump arena
        /// reset per request instead of a malloc and free per struct.
        case protobufC = "protobuf-c"
    }

    public let limits: RemoteWriteLimits
    public let decoding: Decoding
    let pool: WorkspacePool

    public init(limits: RemoteWriteLimits = .default, decoding: Decoding = .direct) {
        self.limits = limits
        self.decoding = decoding
        self.pool = WorkspacePool(limits: limits)
    }

    /// Decodes one request and delivers it to `sink`.
    ///
    /// - Parameters:
    ///   - body: the raw request body (snappy block around a protobuf message).
    ///     The server should stop reading at `limits.maxBodyBytes + 1` bytes.
    ///   - contentType: the `Content-Type` header, nil when absent.
    ///   - contentEncoding: the `Content-Encoding` header, nil when absent.
    ///   - now: the store's clock in milliseconds, passed to `sink.ingest`.
    /// - Returns: the HTTP status and message, and counters. Never throws:
    ///   every failure is an outcome with a 4xx status.
    public func receive<Sink: RemoteWriteSink>(
        body: UnsafeRawBufferPointer,
        contentType: String?,
        contentEncoding: String?,
        sink: Sink,
        now: Int64
    ) -> RemoteWriteOutcome {
        let version: RemoteWriteProtocol
        do {
            version = try RemoteWriteProtocol.negotiate(contentType: contentType, contentEncoding: contentEncoding)
        } catch {
            return RemoteWriteOutcome(error: error)
        }
        guard version == .v1 else {
            return RemoteWriteOutcome(error: .remoteWrite2NotSupported, protocolVersion: version)
        }
        do {
            return try pool.withWorkspace { workspace throws(RemoteWriteError) in
                try decode(body, workspace: workspace, sink: sink, now: now)
            }
        } catch {
            return RemoteWriteOutcome(error: error, protocolVersion: .v1)
        }
    }

    public func receive<Sink: RemoteWriteSink>(
        body: [UInt8],
        contentType: String?,
        contentEncoding: String?,
        sink: Sink,
        now: Int64
    ) -> RemoteWriteOutcome {
        body.withUnsafeBytes { bytes in
            receive(body: bytes, contentType: contentType, contentEncoding: contentEncoding, sink: sink, now: now)
        }
    }
}
