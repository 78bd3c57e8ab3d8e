import Foundation
import Testing

/// Crash recovery and high availability with a real Prometheus 2.42 as both
/// the sender (scrape every 1 s, remote write with retries) and the reference
/// (its own copy of every sample it forwarded).
///
/// Evaluation times are fixed and in the past once every replica has caught
/// up, so the demo application's ever-growing counters compare exactly.
@Suite("High availability: kill -9 recovery and two replicas, against Prometheus 2.42")
struct HighAvailabilityTests {
    typealias HA = ReplicatedPipeline

    static let agentConfig = """
    collectors: {enabled: false}
    rules: {groups: []}
    """

    /// Raw samples of every demo series over `window` seconds ending at `time`:
    /// timestamps and values must be identical (the range selector drops stale
    /// markers in both, so the instant queries below check those).
    static func rawWindow(_ window: Int) -> String { "{job=\"\(HA.job)\"}[\(window)s]" }

    @Test("kill -9 and restart: no gap")
    func killAndRestart() async throws {
        try await withProcessSet { set in
            let started = HA.now()
            let demoPort = try await HA.startDemo(in: set)
            let agent = try await HA.startAgent(config: Self.agentConfig, name: "agent360-crash", in: set)
            let prometheus = try await HA.startPrometheus(demoPort: demoPort, replicas: [agent], name: "prometheus-crash", in: set)

            // ~15 s of data, then everything agent360 serves right before the kill
            // (a sample is in the WAL before a query can see it).
            try await HA.waitForScrapes(agent, count: 15)
            guard let held = try await HA.newestScrape(agent.baseURL) else { throw TestFailure("no data before the kill") }
            let beforeKill = try await HA.query(agent.baseURL, Self.rawWindow(120), at: held)

            let killed = HA.now()
            agent.process.signal(SIGKILL)
            #expect(await agent.process.waitForExit(timeout: .seconds(10)) != nil, "agent360 did not die on SIGKILL")
            // Prometheus keeps scraping and retries the writes that fail meanwhile.
            try await Task.sleep(for: .seconds(4))
            let restarted = try await HA.startAgent(config: Self.agentConfig, name: "agent360-crash-restarted",
                                                    storagePath: agent.storagePath, ports: (agent.port, agent.securePort), in: set)
            let back = HA.now()

            // The replay alone brought back what was held (Prometheus never
            // re-sends an acknowledged batch, so nothing else could have).
            let replayed = try await HA.query(restarted.baseURL, Self.rawWindow(120), at: held)
            let lost = Self.missing(beforeKill, in: replayed)
            #expect(lost.isEmpty, "\(lost.count) samples held before kill -9 are gone after the replay: \(lost.prefix(5))")
            #expect(restarted.process.output.contains("storage replayed"), "\(restarted.process.output.suffix(2000))")

            let time = try await HA.waitForCatchUp([restarted], prometheus: prometheus, after: back)
            let window = Int((time - started).rounded(.up)) + 10
            let deadline = ContinuousClock.now + .seconds(10)

            // Every raw sample, from before the kill to after the restart, equals Prometheus's.
            var problems = try await HA.differences(Self.rawWindow(window), at: time, agent: restarted.baseURL,
                                                    reference: prometheus.baseURL, exact: true, until: deadline)
            // Instant vectors every second around the outage: stale markers
            // (vanished pods) came back from the WAL and the re-sent batches too.
            var instant = (killed - 4).rounded(.down)
            while instant <= min(back + 4, time) {
                problems += try await HA.differences("{job=\"\(HA.job)\"}", at: instant, agent: restarted.baseURL,
                                                     reference: prometheus.baseURL, exact: true, until: deadline)
                instant += 1
            }
            // What an HPA reads across the outage (sums: float order may differ, 1e-9 relative).
            for expression in ["sum by (pod) (rate(\(HA.counter)[1m]))", "sum(increase(\(HA.counter)[30s]))"] {
                for at in [killed + 2, back + 1, time] {
                    problems += try await HA.differences(expression, at: at, agent: restarted.baseURL,
                                                         reference: prometheus.baseURL, exact: false, until: deadline)
                }
            }
            #expect(problems.isEmpty, "agent360 differs from Prometheus after kill -9:\n\(problems.prefix(20).joined(separator: "\n"))")

            // No gap: the scrapes Prometheus made while agent360 was down arrived after the restart.
            let scrapes = try await HA.query(restarted.baseURL, "up{job=\"\(HA.job)\"}[\(window)s]", at: time)
            let stamps = scrapes.series.first?.points.map(\.time) ?? []
            let duringOutage = stamps.filter { $0 > killed && $0 < back }
            #expect(Double(duringOutage.count) >= (back - killed) - 2,
                    "\(duringOutage.count) scrapes held from the \(HA.format(back - killed)) s outage")
            #expect(stamps.first.map { $0 < killed - 10 } == true, "the compared window starts well before the kill")
        }
    }

    @Test("two replicas, one killed")
    func twoReplicasOneKilled() async throws {
        let directory = try Paths.temporaryDirectory("ha-tokens")
        let tokens = directory.appendingPathComponent("tokens.csv").path
        try "hpa-token,system:serviceaccount:kube-system:horizontal-pod-autoscaler,uid-1\n"
            .write(toFile: tokens, atomically: true, encoding: .utf8)
        let config = Self.agentConfig + """

        externalMetrics:
          - name: demo_request_rate
            query: sum(rate(\(HA.counter)[1m]))
            window: 1m
        secureAPI:
          tokenAuthFile: \(tokens)
        """
        let path = "/apis/external.metrics.k8s.io/v1beta1/namespaces/default/demo_request_rate"
        // The API adds namespace="default" to every selector of the configured query.
        let promQL = "sum(rate(\(HA.counter){namespace=\"default\"}[1m]))"

        try await withProcessSet { set in
            let started = HA.now()
            let demoPort = try await HA.startDemo(in: set)
            let a = try await HA.startAgent(config: config, name: "agent360-replica-a", in: set)
            let b = try await HA.startAgent(config: config, name: "agent360-replica-b", in: set)
            let prometheus = try await HA.startPrometheus(demoPort: demoPort, replicas: [a, b], name: "prometheus-ha", in: set)
            try await HA.waitForScrapes(a, count: 10)
            try await HA.waitForScrapes(b, count: 10)

            let killed = HA.now()
            b.process.signal(SIGKILL)
            #expect(await b.process.waitForExit(timeout: .seconds(10)) != nil, "replica B did not die on SIGKILL")
            let down = try? await HTTP.request("\(b.baseURL)/readyz", timeout: .seconds(2))
            #expect(down == nil, "replica B still answers: \(down?.status ?? 0)")

            // Replica A serves the HPA's metric, with the right value, throughout B's outage.
            var problems: [String] = []
            for round in 0 ..< 3 {
                let check = try await HA.checkExternalMetric(a, path: path, token: "hpa-token", promQL: promQL)
                #expect(check.status == 200, "round \(round), replica A while B is down: \(check.detail)")
                #expect(check.matched, "round \(round), replica A's external metric is not its PromQL value: \(check.detail)")
                // And A's PromQL is Prometheus's, at a fixed past time (sums: 1e-9 relative).
                if let newest = try await HA.newestScrape(a.baseURL) {
                    problems += try await HA.differences(promQL, at: newest - 1, agent: a.baseURL, reference: prometheus.baseURL,
                                                         exact: false, until: ContinuousClock.now + .seconds(5))
                }
                try await Task.sleep(for: .milliseconds(1200))
            }
            #expect(problems.isEmpty, "replica A differs from Prometheus while B is down:\n\(problems.joined(separator: "\n"))")

            let restarted = try await HA.startAgent(config: config, name: "agent360-replica-b-restarted", storagePath: b.storagePath,
                                                    ports: (b.port, b.securePort), in: set)
            let back = HA.now()
            let time = try await HA.waitForCatchUp([a, restarted], prometheus: prometheus, after: back)
            let window = Int((time - started).rounded(.up)) + 10

            // After catch-up both replicas answer identically (B: before the kill
            // from its WAL, the outage from Prometheus's retries), and as Prometheus
            // does (computed values within 1e-9 relative: its float sums run in
            // another order; raw samples and counts exactly).
            let queries: [(expression: String, exact: Bool)] = [
                (promQL, false),
                ("sum by (pod, code) (rate(\(HA.counter)[1m]))", false),
                ("histogram_quantile(0.95, sum by (le) (rate(agent360_http_request_duration_seconds_bucket[1m])))", false),
                ("count(\(HA.counter))", true),
                ("count by (pod) ({job=\"\(HA.job)\"})", true),
                ("{job=\"\(HA.job)\"}", true),
            ]
            let checks = [killed - 2, killed + 2, back + 1, time].flatMap { at in queries.map { ($0.expression, $0.exact, at) } }
                + [(Self.rawWindow(window), true, time)]
            let deadline = ContinuousClock.now + .seconds(10)
            for (expression, exact, at) in checks {
                problems += try await HA.differences(expression, at: at, agent: restarted.baseURL, reference: a.baseURL,
                                                     exact: true, until: deadline).map { "B vs A: \($0)" }
                problems += try await HA.differences(expression, at: at, agent: restarted.baseURL, reference: prometheus.baseURL,
                                                     exact: exact, until: deadline).map { "B vs Prometheus: \($0)" }
            }
            #expect(problems.isEmpty, "replicas disagree after the restart:\n\(problems.prefix(20).joined(separator: "\n"))")

            // The restarted replica serves the metric again, with its PromQL value.
            let check = try await HA.checkExternalMetric(restarted, path: path, token: "hpa-token", promQL: promQL)
            #expect(check.status == 200 && check.matched, "restarted replica B: \(check.detail)")
        }
    }

    /// Samples of `subset` absent from `superset` (by labels, timestamp and value).
    static func missing(_ subset: APIAnswer, in superset: APIAnswer) -> [String] {
        var held: [String: Set<String>] = [:]
        for series in superset.series {
            held[APIAnswer.key(series.labels)] = Set(series.points.map { "\($0.time)=\($0.value)" })
        }
        var missing: [String] = []
        for series in subset.series {
            let key = APIAnswer.key(series.labels)
            for point in series.points where held[key]?.contains("\(point.time)=\(point.value)") != true {
                missing.append("\(key) @\(point.time)=\(point.value)")
            }
        }
        if subset.series.isEmpty { missing.append("nothing held before the kill") }
        return missing
    }
}
