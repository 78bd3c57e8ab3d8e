import ListenerSecurity
import Yams

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Reads a Prometheus exporter-toolkit web configuration file
/// (`--web.config.file`, `server.webConfigFile`) into a `WebConfig`.
///
/// The same keys as exporter-toolkit, with its defaults and its refusals;
/// relative file names are resolved against the file's own directory, as
/// exporter-toolkit does. Keys agent360 cannot honour are refused by name
/// rather than ignored: a silently ignored `client_allowed_sans` would be a
/// hole the operator believes closed.
public enum WebConfigFile {
    /// Reads the file and the certificate files it names.
    public static func load(path: String) throws(ConfigError) -> WebConfig {
        try sources(path: path).load()
    }

    /// The file's settings with file names resolved, nothing else read yet.
    public static func sources(path: String) throws(ConfigError) -> WebConfigSources {
        let text = try ConfigFiles.readText(path)
        do {
            var sources = try parseSources(yaml: text, directory: URL(fileURLWithPath: path).deletingLastPathComponent().path)
            sources.path = path
            return sources
        } catch var error {
            if error.file == nil { error.file = path }
            throw error
        }
    }

    static func parseSources(yaml text: String, directory: String) throws(ConfigError) -> WebConfigSources {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ConfigError.syntax(yamlError: error, text: text)
        } catch {
            throw ConfigError.syntax(line: nil, column: nil, "\(error)")
        }
        var sources = WebConfigSources()
        guard let root else { return sources }
        var reader = try YAMLMapping(root, path: "")
        if let tls = try reader.section("tls_server_config", { (tls: inout YAMLMapping) throws(ConfigError) in
            try readTLS(&tls, directory: directory)
        }) {
            sources.tls = tls
        }
        _ = try reader.section("http_server_config") { (http: inout YAMLMapping) throws(ConfigError) in
            _ = try http.bool("http2")  // agent360 serves HTTP/1.1; the HTTP/2 preference has nothing to choose
            sources.headers = try readHeaders(&http)
        }
        if let users = try reader.stringMap("basic_auth_users") {
            for (user, hash) in users.sorted(by: { $0.key < $1.key }) {
                do {
                    sources.users[user] = try BcryptHash(hash)
                } catch {
                    throw ConfigError.invalidValue("basic_auth_users.\(user)", line: reader.peekMark("basic_auth_users")?.line,
                                                   column: nil, error.description)
                }
            }
        }
        if reader.has("rate_limit") { throw reader.invalid("rate_limit", "not supported by agent360") }
        try reader.finish()
        return sources
    }

    private static func readTLS(_ tls: inout YAMLMapping, directory: String) throws(ConfigError) -> WebConfigSources.TLS {
        var result = WebConfigSources.TLS()
        for key in ["client_allowed_sans", "cipher_suites", "curve_preferences"] where tls.has(key) {
            throw tls.invalid(key, "not supported by agent360 (OpenSSL's defaults apply; TLS 1.2 uses only AEAD suites)")
        }
        _ = try tls.bool("prefer_server_cipher_suites")
        result.cert = try tls.string("cert")
        result.key = try tls.string("key")
        result.clientCA = try tls.string("client_ca")
        result.certFile = try tls.string("cert_file").map { resolve($0, directory) }
        result.keyFile = try tls.string("key_file").map { resolve($0, directory) }
        result.clientCAFile = try tls.string("client_ca_file").map { resolve($0, directory) }
        for (inline, file) in [("cert", "cert_file"), ("key", "key_file"), ("client_ca", "client_ca_file")]
        where tls.has(inline) && tls.has(file) {
            throw tls.invalid(file, "\(inline) and \(file) are both set: give one")
        }
        if result.cert == nil && result.certFile == nil { throw tls.missing("cert_file") }
        if result.key == nil && result.keyFile == nil { throw tls.missing("key_file") }
        if let text = try tls.string("client_auth_type") {
            guard let type = ClientAuthType(rawValue: text) else {
                throw tls.invalid("client_auth_type", "unknown \"\(text)\" (\(ClientAuthType.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            result.clientAuth = type
        }
        for key in ["min_version", "max_version"] {
            guard let text = try tls.string(key) else { continue }
            guard let version = TLSProtocolVersion(rawValue: text) else {
                throw tls.invalid(key, "unknown TLS version \"\(text)\" (TLS10, TLS11, TLS12, TLS13)")
            }
            if key == "min_version" { result.minVersion = version } else { result.maxVersion = version }
        }
        return result
    }

    private static func readHeaders(_ http: inout YAMLMapping) throws(ConfigError) -> [(name: String, value: String)] {
        guard let headers = try http.stringMap("headers") else { return [] }
        var result: [(name: String, value: String)] = []
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) {
            guard let allowed = WebConfig.allowedHeaders.first(where: { $0.name == name }) else {
                throw http.invalid("headers", "HTTP header \"\(name)\" can not be configured")
            }
            if let values = allowed.values, !values.contains(value) {
                throw http.invalid("headers", "invalid value for \(name): expected one of \(values), got \"\(value)\"")
            }
            if !value.isEmpty { result.append((name, value)) }
        }
        return result
    }

    private static func resolve(_ file: String, _ directory: String) -> String {
        file.hasPrefix("/") || directory.isEmpty ? file : URL(fileURLWithPath: directory).appendingPathComponent(file).path
    }
}
