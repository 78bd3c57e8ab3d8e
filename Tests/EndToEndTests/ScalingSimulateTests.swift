import Foundation
import Testing

/// `agent360 simulate` on the guide's HPA and the example load ramp, checked
/// against what an operator predicts from the HPA's behavior section.
@Suite("agent360 simulate")
struct ScalingSimulateTests {
    static let hpa = Paths.repositoryRoot.appendingPathComponent("examples/guide-hpa.yaml").path
    static let ramp = Paths.repositoryRoot.appendingPathComponent("examples/load-ramp.csv").path

    /// One CSV output as rows of named cells.
    static func rows(_ csv: String) throws -> [[String: String]] {
        let lines = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first else { throw TestFailure("empty CSV") }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    /// (time, requests/s) of the example's input, data lines only.
    static func inputLoad() throws -> [(time: Int, rate: Double)] {
        let text = try String(contentsOfFile: ramp, encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.hasPrefix("time") }.compactMap { line in
            let cells = line.split(separator: ",")
            guard cells.count == 5, let time = Int(cells[0]), let rate = Double(cells[3]) else { return nil }
            return (time, rate)
        }
    }

    @Test("the guide's HPA on the load ramp: +2 pods/min after a minute, capped at 10, −1 pod/min after five quiet minutes, never below 3")
    func guideTrajectory() throws {
        let run = try runCommand(Paths.agent360, ["simulate", "--hpa", Self.hpa, "--csv", Self.ramp, "--output", "csv"])
        #expect(run.status == 0, "\(run.output)")
        let rows = try Self.rows(run.output)
        let load = try Self.inputLoad()
        try #require(rows.count == load.count)
        let times = rows.compactMap { $0["time"].flatMap { Int($0) } }
        #expect(times == load.map(\.time))  // one sync per 15 s row
        let replicas = rows.compactMap { $0["replicas"].flatMap { Int($0) } }
        try #require(replicas.count == rows.count)

        // Invariants of spec.behavior (rows are 15 s apart, so 4 rows = 60 s, 20 rows = 300 s).
        #expect(replicas.allSatisfy { (3...10).contains($0) })
        for index in 4..<replicas.count {
            #expect(replicas[index] - replicas[index - 4] <= 2, "more than +2 pods within 60 s at \(times[index])")
            #expect(replicas[index - 4] - replicas[index] <= 1, "more than −1 pod within 60 s at \(times[index])")
        }
        let desired = rows.map { $0["desired_replicas"].flatMap { Int($0) } ?? 0 }
        for index in 1..<replicas.count where replicas[index] != replicas[index - 1] {
            let window = replicas[index] > replicas[index - 1] ? 4 : 20
            let recent = desired[max(0, index - window + 1)...index]
            if replicas[index] > replicas[index - 1] {
                #expect(recent.allSatisfy { $0 >= replicas[index] }, "scaled up at \(times[index]) without a minute of higher demand")
            } else {
                #expect(recent.allSatisfy { $0 <= replicas[index] }, "scaled down at \(times[index]) within 5 min of higher demand")
            }
        }

        // The operator's prediction from the load alone: desired = ceil(requests/s / 1000).
        let wanted = load.map { Int(($0.rate / 1000).rounded(.up)) }
        // Up once a whole minute (the 4 syncs in (t − 60 s, t]) asked for more than 3.
        let firstRise = try #require((3..<wanted.count).first { index in wanted[(index - 3)...index].allSatisfy { $0 > 3 } })
        #expect(times[firstRise] == 375)
        #expect(replicas[..<firstRise].allSatisfy { $0 == 3 })
        #expect(replicas[firstRise] > 3)
        // From 3 to 10 at +2 per minute at most: the cap is reached 3 minutes after the first step.
        let reachedMax = try #require(replicas.firstIndex(of: 10))
        #expect(times[reachedMax] - times[firstRise] == 180)
        // Down only once five minutes (20 syncs) asked for fewer than 10.
        let lastHigh = try #require(wanted.lastIndex { $0 >= 10 })
        let firstDrop = lastHigh + 20
        #expect(times[firstDrop] == 1440)
        #expect(replicas[reachedMax..<firstDrop].allSatisfy { $0 == 10 })
        // Then one pod a minute until minReplicas.
        for index in firstDrop..<replicas.count {
            #expect(replicas[index] == max(3, 9 - (times[index] - times[firstDrop]) / 60), "at \(times[index])")
        }
        #expect(replicas.last == 3)
        #expect(rows[firstDrop]["limiting_rule"] == "ScaleDownStabilized")
        #expect(rows[firstRise + 3]["limiting_rule"] == "ScaleUpLimit")
    }

    @Test("table, JSON and chart outputs")
    func outputs() throws {
        let directory = try Paths.temporaryDirectory("simulate-outputs")
        let chart = directory.appendingPathComponent("chart.svg").path
        let table = try runCommand(Paths.agent360, ["simulate", "--hpa", Self.hpa, "--csv", Self.ramp, "--chart", chart])
        #expect(table.status == 0, "\(table.output)")
        #expect(table.output.contains("# agent360-app/agent360-app: replicas 3–10, sync every 15 s"))
        #expect(table.output.contains("ScaleUpLimit"))
        let svg = try String(contentsOfFile: chart, encoding: .utf8)
        #expect(svg.hasPrefix("<svg"))
        #expect(svg.contains("HPA replay of agent360-app/agent360-app"))
        let json = try runCommand(Paths.agent360, ["simulate", "--hpa", Self.hpa, "--csv", Self.ramp, "--output", "json",
                                                   "--replicas", "5"])
        let object = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
        let rows = object?["rows"] as? [[String: Any]]
        #expect(rows?.count == 161)
        #expect(rows?.first?["currentReplicas"] as? Int == 5)
    }

    @Test("bad input: the HPA's line, the CSV's line, unreachable servers, conflicting options", arguments: [
        ("hpa", 2, "line 12: spec.maxReplicas: Invalid value: \"0\""),
        ("csv", 2, "line 3: column cpu: \"lots\" is not a number"),
        ("server", 3, "cannot reach"),
        ("both", 64, "give exactly one of --csv FILE or --server URL"),
        ("query-without-server", 64, "--query needs --server"),
        ("unknown-query", 2, "--query cpuu: the HPA has no such metric (metrics: cpu, memory, agent360_request_rate, agent360_error_rate)"),
    ] as [(String, Int32, String)])
    func badInput(kind: String, status: Int32, message: String) throws {
        let directory = try Paths.temporaryDirectory("simulate-bad")
        let badHPA = directory.appendingPathComponent("hpa.yaml").path
        let manifest = try String(contentsOfFile: Self.hpa, encoding: .utf8)
        // maxReplicas sits on line 12 of the manifest without its comment header.
        let body = manifest.split(separator: "\n", omittingEmptySubsequences: false).drop { $0.hasPrefix("#") }.joined(separator: "\n")
        try body.replacingOccurrences(of: "maxReplicas: 10", with: "maxReplicas: 0").write(toFile: badHPA, atomically: true, encoding: .utf8)
        let badCSV = directory.appendingPathComponent("load.csv").path
        try "time,cpu\n0,0.5\n15,lots\n".write(toFile: badCSV, atomically: true, encoding: .utf8)
        let unreachable = "http://127.0.0.1:\(try freePort())"
        let arguments: [String]
        switch kind {
        case "hpa": arguments = ["--hpa", badHPA, "--csv", Self.ramp]
        case "csv": arguments = ["--hpa", Self.hpa, "--csv", badCSV]
        case "server": arguments = ["--hpa", Self.hpa, "--server", unreachable]
        case "both": arguments = ["--hpa", Self.hpa, "--csv", Self.ramp, "--server", unreachable]
        case "query-without-server": arguments = ["--hpa", Self.hpa, "--csv", Self.ramp, "--query", "cpu=up"]
        default: arguments = ["--hpa", Self.hpa, "--server", unreachable, "--query", "cpuu=up"]
        }
        let run = try runCommand(Paths.agent360, ["simulate"] + arguments)
        #expect(run.status == status, "\(run.output)")
        #expect(run.output.contains(message), "\(run.output)")
    }
}
