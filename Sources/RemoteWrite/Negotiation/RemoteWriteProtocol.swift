/// The remote-write protocol versions a request can declare.
public enum RemoteWriteProtocol: String, Sendable, Hashable {
    /// Remote write 1.0: `prometheus.WriteRequest`.
    case v1 = "prometheus.WriteRequest"
    /// Remote write 2.0: `io.prometheus.write.v2.Request`.
    case v2 = "io.prometheus.write.v2.Request"

    /// The media type both versions share; the `proto` parameter tells them apart.
    public static let mediaType = "application/x-protobuf"

    /// Reads the request's protocol from its headers.
    ///
    /// Follows Prometheus's own receiver: a missing Content-Type means 1.0,
    /// `application/x-protobuf` without a `proto` parameter means 1.0, and a
    /// missing Content-Encoding means snappy (1.0 senders predating the header).
    /// Media type, parameter names and the encoding compare case-insensitively;
    /// spaces around `;` and `=` and quotes around values are tolerated.
    /// X-Prometheus-Remote-Write-Version is informational: the 2.0 spec makes
    /// the Content-Type authoritative, so it is not consulted.
    ///
    /// Throws 415 for another media type, an unknown `proto`, or an encoding
    /// other than snappy. A 2.0 request is recognised (returns `.v2`); the
    /// receiver then answers 415 until 2.0 decoding exists.
    public static func negotiate(contentType: String?, contentEncoding: String?) throws(RemoteWriteError) -> RemoteWriteProtocol {
        let version = try parseContentType(contentType)
        try checkEncoding(contentEncoding)
        return version
    }

    static func parseContentType(_ header: String?) throws(RemoteWriteError) -> RemoteWriteProtocol {
        guard let header, !trimmed(Substring(header)).isEmpty else { return .v1 }
        var parts = header.split(separator: ";", omittingEmptySubsequences: false).makeIterator()
        let media = trimmed(parts.next() ?? "")
        guard media.lowercased() == mediaType else { throw .unsupportedContentType(header) }
        var version = RemoteWriteProtocol.v1
        while let parameter = parts.next() {
            let pair = parameter.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2 else {
                if trimmed(parameter).isEmpty { continue }
                throw .unsupportedContentType(header)
            }
            guard trimmed(pair[0]).lowercased() == "proto" else { continue }
            var value = trimmed(pair[1])
            if value.count >= 2, value.first == "\"", value.last == "\"" {
                value = value.dropFirst().dropLast()
            }
            switch String(value) {
            case RemoteWriteProtocol.v1.rawValue: version = .v1
            case RemoteWriteProtocol.v2.rawValue: version = .v2
            default: throw .unsupportedProtoMessage(String(value))
            }
        }
        return version
    }

    static func checkEncoding(_ header: String?) throws(RemoteWriteError) {
        guard let header else { return }
        let value = trimmed(Substring(header))
        if value.isEmpty || value.lowercased() == "snappy" { return }
        throw .unsupportedEncoding(header)
    }

    private static func trimmed(_ text: Substring) -> Substring {
        var text = text
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return text
    }
}
