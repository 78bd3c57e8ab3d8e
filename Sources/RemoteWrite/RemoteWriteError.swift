/// Why a request was refused before any of it reached the store.
///
/// Carries the HTTP status the spec prescribes so the HTTP layer can answer
/// without knowing remote-write rules: 400 for data that will never be
/// accepted, 413 for over-limit sizes, 415 for unsupported media types.
public struct RemoteWriteError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Code: Sendable, Equatable {
        case unsupportedContentType
        case unsupportedProtoMessage
        case remoteWrite2NotSupported
        case unsupportedEncoding
        case bodyTooLarge
        case decompressedTooLarge
        case decodedTooLarge
        case tooManySeries
        case emptyBody
        case framedSnappy
        case corruptSnappy
        case invalidProtobuf
    }

    private let code: Code
    /// Human-readable detail, sent back to the client as the response body.
    public let message: String

    private init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The HTTP status this error maps to.
    public var status: Int {
        switch code {
        case .unsupportedContentType, .unsupportedProtoMessage, .remoteWrite2NotSupported, .unsupportedEncoding:
            return 415
        case .bodyTooLarge, .decompressedTooLarge, .decodedTooLarge, .tooManySeries:
            return 413
        case .emptyBody, .framedSnappy, .corruptSnappy, .invalidProtobuf:
            return 400
        }
    }

    public var description: String { "\(status): \(message)" }

    static func unsupportedContentType(_ value: String) -> RemoteWriteError {
        .init(.unsupportedContentType, "unsupported Content-Type \"\(value)\"; send application/x-protobuf")
    }

    static func unsupportedProtoMessage(_ proto: String) -> RemoteWriteError {
        .init(.unsupportedProtoMessage, "unsupported proto message \"\(proto)\"; send prometheus.WriteRequest")
    }

    static var remoteWrite2NotSupported: RemoteWriteError {
        .init(
            .remoteWrite2NotSupported,
            "remote write 2.0 (io.prometheus.write.v2.Request) is not supported yet; send prometheus.WriteRequest (remote write 1.0)"
        )
    }

    static func unsupportedEncoding(_ value: String) -> RemoteWriteError {
        .init(.unsupportedEncoding, "unsupported Content-Encoding \"\(value)\"; send snappy (block format)")
    }

    static func bodyTooLarge(_ size: Int, limit: Int) -> RemoteWriteError {
        .init(.bodyTooLarge, "request body of \(size) bytes exceeds the limit of \(limit) bytes")
    }

    static func decompressedTooLarge(_ size: UInt64, limit: Int) -> RemoteWriteError {
        .init(.decompressedTooLarge, "snappy declares \(size) decompressed bytes, over the limit of \(limit) bytes")
    }

    static func decodedTooLarge(limit: Int) -> RemoteWriteError {
        .init(.decodedTooLarge, "decoded request needs more than the limit of \(limit) bytes of memory")
    }

    static func tooManySeries(limit: Int) -> RemoteWriteError {
        .init(.tooManySeries, "request carries more than the limit of \(limit) series per request")
    }

    static var emptyBody: RemoteWriteError {
        .init(.emptyBody, "empty request body; send a snappy-compressed prometheus.WriteRequest")
    }

    static var framedSnappy: RemoteWriteError {
        .init(.framedSnappy, "framed snappy is not supported; send the block format")
    }

    static func corruptSnappy(_ detail: String) -> RemoteWriteError {
        .init(.corruptSnappy, "invalid snappy block: \(detail)")
    }

    static var invalidProtobuf: RemoteWriteError {
        .init(.invalidProtobuf, "body is not a valid prometheus.WriteRequest protobuf message")
    }
}
