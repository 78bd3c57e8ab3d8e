import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOSSL

/// A long mixed load on one agent360 (`scripts/soak.sh` starts it and judges
/// the result): remote write at a fixed sample rate from a fleet with pod
/// churn, range queries, and external and custom metrics API requests, all
/// at once. Every `sample-every` seconds one CSV row records agent360's RSS,
/// its active series, and each kind's requests, errors and latency; the
/// totals are printed as JSON at the end.
struct SoakCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "soak")

    @Option(help: "agent360's plain base URL (remote write, query API, /metrics).") var url: String
    @Option(help: "agent360's secure base URL (Kubernetes metrics APIs).") var apiURL: String
    @Option var token: String
    @Option(help: "agent360's process id (RSS from /proc/PID/status).") var pid: Int32
    @Option(help: "CSV written every sample-every seconds.") var csv: String
    @Option(help: "Seconds of soak.") var duration = 600
    @Option(help: "Seconds of writes alone before the probes start (rate windows fill).") var warmup = 30
    @Option(help: "Samples per second to write.") var rate = 100_000.0
    @Option(help: "Milliseconds between one series' samples.") var interval = 500
    @Option(help: "Share of the pods replaced by new ones per minute.") var churn = 0.1
    @Option var shards = 8
    @Option var podsPerRequest = 55
    @Option var namespaces = 20
    @Option(help: "A multiple of namespaces.") var workloads = 500
    @Option(help: "Range queries per second.") var queryRate = 4.0
    @Option(help: "External and custom metrics API requests per second, each.") var apiRate = 5.0
    @Option(help: "Concurrent loops per probe kind.") var workers = 2
    @Option(help: "query_range span and step, seconds.") var range = 300
    @Option var step = 15
    @Option var sampleEvery = 5

    func validate() throws {
        guard workloads % namespaces == 0 else { throw ValidationError("--workloads must be a multiple of --namespaces") }
        guard rate > 0, interval > 0, shards > 0, podsPerRequest > 0, workers > 0, sampleEvery > 0 else {
            throw ValidationError("rates, interval, shards, pods per request, workers and sample-every must be positive")
        }
    }

    func run() async throws {
        let pods = max(shards, Int(rate * Double(interval) / 1000 / Double(SoakFleet.seriesPerPod)))
        let fleet = SoakFleet(pods: pods, namespaces: namespaces, workloads: workloads,
                              replacementsPerSecond: churn * Double(pods) / 60)
        guard SoakEncoding.selfCheck(fleet: fleet) else {
            throw ValidationError("the soak's remote-write writer disagrees with RemoteWriteEncoder")
        }
        let probes = SoakProbes(fleet: fleet, queryURL: url, apiURL: apiURL, token: token,
                                rangeSeconds: range, stepSeconds: step)
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.certificateVerification = .none
        var pool = HTTPClient.Configuration(timeout: .init(connect: .seconds(5), read: .seconds(60)))
        pool.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = shards + 2
        let writeClient = HTTPClient(eventLoopGroupProvider: .singleton, configuration: pool)
        let queryClient = HTTPClient(eventLoopGroupProvider: .singleton, configuration: pool)
        let apiClient = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(tlsConfiguration: tls))
        let stats = SoakStats()
        let clock = ContinuousClock()
        let start = clock.now
        let end = start + .seconds(duration)
        let probesStart = start + .seconds(warmup)
        let roundEvery = Duration.milliseconds(interval)
        let sampler = SoakSampler(pid: pid, metricsURL: "\(url)/metrics", path: csv, every: .seconds(sampleEvery))

        await withTaskGroup(of: Void.self) { group in
            for shard in 0..<shards {
                let writer = SoakWriter(shard: SoakShard(fleet: fleet, pods: Array(stride(from: shard, to: pods, by: shards))),
                                        url: "\(url)/api/v1/write", every: roundEvery, podsPerRequest: podsPerRequest)
                group.addTask { await writer.run(client: writeClient, stats: stats, start: start, end: end) }
            }
            let kinds: [(kind: SoakKind, rate: Double, client: HTTPClient, url: @Sendable (Int) -> String)] = [
                (.queryRange, queryRate, queryClient, { probes.rangeURL($0, now: .now) }),
                (.external, apiRate, apiClient, { probes.externalURL($0) }),
                (.custom, apiRate, apiClient, { probes.customURL($0) }),
            ]
            for probe in kinds {
                for worker in 0..<workers {
                    group.addTask {
                        await Self.paced(rate: probe.rate, worker: worker, of: workers, from: probesStart, until: end) { index in
                            let answer = await probes.get(probe.client, probe.url(index), bearer: probe.kind != .queryRange)
                            stats.record(probe.kind, ms: answer.ms, error: answer.error, empty: answer.empty,
                                         at: (clock.now - start).seconds)
                        }
                    }
                }
            }
            group.addTask { await sampler.run(stats: stats, start: start, end: end) }
        }
        for client in [writeClient, queryClient, apiClient] { try await client.shutdown() }

        let (tallies, skipped) = stats.totals
        var kinds: [String: Any] = [:]
        for kind in SoakKind.allCases {
            let tally = tallies[kind] ?? SoakTally()
            kinds[kind.rawValue] = ["requests": tally.requests, "errors": tally.errors, "empty": tally.empty,
                                    "samples": tally.samples, "p50Ms": tally.percentile(0.5), "p99Ms": tally.percentile(0.99),
                                    "maxMs": tally.percentile(1), "firstError": tally.firstError ?? ""]
        }
        let samples = tallies[.write]?.samples ?? 0
        let summary: [String: Any] = [
            "durationSeconds": duration, "warmupSeconds": warmup, "targetSamplesPerSecond": rate,
            "samplesPerSecond": Double(samples) / Double(duration), "pods": pods,
            "series": pods * SoakFleet.seriesPerPod, "intervalMs": interval, "churnPerMinute": churn,
            "podsReplaced": Int(Double(duration) * fleet.replacementsPerSecond), "skippedRounds": skipped, "kinds": kinds,
        ]
        let data = try JSONSerialization.data(withJSONObject: summary, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }

    /// Worker `worker` of `count` runs `body` for request indices
    /// worker, worker + count, … each at its slot `index / rate` seconds
    /// after `from` (later if the previous one is still running).
    static func paced(rate: Double, worker: Int, of count: Int, from: ContinuousClock.Instant,
                      until end: ContinuousClock.Instant, _ body: @Sendable (Int) async -> Void) async {
        guard rate > 0 else { return }
        var index = worker
        while true {
            let due = from + .seconds(Double(index) / rate)
            guard due < end else { return }
            try? await Task.sleep(until: due, clock: .continuous)
            await body(index)
            index += count
        }
    }
}

/// Writes to stderr (progress and errors; stdout carries the JSON result).
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
