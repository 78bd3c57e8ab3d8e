import Foundation
import KubeMetricsAPI
import Synchronization
import Testing

/// Every process one high-availability test starts, stopped however the test
/// ends: Prometheus first (so it stops sending), then the rest.
final class ProcessSet: Sendable {
    private let processes = Mutex<[ManagedProcess]>([])

    func add(_ process: ManagedProcess) { processes.withLock { $0.append(process) } }

    func stopAll() async {
        let all = processes.withLock { list in
            defer { list.removeAll() }
            return list
        }
        for process in all.reversed() { await process.stop() }
    }
}

/// Runs `body` and stops every process it registered, on success and failure.
func withProcessSet<T>(_ body: (ProcessSet) async throws -> T) async throws -> T {
    let set = ProcessSet()
    do {
        let result = try await body(set)
        await set.stopAll()
        return result
    } catch {
        await set.stopAll()
        throw error
    }
}

/// demo application → one Prometheus 2.42 (scrape every 1 s) → remote write to
/// each agent360 replica (one `remote_write` entry per replica, each the full
/// stream), with fast retries so a restarted replica catches up in seconds.
enum ReplicatedPipeline {
    /// The demo series, as Prometheus labels them after the scrape.
    static let job = "demo"
    static let counter = "agent360_http_requests_total"

    /// Starts `agent360 demo-app` on a free port. Pods restart (counter resets)
    /// and vanish (stale markers) within the tests' time frame, so the data
    /// Prometheus forwards has every kind of sample, not only growing counters.
    static func startDemo(in set: ProcessSet) async throws -> Int {
        let port = try freePort()
        let demo = try ManagedProcess(name: "demo-app-ha", executable: Paths.agent360, arguments: [
            "demo-app", "--listen", "127.0.0.1:\(port)", "--pods", "3", "--rps", "15",
            "--error-ratio", "0.05", "--restart-every", "7", "--gap-every", "11",
        ])
        set.add(demo)
        try await HTTP.waitUntilOK("http://127.0.0.1:\(port)/healthz", process: demo)
        return port
    }

    /// Prometheus's configuration: remote write retried after 100 ms … 1 s.
    static func prometheusConfig(demoPort: Int, replicas: [Agent360Process]) -> String {
        var config = """
        global:
          scrape_interval: 1s
          evaluation_interval: 1m
        scrape_configs:
          - job_name: \(job)
            static_configs:
              - targets: ["127.0.0.1:\(demoPort)"]
        remote_write:

        """
        for (index, replica) in replicas.enumerated() {
            config += """
              - url: http://127.0.0.1:\(replica.port)/api/v1/write
                name: replica-\(index)
                queue_config:
                  min_backoff: 100ms
                  max_backoff: 1s
                  batch_send_deadline: 1s
                  max_samples_per_send: 500

            """
        }
        return config
    }

    static func startPrometheus(demoPort: Int, replicas: [Agent360Process], name: String, in set: ProcessSet) async throws
        -> PrometheusServer
    {
        let prometheus = try await PrometheusServer.start(config: prometheusConfig(demoPort: demoPort, replicas: replicas), name: name)
        set.add(prometheus.process)
        return prometheus
    }

    static func startAgent(config: String, name: String, storagePath: String? = nil, ports: (plain: Int, secure: Int)? = nil,
                           in set: ProcessSet) async throws -> Agent360Process {
        let agent = try await Agent360Process.start(config: config, name: name, storagePath: storagePath, ports: ports)
        set.add(agent.process)
        return agent
    }

    // MARK: Queries

    static func now() -> Double { Date.now.timeIntervalSince1970 }

    /// Seconds with millisecond precision, as the HTTP API takes them.
    static func format(_ time: Double) -> String { String(format: "%.3f", time) }

    /// `/api/v1/query` on any Prometheus-compatible base URL.
    static func query(_ baseURL: String, _ expression: String, at time: Double? = nil) async throws -> APIAnswer {
        var url = "\(baseURL)/api/v1/query?query=\(expression.queryEncoded)"
        if let time { url += "&time=\(format(time))" }
        return try APIAnswer(await HTTP.get(url))
    }

    /// The single value of an instant query, nil when the result is empty.
    static func scalar(_ baseURL: String, _ expression: String, at time: Double? = nil) async throws -> Double? {
        let answer = try await query(baseURL, expression, at: time)
        guard answer.status == 200, answer.errorType == nil else {
            throw TestFailure("\(expression) on \(baseURL): \(answer.status) \(answer.error ?? "")")
        }
        guard let text = answer.series.first?.points.first?.value else { return nil }
        return Double(text) ?? PrometheusAPI.special(text)
    }

    /// Timestamp (s) of the newest scrape of the demo job `baseURL` holds.
    static func newestScrape(_ baseURL: String) async throws -> Double? {
        try await scalar(baseURL, "max(timestamp(up{job=\"\(job)\"}))")
    }

    /// Polls until every replica holds the scrapes Prometheus holds (its newest
    /// within two scrape intervals of Prometheus's newest) and has received data
    /// scraped after `after`; returns a fixed evaluation time a little in the
    /// past that all of them and Prometheus have completely.
    static func waitForCatchUp(_ replicas: [Agent360Process], prometheus: PrometheusServer, after: Double,
                               timeout: Duration = .seconds(40)) async throws -> Double {
        let deadline = ContinuousClock.now + timeout
        var last = "no answer"
        while ContinuousClock.now < deadline {
            if let reference = try await newestScrape(prometheus.baseURL) {
                var newest: [Double] = []
                for replica in replicas {
                    if let time = try? await newestScrape(replica.baseURL) { newest.append(time) }
                }
                last = "Prometheus \(format(reference)), replicas \(newest.map(format))"
                if newest.count == replicas.count, let oldest = newest.min(), oldest >= reference - 2, oldest >= after + 2 {
                    // One scrape interval back: the whole scrape at that time has arrived
                    // (a scrape's samples can travel in several batches).
                    return min(oldest, reference) - 1
                }
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw TestFailure("replicas did not catch up with Prometheus within \(timeout): \(last)")
    }

    /// Polls until the replica holds at least `count` scrapes of the demo job.
    static func waitForScrapes(_ agent: Agent360Process, count: Int, timeout: Duration = .seconds(40)) async throws {
        let deadline = ContinuousClock.now + timeout
        var held = 0.0
        while ContinuousClock.now < deadline {
            held = try await scalar(agent.baseURL, "count_over_time(up{job=\"\(job)\"}[10m])") ?? 0
            if held >= Double(count) { return }
            try await Task.sleep(for: .milliseconds(250))
        }
        throw TestFailure("\(agent.baseURL) holds \(held) scrapes, not \(count), after \(timeout)")
    }

    /// Compares `expression` at `time` on `agent` with `reference` until they
    /// agree or `deadline` passes; returns the last differences (empty = equal).
    ///
    /// The evaluation time is fixed and in the past, so the answer can only
    /// change while batches Prometheus already scraped are still in flight
    /// (shards deliver independently); a lost sample never arrives and fails.
    /// Pass one deadline to a group of comparisons: a failing group then costs
    /// that much time once, not once per query.
    static func differences(_ expression: String, at time: Double, agent: String, reference: String, exact: Bool,
                            until deadline: ContinuousClock.Instant) async throws -> [String] {
        while true {
            async let mine = query(agent, expression, at: time)
            async let theirs = query(reference, expression, at: time)
            let (a, b) = try await (mine, theirs)
            var problems = a.differences(from: b, ordered: false, exact: exact)
            if a.status != 200 || a.errorType != nil { problems.append("status \(a.status): \(a.error ?? "")") }
            if b.series.isEmpty, a.series.isEmpty { problems.append("both answers are empty") }
            if problems.isEmpty || ContinuousClock.now >= deadline {
                return problems.map { "\(expression) @\(format(time)): \($0)" }
            }
            try await Task.sleep(for: .milliseconds(300))
        }
    }

    /// Sum of `agent360_remote_write_requests_total` over all codes: it moves
    /// whenever a remote write reached the store.
    static func remoteWriteRequests(_ agent: Agent360Process) async throws -> Double {
        let text = try await HTTP.get("\(agent.baseURL)/metrics").text
        var total = 0.0
        for line in text.split(separator: "\n") where line.hasPrefix("agent360_remote_write_requests_total") {
            if let value = line.split(separator: " ").last.flatMap({ Double($0) }) { total += value }
        }
        return total
    }

    /// Reads an external metric over HTTPS with a bearer token and checks its
    /// value against agent360's own PromQL at the instant the API evaluated it.
    ///
    /// The API evaluates at request time (milliseconds) and reports that time
    /// truncated to the second, so the reference is the same PromQL evaluated
    /// at every millisecond between just before the request and just after the
    /// answer: the API's value must be the Quantity of one of them. A remote
    /// write landing between the API call and the reference queries could
    /// change the data, so such an attempt is discarded and repeated (counted
    /// by the receiver's request counter, read before and after).
    static func checkExternalMetric(_ agent: Agent360Process, path: String, token: String, promQL: String) async throws
        -> (status: Int, value: String?, matched: Bool, detail: String)
    {
        var detail = ""
        for _ in 0 ..< 8 {
            let before = try await remoteWriteRequests(agent)
            let start = Int64((now() * 1000).rounded(.down))
            let result = try await HTTP.get("\(agent.secureURL)\(path)", headers: [("Authorization", "Bearer \(token)")])
            let end = Int64((now() * 1000).rounded(.up))
            guard result.status == 200 else { return (result.status, nil, false, result.text) }
            guard let list = try result.json() as? [String: Any], list["kind"] as? String == "ExternalMetricValueList",
                  let items = list["items"] as? [[String: Any]], items.count == 1,
                  let value = items[0]["value"] as? String, let stamp = items[0]["timestamp"] as? String,
                  let timestamp = KubeTimestamp(rfc3339: stamp)
            else { return (result.status, nil, false, "unexpected answer \(result.text)") }
            var candidates: [Int64: String] = [:]
            for millisecond in start ... min(end, start + 500) where millisecond / 1000 == timestamp.millisecondsSinceEpoch / 1000 {
                if let reference = try await scalar(agent.baseURL, promQL, at: Double(millisecond) / 1000) {
                    candidates[millisecond] = try Quantity(reference).description
                }
            }
            let after = try await remoteWriteRequests(agent)
            detail = "API \(value) @\(stamp); PromQL between \(start) and \(end) ms: \(Set(candidates.values).sorted())"
            if candidates.values.contains(value) { return (200, value, true, detail) }
            if after == before { return (200, value, false, detail) }
            // A remote write arrived meanwhile: the reference may hold samples the API did not see.
        }
        return (200, nil, false, "remote writes kept arriving during every attempt; last: \(detail)")
    }
}
