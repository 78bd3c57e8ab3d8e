import Foundation
import Testing

@Suite("agent360 command line", .serialized)
struct CommandLineTests {
    @Test("agent360 query prints results and fails on bad queries")
    func queryCommand() async throws {
        try await withAgent360 { agent in
            let good = try runCommand(Paths.agent360, ["query", "vector(42) + 0.5", "--server", agent.baseURL, "--time", "1700000000"])
            #expect(good.status == 0, "\(good.output)")
            #expect(good.output.trimmingCharacters(in: .whitespacesAndNewlines) == "{} => 42.5 @[1700000000]")
            let json = try runCommand(Paths.agent360, ["query", "label_replace(vector(1), \"a\", \"b\", \"\", \"\")",
                                                       "--server", agent.baseURL, "--output", "json"])
            #expect(json.output.contains("\"resultType\" : \"vector\""), "\(json.output)")
            #expect(json.output.contains("\"a\" : \"b\""), "\(json.output)")
            let bad = try runCommand(Paths.agent360, ["query", "sum(", "--server", agent.baseURL])
            #expect(bad.status == 1)
            #expect(bad.output.contains("bad_data: invalid parameter \"query\": 1:5: parse error"), "\(bad.output)")
        }
        let unreachable = try runCommand(Paths.agent360, ["query", "up", "--server", "http://127.0.0.1:\(try freePort())"])
        #expect(unreachable.status == 3)
        #expect(unreachable.output.contains("cannot reach"))
    }
}

@Suite("recording rules are Prometheus rule files")
struct RuleFileTests {
    @Test("promtool check rules accepts the embedded default's rules section")
    func promtoolAcceptsDefaultRules() throws {
        let printed = try runCommand(Paths.agent360, ["check-config", "--print-default"])
        #expect(printed.status == 0)
        let directory = try Paths.temporaryDirectory("rules")
        let config = directory.appendingPathComponent("default.yaml").path
        try printed.output.write(toFile: config, atomically: true, encoding: .utf8)
        let rules = directory.appendingPathComponent("rules.yml").path
        let extract = try runCommand("/usr/bin/env", ["python3", "-c",
            "import sys, yaml; yaml.safe_dump(yaml.safe_load(open(sys.argv[1]))['rules'], open(sys.argv[2], 'w'))", config, rules])
        #expect(extract.status == 0, "\(extract.output)")
        let check = try runCommand(Paths.promtool, ["check", "rules", rules])
        #expect(check.status == 0, "\(check.output)")
        #expect(check.output.contains("SUCCESS: 5 rules found"), "\(check.output)")
    }

    @Test("rules.files loads Prometheus rule files and reports their errors by file and line")
    func ruleFiles() throws {
        let directory = try Paths.temporaryDirectory("rule-files")
        let good = directory.appendingPathComponent("team.rules.yml").path
        try """
        groups:
          - name: team
            interval: 30s
            rules:
              - record: job:up:sum
                expr: sum by (job) (up)
                labels: {team: platform}
        """.write(toFile: good, atomically: true, encoding: .utf8)
        #expect(try runCommand(Paths.promtool, ["check", "rules", good]).status == 0)
        let config = directory.appendingPathComponent("agent360.yaml").path
        try "rules:\n  files: [team.rules.yml]\n".write(toFile: config, atomically: true, encoding: .utf8)
        let accepted = try runCommand(Paths.agent360, ["check-config", config])
        #expect(accepted.status == 0, "\(accepted.output)")

        let bad = directory.appendingPathComponent("bad.rules.yml").path
        try """
        groups:
          - name: broken
            rules:
              - record: job:up:sum
                expr: sum by (job) (up
        """.write(toFile: bad, atomically: true, encoding: .utf8)
        try "rules:\n  files: [bad.rules.yml]\n".write(toFile: config, atomically: true, encoding: .utf8)
        let refused = try runCommand(Paths.agent360, ["check-config", config])
        #expect(refused.status == 1)
        #expect(refused.output.contains("bad.rules.yml:5:"), "\(refused.output)")
        #expect(refused.output.contains("groups[0].rules[0].expr"), "\(refused.output)")
        #expect(refused.output.contains("unclosed left parenthesis"), "\(refused.output)")
    }
}
