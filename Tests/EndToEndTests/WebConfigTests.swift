import Foundation
import Testing

/// The plain listener behind a Prometheus web configuration: a real
/// Prometheus 2.42 scrapes and remote-writes over TLS with basic auth, and
/// curl tries what an attacker would.
@Suite("web configuration: TLS and basic auth on the plain listener", .serialized)
struct WebConfigTests {
    static let password = "remote-write-secret"

    /// A CA, a serving certificate for 127.0.0.1 and a web.yml naming them.
    struct Setup {
        let pki: OpenSSLPKI
        let caFile: String
        let webConfig: String

        init(clientAuth: String? = nil, users: [String: String]? = nil) throws {
            pki = try OpenSSLPKI()
            caFile = try pki.certificateAuthority("web-ca")
            let (cert, key) = try pki.serverCertificate("agent360-web", ca: "web-ca")
            let hashes = try (users ?? ["prometheus": WebConfigTests.password]).map { user, password in
                "  \(user): \(try WebConfigTests.hash(password))"
            }
            var yaml = "tls_server_config:\n  cert_file: \(cert)\n  key_file: \(key)\n"
            if let clientAuth { yaml += "  client_auth_type: \(clientAuth)\n  client_ca_file: \(caFile)\n" }
            yaml += "http_server_config:\n  headers:\n    X-Content-Type-Options: nosniff\n"
            yaml += "basic_auth_users:\n" + hashes.joined(separator: "\n") + "\n"
            webConfig = pki.path("web.yml")
            try yaml.write(toFile: webConfig, atomically: true, encoding: .utf8)
        }
    }

    static func hash(_ password: String) throws -> String {
        let result = try runCommand(Paths.agent360, ["hash-password", "--cost", "6"], input: password + "\n")
        guard result.status == 0 else { throw TestFailure("hash-password: \(result.output)") }
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// curl's status code for `path` (000 when the connection or handshake fails).
    static func curl(_ agent: Agent360Process, _ path: String, _ extra: [String] = [], ca: String? = nil) throws -> String {
        let trust = ca.map { ["--cacert", $0] } ?? ["-k"]
        return try runCommand("/usr/bin/curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}"] + trust + extra
                              + ["\(agent.baseURL)\(path)"]).output
    }

    /// The sum of a metric's samples in a text exposition.
    static func sum(_ exposition: String, _ name: String) -> Double {
        exposition.split(separator: "\n").filter { $0.hasPrefix(name + "{") || $0.hasPrefix(name + " ") }
            .compactMap { $0.split(separator: " ").last.flatMap { Double($0) } }.reduce(0, +)
    }

    @Test("Prometheus scrapes and remote-writes over TLS with basic auth; nothing gets in without them")
    func prometheusOverTLSWithBasicAuth() async throws {
        let setup = try Setup()
        let agent = try await Agent360Process.start(
            config: "collectors: {enabled: false}\n", extraArguments: ["--web.config.file", setup.webConfig], tls: true)
        try await withProcess(agent.process) { _ async throws in
            let prometheus = try await PrometheusServer.start(config: """
            global:
              scrape_interval: 1s
            scrape_configs:
              - job_name: agent360
                scheme: https
                basic_auth: {username: prometheus, password: \(Self.password)}
                tls_config: {ca_file: \(setup.caFile)}
                static_configs:
                  - targets: ["127.0.0.1:\(agent.port)"]
            remote_write:
              - url: \(agent.baseURL)/api/v1/write
                basic_auth: {username: prometheus, password: \(Self.password)}
                tls_config: {ca_file: \(setup.caFile)}
                queue_config: {batch_send_deadline: 500ms}
            """, name: "prometheus-web-config")
            try await withProcess(prometheus.process) { _ in
                // The scrape result (`up`, scraped over TLS with basic auth)
                // arrives in agent360 through authenticated remote write.
                let auth = ("Authorization", "Basic " + Data("prometheus:\(Self.password)".utf8).base64EncodedString())
                let query = "\(agent.baseURL)/api/v1/query?query=" + #"up{job="agent360"}"#.queryEncoded
                var value: String?
                let deadline = ContinuousClock.now + .seconds(60)
                while value == nil && ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(500))
                    let data = try PrometheusAPI.data(from: try await HTTP.get(query, headers: [auth]))
                    value = ((data["result"] as? [[String: Any]])?.first?["value"] as? [Any])?.last as? String
                }
                #expect(value == "1", "Prometheus's scrape of agent360 succeeded and was remote-written to it")
                let own = try await HTTP.get("\(prometheus.baseURL)/metrics").text
                #expect(Self.sum(own, "prometheus_remote_storage_samples_total") > 0)
                #expect(Self.sum(own, "prometheus_remote_storage_samples_failed_total") == 0)
            }

            // What a stranger on the network gets.
            #expect(try Self.curl(agent, "/metrics", ca: setup.caFile) == "401")
            #expect(try Self.curl(agent, "/metrics", ["-u", "prometheus:wrong"], ca: setup.caFile) == "401")
            #expect(try Self.curl(agent, "/metrics", ["-u", "stranger:\(Self.password)"], ca: setup.caFile) == "401")
            #expect(try Self.curl(agent, "/api/v1/query?query=up", ca: setup.caFile) == "401")
            #expect(try Self.curl(agent, "/api/v1/write", ["-X", "POST", "--data-binary", "x"], ca: setup.caFile) == "401")
            #expect(try Self.curl(agent, "/metrics", ["-u", "prometheus:\(Self.password)"], ca: setup.caFile) == "200")
            #expect(try Self.curl(agent, "/readyz", ca: setup.caFile) == "200", "probes need no credentials")
            let challenge = try runCommand("/usr/bin/curl", ["-s", "-D", "-", "-o", "/dev/null", "--cacert", setup.caFile,
                                                             "\(agent.baseURL)/metrics"]).output.lowercased()
            #expect(challenge.contains("www-authenticate: basic realm=\"agent360\""))
            #expect(challenge.contains("x-content-type-options: nosniff"))
            let plain = try runCommand("/usr/bin/curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}",
                                                         "http://127.0.0.1:\(agent.port)/metrics"]).output
            #expect(plain == "000", "plain HTTP to the TLS listener gets no answer")
        }
    }

    /// What each client_auth_type lets through: no certificate, one from
    /// client_ca_file, one from another CA (curl's status, 000 = handshake refused).
    @Test("each client_auth_type admits the certificates Go's policy of that name admits", arguments: [
        ("RequireAndVerifyClientCert", ["000", "200", "000"]),
        ("VerifyClientCertIfGiven", ["200", "200", "000"]),
        ("RequireAnyClientCert", ["000", "200", "200"]),
        ("RequestClientCert", ["200", "200", "200"]),
    ])
    func clientCertificatePolicies(_ policy: String, _ expected: [String]) async throws {
        let setup = try Setup(clientAuth: policy)
        let (cert, key) = try setup.pki.clientCertificate("scraper", commonName: "scraper", ca: "web-ca")
        _ = try setup.pki.certificateAuthority("other-ca")
        let (strangerCert, strangerKey) = try setup.pki.clientCertificate("stranger", commonName: "stranger", ca: "other-ca")
        // The kubelet's probes present no certificate, so with the Require
        // policies they fail too; readiness is checked with the client certificate.
        let agent = try await Agent360Process.start(
            config: "collectors: {enabled: false}\n", extraArguments: ["--web.config.file", setup.webConfig], tls: true,
            waitUntilReady: false)
        try await withProcess(agent.process) { _ async throws in
            let deadline = ContinuousClock.now + .seconds(30)
            while try Self.curl(agent, "/readyz", ["--cert", cert, "--key", key], ca: setup.caFile) != "200" {
                guard ContinuousClock.now < deadline, agent.process.isRunning else { throw TestFailure("not ready: \(agent.process.output)") }
                try await Task.sleep(for: .milliseconds(200))
            }
            let credentials = ["-u", "prometheus:\(Self.password)"]
            let observed = [
                try Self.curl(agent, "/metrics", credentials, ca: setup.caFile),
                try Self.curl(agent, "/metrics", credentials + ["--cert", cert, "--key", key], ca: setup.caFile),
                try Self.curl(agent, "/metrics", credentials + ["--cert", strangerCert, "--key", strangerKey], ca: setup.caFile),
            ]
            #expect(observed == expected, "no certificate, client_ca_file's, another CA's")
            #expect(try Self.curl(agent, "/metrics", ["--cert", cert, "--key", key], ca: setup.caFile) == "401",
                    "a good certificate does not replace the password")
        }
    }

    @Test("a changed password applies without a restart; a broken file keeps the last good one")
    func reloadsChangedFile() async throws {
        let setup = try Setup(users: ["ops": "first"])
        let agent = try await Agent360Process.start(
            config: "collectors: {enabled: false}\n", extraArguments: ["--web.config.file", setup.webConfig], tls: true)
        try await withProcess(agent.process) { _ async throws in
            #expect(try Self.curl(agent, "/metrics", ["-u", "ops:first"]) == "200")
            let original = try String(contentsOfFile: setup.webConfig, encoding: .utf8)
            let lines = original.split(separator: "\n").filter { !$0.hasPrefix("  ops:") }
            try (lines.joined(separator: "\n") + "\n  ops: \(try Self.hash("second"))\n")
                .write(toFile: setup.webConfig, atomically: true, encoding: .utf8)
            let deadline = ContinuousClock.now + .seconds(20)
            while try Self.curl(agent, "/metrics", ["-u", "ops:second"]) != "200" && ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(250))
            }
            #expect(try Self.curl(agent, "/metrics", ["-u", "ops:second"]) == "200")
            #expect(try Self.curl(agent, "/metrics", ["-u", "ops:first"]) == "401")

            try "basic_auth_users:\n  ops: not-a-hash\n".write(toFile: setup.webConfig, atomically: true, encoding: .utf8)
            try await Task.sleep(for: .seconds(7))
            #expect(try Self.curl(agent, "/metrics", ["-u", "ops:second"]) == "200", "the broken file was not applied")
            #expect(try Self.curl(agent, "/metrics") == "401")
            #expect(agent.process.output.contains("web configuration not reloaded"))
        }
    }
}
