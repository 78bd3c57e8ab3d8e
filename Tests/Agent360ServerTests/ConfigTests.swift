import Agent360Server
import Testing

@Suite("Configuration parsing")
struct ConfigTests {
    @Test("a complete file sets every value")
    func goodFile() throws {
        let config = try Agent360Config.parse(yaml: """
        server:
          listen: 127.0.0.1:19000
          logLevel: debug
          shutdownGracePeriod: 1m30s
        collectors:
          enabled: false
          interval: 250ms
          rootPath: /host
          diskMountPoints: [/, /data]
          excludeNetworkDevices:
            - lo
        """)
        #expect(config.server.listen == HostPort(host: "127.0.0.1", port: 19000))
        #expect(config.server.logLevel == .debug)
        #expect(config.server.shutdownGracePeriod.milliseconds == 90_000)
        #expect(config.collectors.enabled == false)
        #expect(config.collectors.interval.milliseconds == 250)
        #expect(config.collectors.rootPath == "/host")
        #expect(config.collectors.diskMountPoints == ["/", "/data"])
        #expect(config.collectors.excludeNetworkDevices == ["lo"])
        let storage = try Agent360Config.parse(yaml: "storage:\n  checkpointWALBytes: 0\n").storage
        #expect(storage.checkpointWALBytes == 0)
        #expect(try Agent360Config.parse(yaml: "").storage.checkpointWALBytes == 64 << 20)
        let query = try Agent360Config.parse(yaml: "query:\n  maxConcurrency: 3\n  maxQueued: 0\n").query
        #expect(query.maxConcurrency == 3 && query.maxQueued == 0)
        #expect(try Agent360Config.parse(yaml: "").query.maxConcurrency == 20)
    }

    @Test("the embedded default equals what an empty file gives")
    func embeddedDefault() throws {
        let config = try Agent360Config.load(path: nil)
        #expect(config == (try Agent360Config.parse(yaml: "")))
        #expect(config.server == ServerConfig())
        #expect(config.collectors == CollectorsConfig())
        #expect(config.rules.groups.map(\.name) == ["agent360-signals"])
        #expect(config.rules.groups.first?.rules.map(\.record) == [
            "agent360_request_rate", "agent360_error_rate", "agent360_latency_p95_seconds",
            "agent360_cpu_utilization", "agent360_memory_utilization",
        ])
    }

    @Test("an empty file and empty sections mean defaults")
    func emptyMeansDefaults() throws {
        let defaults = try Agent360Config.parse(yaml: "")
        #expect(try Agent360Config.parse(yaml: "server:\ncollectors:\n") == defaults)
        #expect(try Agent360Config.parse(yaml: "rules:\n  groups: []\n").rules.groups.isEmpty)
    }

    @Test("errors name the line, column and key", arguments: [
        ("server:\n  listen: 127.0.0.1:1\n  listn: x\n", "cfg.yaml:3:3: server.listn: unknown key"),
        ("servr:\n  listen: x\n", "cfg.yaml:1:1: servr: unknown key"),
        ("server:\n  listen: nohost\n", "cfg.yaml:2:11: server.listen: invalid address \"nohost\""),
        ("server:\n  listen: 1.2.3.4:99999\n", "cfg.yaml:2:11: server.listen: invalid address"),
        ("server:\n  logLevel: loud\n", "cfg.yaml:2:13: server.logLevel: unknown log level \"loud\""),
        ("remoteWrite:\n  decoder: protobuf\n", "cfg.yaml:2:12: remoteWrite.decoder: unknown decoder \"protobuf\" (direct, protobuf-c)"),
        ("collectors:\n  interval: 5 seconds\n", "cfg.yaml:2:13: collectors.interval: invalid duration \"5 seconds\""),
        ("collectors:\n  interval: 0s\n", "cfg.yaml:2:13: collectors.interval: duration must be greater than zero"),
        ("collectors:\n  interval: 10ms\n", "cfg.yaml:2:13: collectors.interval: must be at least 100ms"),
        ("collectors:\n  enabled: maybe\n", "cfg.yaml:2:12: collectors.enabled: expected true or false"),
        ("collectors:\n  diskMountPoints: /data\n", "cfg.yaml:2:20: collectors.diskMountPoints: expected a list"),
        ("collectors:\n  diskMountPoints: [data]\n", "collectors.diskMountPoints: \"data\" is not an absolute path"),
        ("collectors:\n  rootPath: host\n", "cfg.yaml:2:13: collectors.rootPath: must be an absolute path"),
        ("server:\n  listen: a:1\n  listen: b:2\n", "cfg.yaml:3:3: invalid YAML: duplicate key listen"),
        ("server: [1, 2]\n", "cfg.yaml:1:9: server: expected a mapping"),
        ("- a\n- b\n", "cfg.yaml:1:1: (root): expected a mapping"),
        ("server:\n  listen: [a\n", "cfg.yaml:3:1: invalid YAML"),
        ("server:\n\tlisten: x\n", "cfg.yaml:2:1: invalid YAML"),
        ("query:\n  maxConcurrency: 0\n", "cfg.yaml:2:19: query.maxConcurrency"),
        ("storage:\n  checkpointWALBytes: 4096\n", "cfg.yaml:2:23: storage.checkpointWALBytes: must be 0 or at least 1048576"),
    ])
    func errorsAreLocated(yaml: String, expected: String) {
        do {
            _ = try Agent360Config.parse(yaml: yaml, file: "cfg.yaml")
            Issue.record("expected an error for \(yaml)")
        } catch {
            #expect(error.description.hasPrefix(expected) || error.description.contains(expected),
                    "got: \(error.description)")
        }
    }

    @Test("an unknown key lists the allowed keys")
    func unknownKeyListsAllowed() {
        do {
            _ = try Agent360Config.parse(yaml: "server:\n  port: 1\n")
            Issue.record("expected an error")
        } catch {
            #expect(error.isUnknownKey)
            #expect(error.description.contains("allowed: listen, logLevel, shutdownGracePeriod"))
        }
    }

    @Test("durations use Prometheus syntax", arguments: [
        ("15s", 15_000), ("1m", 60_000), ("1h30m", 5_400_000), ("500ms", 500), ("1d", 86_400_000), ("2w", 1_209_600_000),
    ] as [(String, Int64)])
    func durations(text: String, milliseconds: Int64) {
        #expect(ConfigDuration(text)?.milliseconds == milliseconds)
        #expect(ConfigDuration(milliseconds: milliseconds).description == text)
    }

    @Test("malformed durations are refused", arguments: ["", "5", "1m1h", "1.5s", "-1s", "1x", "s", "1h 30m"])
    func badDurations(text: String) {
        #expect(ConfigDuration(text) == nil)
    }

    @Test("listen addresses", arguments: [
        ("0.0.0.0:9360", "0.0.0.0", 9360), (":9360", "0.0.0.0", 9360), ("[::1]:80", "::1", 80), ("localhost:1", "localhost", 1),
    ] as [(String, String, Int)])
    func hostPorts(text: String, host: String, port: Int) {
        #expect(HostPort(text) == HostPort(host: host, port: port))
    }
}
