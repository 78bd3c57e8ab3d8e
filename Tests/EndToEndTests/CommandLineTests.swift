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
