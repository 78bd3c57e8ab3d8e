import ListenerSecurity

/// A web configuration file as written: inline PEM or file names, not yet
/// read. Kept apart from `WebConfig` so a reload can tell which files to
/// watch and read them again when one changes.
public struct WebConfigSources: Sendable, Equatable {
    struct TLS: Sendable, Equatable {
        var cert: String?
        var key: String?
        var clientCA: String?
        var certFile: String?
        var keyFile: String?
        var clientCAFile: String?
        var clientAuth = ClientAuthType.noClientCert
        var minVersion = TLSProtocolVersion.tls12
        var maxVersion = TLSProtocolVersion.tls13
    }

    /// The web configuration file itself.
    public internal(set) var path = ""
    var tls: TLS?
    var users: [String: BcryptHash] = [:]
    var headers: [(name: String, value: String)] = []

    /// The configuration file and every certificate file it names: what a
    /// reload watches.
    public var files: [String] {
        [path] + [tls?.certFile, tls?.keyFile, tls?.clientCAFile].compactMap { $0 }
    }

    /// Reads the named files; checks what OpenSSL will be asked to load.
    public func load() throws(ConfigError) -> WebConfig {
        var config = WebConfig(users: users, headers: headers)
        if let tls {
            var certificate = tls.cert ?? "", key = tls.key ?? "", clientCA = tls.clientCA
            if tls.cert == nil { certificate = try read(tls.certFile, "cert_file") }
            if tls.key == nil { key = try read(tls.keyFile, "key_file") }
            if clientCA == nil, let file = tls.clientCAFile { clientCA = try read(file, "client_ca_file") }
            let settings = TLSServerConfig(
                certificatePEM: certificate, keyPEM: key, clientAuth: tls.clientAuth, clientCAPEM: clientCA,
                minVersion: tls.minVersion, maxVersion: tls.maxVersion)
            do {
                _ = try ServingTLS(settings)
            } catch {
                throw located(ConfigError.invalidValue("tls_server_config", line: nil, column: nil, error.description))
            }
            config.tls = settings
        }
        return config
    }

    private func read(_ file: String?, _ key: String) throws(ConfigError) -> String {
        guard let file else { throw located(ConfigError.missingKey("tls_server_config.\(key)", line: nil, column: nil)) }
        do {
            return try ConfigFiles.readText(file)
        } catch {
            throw located(ConfigError.invalidValue("tls_server_config.\(key)", line: nil, column: nil,
                                                   "cannot read \(file): \(error.message)"))
        }
    }

    private func located(_ error: ConfigError) -> ConfigError {
        var error = error
        error.file = path.isEmpty ? nil : path
        return error
    }

    public static func == (lhs: WebConfigSources, rhs: WebConfigSources) -> Bool {
        lhs.path == rhs.path && lhs.tls == rhs.tls && lhs.users == rhs.users
            && lhs.headers.map(\.name) == rhs.headers.map(\.name) && lhs.headers.map(\.value) == rhs.headers.map(\.value)
    }
}
