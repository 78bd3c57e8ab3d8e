/// What the receiver did with one request, ready to become an HTTP response.
///
/// `status` follows the remote-write spec: 204 when everything was accepted,
/// 400 when anything was refused for good (valid series are still ingested —
/// a partial write — and `message` names the first few refusals), 413 for
/// over-limit sizes, 415 for unsupported media types. Counters feed the
/// server's own metrics; `rejectedSamples` keys are the reason labels.
public struct RemoteWriteOutcome: Sendable, Equatable {
    /// Reason labels the decoder adds to the store's `RejectionReason` raw values.
    public enum Reason {
        /// The series' labels break the rules (names, UTF-8, duplicates, `__name__`).
        public static let invalidLabels = "invalid_labels"
        /// Native histogram samples, which the store does not hold yet.
        public static let nativeHistogram = "native_histogram"
    }

    public var status: Int
    /// Empty on 204; otherwise the response body (plain text).
    public var message: String
    public var protocolVersion: RemoteWriteProtocol?
    public var acceptedSamples = 0
    /// Set with `fsync: always`: the WAL position the HTTP layer awaits
    /// (`MemoryStore.waitSynced(upTo:)`) before sending this answer.
    public var syncPosition: Int?
    /// Refused samples (float and histogram) by reason label.
    public var rejectedSamples: [String: Int] = [:]
    /// Series refused as a whole for invalid labels.
    public var refusedSeries = 0
    /// Series the store created for this request.
    public var createdSeries = 0
    /// Exemplars handed to the sink (the store bounds how many it keeps).
    public var acceptedExemplars = 0
    /// Exemplars skipped because their labels were invalid or their series refused.
    public var droppedExemplars = 0
    public var metadataCount = 0

    public init(status: Int, message: String = "", protocolVersion: RemoteWriteProtocol? = nil) {
        self.status = status
        self.message = message
        self.protocolVersion = protocolVersion
    }

    init(error: RemoteWriteError, protocolVersion: RemoteWriteProtocol? = nil) {
        self.init(status: error.status, message: error.message, protocolVersion: protocolVersion)
    }

    public var totalRejectedSamples: Int { rejectedSamples.values.reduce(0, +) }

    public var isSuccess: Bool { status == 204 }

    /// The 2.0 spec's `X-Prometheus-Remote-Write-*-Written` response headers.
    /// Required for 2.0 requests, harmless (and informative) for 1.0 ones.
    public var writtenHeaders: [(name: String, value: String)] {
        [
            ("X-Prometheus-Remote-Write-Samples-Written", String(acceptedSamples)),
            ("X-Prometheus-Remote-Write-Histograms-Written", "0"),
            ("X-Prometheus-Remote-Write-Exemplars-Written", String(acceptedExemplars)),
        ]
    }
}
