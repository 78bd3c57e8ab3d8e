@testable import Agent360Server
import Foundation
import KubeAPIServer
import ListenerSecurity
import Testing

@Suite("web configuration file")
struct WebConfigFileTests {
    /// A directory with `web.yml` holding `yaml` (and whatever else `files` names).
    static func write(_ yaml: String, files: [String: String] = [:]) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("web-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let path = directory.appendingPathComponent("web.yml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static let hash = Result { try BcryptHash.generate(password: "pw", cost: 4).encoded }

    @Test("users, headers and TLS files relative to the file's own directory")
    func readsEverything() throws {
        let generated = try ServingIdentity.generate(names: SelfSignedNames())
        let identity = (certificate: generated.certificateChainPEM, key: generated.privateKeyPEM)
        let path = try Self.write("""
        tls_server_config:
          cert_file: server.crt
          key_file: server.key
          min_version: TLS13
        http_server_config:
          http2: false
          headers:
            X-Frame-Options: sameorigin
            Content-Security-Policy: ""
        basic_auth_users:
          prometheus: \(try Self.hash.get())
        """, files: ["server.crt": identity.certificate, "server.key": identity.key])
        let config = try WebConfigFile.load(path: path)
        #expect(config.tls?.certificatePEM == identity.certificate)
        #expect(config.tls?.minVersion == .tls13)
        #expect(config.tls?.clientAuth == .noClientCert)
        #expect(config.users.keys.sorted() == ["prometheus"])
        #expect(config.headers.map(\.name) == ["X-Frame-Options"], "a blank header is unset")
        let sources = try WebConfigFile.sources(path: path)
        #expect(sources.files.count == 3)
        #expect(sources.files.allSatisfy { $0.hasPrefix("/") })
    }

    @Test("an empty file asks for nothing")
    func emptyFile() throws {
        let config = try WebConfigFile.load(path: try Self.write(""))
        #expect(config.tls == nil)
        #expect(config.users.isEmpty)
    }

    @Test("errors name the file, the line and the key", arguments: [
        ("basic_auth_users:\n  ops: plaintext\n", "basic_auth_users.ops", "not a bcrypt hash"),
        ("tls_server_config:\n  cert_file: a.crt\n", "tls_server_config.key_file", "required key is missing"),
        ("tls_server_config:\n  cert_file: a.crt\n  key_file: a.key\n  client_allowed_sans: [x]\n",
         "tls_server_config.client_allowed_sans", "not supported"),
        ("tls_server_config:\n  cert_file: a.crt\n  key_file: a.key\n  client_auth_type: Sometimes\n",
         "tls_server_config.client_auth_type", "unknown \"Sometimes\""),
        ("tls_server_config:\n  cert_file: a.crt\n  key_file: a.key\n  min_version: SSL3\n",
         "tls_server_config.min_version", "unknown TLS version"),
        ("http_server_config:\n  headers:\n    X-Powered-By: me\n", "http_server_config.headers", "can not be configured"),
        ("http_server_config:\n  headers:\n    X-Frame-Options: allow\n", "http_server_config.headers", "invalid value"),
        ("basic_auth_user:\n  ops: x\n", "basic_auth_user", "unknown key"),
        ("rate_limit:\n  interval: 1s\n", "rate_limit", "not supported"),
        ("tls_server_config:\n  cert_file: missing.crt\n  key_file: missing.key\n", "tls_server_config.cert_file", "cannot read"),
    ])
    func locatedErrors(_ yaml: String, _ key: String, _ message: String) throws {
        let path = try Self.write(yaml)
        do {
            _ = try WebConfigFile.load(path: path)
            Issue.record("accepted:\n\(yaml)")
        } catch {
            #expect(error.keyPath == key, "\(error)")
            #expect(error.description.contains(message), "\(error)")
            #expect(error.description.hasPrefix(path), "\(error)")
        }
    }

    @Test("server.webConfigFile is resolved against the main config's directory and checked with it")
    func mainConfigKey() throws {
        let web = try Self.write("basic_auth_users:\n  ops: \(try Self.hash.get())\n")
        let directory = URL(fileURLWithPath: web).deletingLastPathComponent()
        let main = directory.appendingPathComponent("agent360.yaml").path
        try "server:\n  webConfigFile: web.yml\n".write(toFile: main, atomically: true, encoding: .utf8)
        #expect(try Agent360Config.load(path: main).server.webConfigFile == web)
        try "basic_auth_users:\n  ops: nope\n".write(toFile: web, atomically: true, encoding: .utf8)
        #expect(throws: ConfigError.self) { try Agent360Config.load(path: main) }
    }
}
