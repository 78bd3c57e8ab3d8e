import Foundation
import RemoteWrite
import TSDB
import Testing

/// `agent360 serve` with the scaling services, fed known samples over remote
/// write, and the `simulate --server` / `recommend --server` commands against it.
@Suite("Scaling against a running agent360", .serialized)
struct ScalingServerTests {
    static let config = """
    scaling:
      interval: 1s
      hpa:
        file: \(ScalingSimulateTests.hpa)
    recommendations:
      interval: 1s
    cost:
      interval: 1s
      prices: {services: {database: 180}}
      usage: {vcpus: 4, memoryGiB: 16, storageGiB: 100, networkGiBPerMonth: 50, computeUtilization: 0.35}
    """

    /// Posts `series` (name, labels, samples) with remote write; throws unless 204.
    static func write(_ agent: Agent360Process, _ series: [(String, [String: String], [Sample])]) async throws {
        let request = RemoteWriteRequest(series: series.map { name, labels, samples in
            var all = labels
            all["__name__"] = name
            return RemoteWriteRequest.Series(Labels(all), samples: samples)
        })
        let result = try await HTTP.request("\(agent.baseURL)/api/v1/write", method: .POST,
                                            headers: RemoteWriteEncoder.headers.map { ($0.name, $0.value) },
                                            body: RemoteWriteEncoder.encode(request))
        guard result.status == 204 else { throw TestFailure("remote write: \(result.status) \(result.text)") }
    }

    /// Polls an instant query until `accept` holds for its vector, or fails after 10 s.
    static func eventually(_ agent: Agent360Process, _ query: String,
                           _ accept: ([(labels: [String: String], value: Double)]) -> Bool) async throws
        -> [(labels: [String: String], value: Double)]
    {
        var last: [(labels: [String: String], value: Double)] = []
        for _ in 0..<100 {
            last = try PrometheusAPI.vector(try PrometheusAPI.data(from: try await HTTP.get("\(agent.baseURL)/api/v1/query?query=\(query.queryEncoded)")))
            if accept(last) { return last }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw TestFailure("\(query) never matched; last answer \(last)")
    }

    @Test("simulate --server replays the stored series exactly as the same samples from a CSV file")
    func simulateFromServer() async throws {
        try await withAgent360(config: Self.config) { agent in
            // The example ramp, shifted so its last sample is a few seconds ago.
            let text = try String(contentsOfFile: ScalingSimulateTests.ramp, encoding: .utf8)
            let lines = text.split(separator: "\n").filter { !$0.hasPrefix("#") }
            let header = lines[0].split(separator: ",").map(String.init)
            let now = Int64(Date().timeIntervalSince1970)
            let base = (now - 2410) / 15 * 15
            var columns: [[Sample]] = Array(repeating: [], count: header.count)
            var absolute = [lines[0]]
            for line in lines.dropFirst() {
                let cells = line.split(separator: ",").map(String.init)
                let time = base + (Int64(cells[0]) ?? 0)
                for index in 1..<cells.count {
                    columns[index].append(Sample(timestamp: time * 1000, value: Double(cells[index]) ?? .nan))
                }
                absolute.append(Substring(([String(time)] + cells.dropFirst()).joined(separator: ",")))
            }
            let names = ["cpu": "agent360_cpu_utilization", "memory": "agent360_memory_utilization"]
            let labels = ["namespace": "agent360-app", "workload": "agent360-app"]
            try await Self.write(agent, (1..<header.count).map { (names[header[$0]] ?? header[$0], labels, columns[$0]) })

            let directory = try Paths.temporaryDirectory("simulate-server")
            let csv = directory.appendingPathComponent("absolute.csv").path
            try absolute.joined(separator: "\n").write(toFile: csv, atomically: true, encoding: .utf8)
            let end = base + 2400
            let fromServer = try runCommand(Paths.agent360, [
                "simulate", "--hpa", ScalingSimulateTests.hpa, "--server", agent.baseURL,
                "--start", String(base), "--end", String(end), "--step", "15s", "--output", "csv",
            ])
            #expect(fromServer.status == 0, "\(fromServer.output)")
            let fromFile = try runCommand(Paths.agent360, ["simulate", "--hpa", ScalingSimulateTests.hpa, "--csv", csv, "--output", "csv"])
            #expect(fromFile.status == 0)
            #expect(fromServer.output == fromFile.output)
            let replicas = try ScalingSimulateTests.rows(fromServer.output).compactMap { $0["replicas"].flatMap { Int($0) } }
            #expect(replicas.count == 161)
            #expect(replicas.max() == 10)
            #expect(replicas.last == 3)

            // The table names the default queries it ran.
            let table = try runCommand(Paths.agent360, [
                "simulate", "--hpa", ScalingSimulateTests.hpa, "--server", agent.baseURL, "--start", String(base), "--end", String(end),
                "--query", "agent360_error_rate=vector(0.2)",
            ])
            #expect(table.output.contains("# cpu ← avg(agent360_cpu_utilization{namespace=\"agent360-app\",workload=\"agent360-app\"})"),
                    "\(table.output)")
            #expect(table.output.contains("# agent360_request_rate ← sum(agent360_request_rate{namespace=\"agent360-app\",workload=\"agent360-app\"})"))
            #expect(table.output.contains("# agent360_error_rate ← vector(0.2)"))
            let bad = try runCommand(Paths.agent360, ["simulate", "--hpa", ScalingSimulateTests.hpa, "--server", agent.baseURL,
                                                      "--query", "cpu=sum(", "--start", "now-5m"])
            #expect(bad.status == 1)
            #expect(bad.output.contains("bad_data"), "\(bad.output)")

            // The shadow HPA replays the same HPA live: at the end of the ramp 1500 req/s asks for 2, it runs 3.
            _ = try await Self.eventually(agent, "agent360_hpa_desired_replicas{hpa=\"agent360-app\"}") { $0.first?.value == 2 }
            let current = try await Self.eventually(agent, "agent360_hpa_current_replicas") { $0.first?.value == 3 }
            #expect(current.first?.labels == ["__name__": "agent360_hpa_current_replicas", "namespace": "agent360-app",
                                              "workload": "agent360-app", "hpa": "agent360-app"])
        }
    }

    @Test("scaling verdicts, recommendations and costs reach the store, /metrics and recommend --server")
    func recommend() async throws {
        try await withAgent360(config: Self.config) { agent in
            let now = Int64(Date().timeIntervalSince1970 * 1000)
            let minutes = (0..<20).map { now - Int64($0) * 60_000 }.reversed()
            func samples(_ value: Double) -> [Sample] { minutes.map { Sample(timestamp: $0, value: value) } }
            var series: [(String, [String: String], [Sample])] = []
            for (workload, cpu, memory, rate) in [("hot", 0.9, 0.6, 40.0), ("idle", 0.01, 0.2, 0.0), ("fine", 0.6, 0.6, 5.0)] {
                let labels = ["namespace": "shop", "workload": workload]
                series += [("agent360_cpu_utilization", labels, samples(cpu)), ("agent360_memory_utilization", labels, samples(memory)),
                           ("agent360_request_rate", labels, samples(rate))]
            }
            try await Self.write(agent, series)

            _ = try await Self.eventually(agent, "agent360_scaling_needed{workload=\"hot\",reason=\"cpu\"}") { $0.first?.value == 1 }
            // Every action is exported, 1 when recommended and 0 otherwise.
            let idle = try await Self.eventually(agent, "agent360_recommendation{workload=\"idle\"} == 1") { $0.count == 2 }
            #expect(Set(idle.compactMap { $0.labels["action"] }) == ["idle", "downsize"])
            let all = try await Self.eventually(agent, "agent360_recommendation{workload=\"idle\"}") { $0.count == 4 }
            #expect(all.filter { $0.value == 0 }.compactMap { $0.labels["action"] }.sorted() == ["increase_cpu", "increase_memory"])
            _ = try await Self.eventually(agent, "agent360_cost_total_monthly") { $0.first?.value == 377.11 }
            let metrics = try await HTTP.get("\(agent.baseURL)/metrics").text
            #expect(metrics.contains("agent360_scaling_needed{namespace=\"shop\",reason=\"cpu\",workload=\"hot\"} 1"), "\(metrics)")
            #expect(metrics.contains("agent360_recommendation{action=\"increase_cpu\",namespace=\"shop\",workload=\"hot\"} 1"))
            #expect(metrics.contains("agent360_cost_monthly{category=\"cpu\"} 128.16"))
            let lint = try runCommand(Paths.promtool, ["check", "metrics"], input: metrics)
            #expect(lint.output.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "promtool: \(lint.output)")

            let run = try runCommand(Paths.agent360, ["recommend", "--server", agent.baseURL])
            #expect(run.status == 0, "\(run.output)")
            let lines = run.output.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
            #expect(lines.first == "Recommendations (p95 over 1h)")
            #expect(lines.contains("NAMESPACE WORKLOAD CPU P95 MEMORY P95 REQ/S P95 ACTION REASON"))
            #expect(lines.contains("shop fine 0.6 0.6 5 - right-sized"))
            #expect(lines.contains { $0.hasPrefix("shop hot 0.9 0.6 40 increase_cpu p95 CPU utilization 0.9 is above 0.8: add 2 cores per pod") })
            #expect(lines.contains { $0.hasPrefix("shop idle 0.01 0.2 0 idle ") })
            #expect(lines.contains { $0.hasPrefix("downsize p95 CPU 0.01 and memory 0.2 are both below 0.5") })
            #expect(lines.contains("Monthly cost (USD, 30 days)"))
            #expect(lines.contains("cpu cpu 128.16 33.99%"))  // largest remainder: the shares sum to 100
            #expect(lines.contains("service database 180.00 47.73%"))
            #expect(lines.contains("total 377.11 100%"))
            #expect(lines.contains { $0.hasPrefix("downsize 92.30 compute utilization 0.35 is below 0.5") })

            let json = try runCommand(Paths.agent360, ["recommend", "--server", agent.baseURL, "--output", "json", "--window", "5m"])
            let object = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
            #expect((object?["recommendations"] as? [String: Any])?["window"] as? String == "5m")
            #expect((object?["costs"] as? [String: Any])?["total"] as? Double == 377.11)
        }
        let unreachable = try runCommand(Paths.agent360, ["recommend", "--server", "http://127.0.0.1:\(try freePort())"])
        #expect(unreachable.status == 3)
        #expect(unreachable.output.contains("cannot reach"))
    }
}
