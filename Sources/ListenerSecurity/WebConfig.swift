/// What a Prometheus exporter-toolkit web configuration file
/// (`--web.config.file`) asks of the plain listener: TLS, basic-auth users
/// and extra response headers.
///
/// The same file a platform team already writes for node_exporter or
/// Prometheus secures agent360, so there is one format to learn and audit.
/// Files are read when the value is built (PEM contents, not paths, are
/// held), so a value is a complete snapshot that can be swapped atomically
/// when the files change.
public struct WebConfig: Sendable, Equatable {
    /// TLS on the plain listener; nil serves plain HTTP.
    public var tls: TLSServerConfig?
    /// User name → bcrypt hash. Empty: no authentication is asked.
    public var users: [String: BcryptHash]
    /// Headers added to every answer (the five exporter-toolkit allows).
    public var headers: [(name: String, value: String)]

    public init(tls: TLSServerConfig? = nil, users: [String: BcryptHash] = [:],
                headers: [(name: String, value: String)] = []) {
        self.tls = tls
        self.users = users
        self.headers = headers
    }

    public static func == (lhs: WebConfig, rhs: WebConfig) -> Bool {
        lhs.tls == rhs.tls && lhs.users == rhs.users
            && lhs.headers.map(\.name) == rhs.headers.map(\.name) && lhs.headers.map(\.value) == rhs.headers.map(\.value)
    }

    /// The response headers exporter-toolkit lets a file set, with the values
    /// it accepts (nil: any value).
    public static let allowedHeaders: [(name: String, values: [String]?)] = [
        ("Strict-Transport-Security", nil),
        ("X-Content-Type-Options", ["nosniff"]),
        ("X-Frame-Options", ["deny", "sameorigin"]),
        ("X-XSS-Protection", nil),
        ("Content-Security-Policy", nil),
    ]
}

/// `tls_server_config`: the serving certificate and what is asked of clients.
public struct TLSServerConfig: Sendable, Equatable {
    /// PEM: the certificate chain, leaf first.
    public var certificatePEM: String
    /// PEM: the private key.
    public var keyPEM: String
    public var clientAuth: ClientAuthType
    /// PEM: CAs that client certificates must chain to (the Verify types).
    public var clientCAPEM: String?
    public var minVersion: TLSProtocolVersion
    public var maxVersion: TLSProtocolVersion

    public init(certificatePEM: String, keyPEM: String, clientAuth: ClientAuthType = .noClientCert,
                clientCAPEM: String? = nil, minVersion: TLSProtocolVersion = .tls12,
                maxVersion: TLSProtocolVersion = .tls13) {
        self.certificatePEM = certificatePEM
        self.keyPEM = keyPEM
        self.clientAuth = clientAuth
        self.clientCAPEM = clientCAPEM
        self.minVersion = minVersion
        self.maxVersion = maxVersion
    }
}

/// Go's `tls.ClientAuthType` names, as exporter-toolkit spells them.
public enum ClientAuthType: String, Sendable, CaseIterable {
    case noClientCert = "NoClientCert"
    /// Asks for a certificate, accepts any or none (insecure; kept for parity).
    case requestClientCert = "RequestClientCert"
    /// Requires a certificate but does not verify it (insecure; kept for parity).
    case requireAnyClientCert = "RequireAnyClientCert"
    case verifyClientCertIfGiven = "VerifyClientCertIfGiven"
    case requireAndVerifyClientCert = "RequireAndVerifyClientCert"

    /// Whether the client's certificate must chain to `client_ca_file`.
    public var verifies: Bool { self == .verifyClientCertIfGiven || self == .requireAndVerifyClientCert }
}

/// `min_version` / `max_version` values (Go's names).
public enum TLSProtocolVersion: String, Sendable, CaseIterable, Comparable {
    case tls10 = "TLS10"
    case tls11 = "TLS11"
    case tls12 = "TLS12"
    case tls13 = "TLS13"

    public static func < (lhs: TLSProtocolVersion, rhs: TLSProtocolVersion) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}
