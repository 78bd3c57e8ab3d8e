import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOCore
import RemoteWrite

/// Ingest and a small query while heavy queries run: preloads the fleet,
/// then for `seconds` measures a paced remote-write load and a loop of point
/// queries alone (baseline), then again with `heavy` loops of heavy queries.
/// Prints p50/p99 of write requests and point queries per phase.
struct ContentionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "contention")

    @Option var url: String
    @Option var series = 100_000
    @Option(help: "Rounds (15 s of data each) sent before measuring.") var preload = 40
    @Option(help: "Seconds per phase.") var seconds = 30.0
    @Option(help: "Wall milliseconds between steady write rounds.") var pace = 2_000
    @Option(help: "Concurrent heavy-query loops in the second phase.") var heavy = 4
    @Option(help: "Unix ms of round 0 (the same for every server of a run).") var start: Int64
    @Option var shards = 8
    @Option var batch = 2000

    static let pointQuery = #"sum(rate(bench_requests_total{pod="pod-1",route="/api/v1"}[1m]))"#
    /// A regex over the high-cardinality label, a count over every series by
    /// pod, a topk over rates, and a range query over the whole preload.
    static let heavyQueries: [(path: String, query: String)] = [
        ("query", #"count by (pod) ({pod=~"pod-.*"})"#),
        ("query", #"count by (pod) ({__name__=~".+"})"#),
        ("query", #"topk(10, sum by (pod, route) (rate(bench_requests_total[5m])))"#),
        ("query_range", #"sum by (namespace) (rate(bench_requests_total[5m]))"#),
    ]

    func run() async throws {
        let steadyRounds = Int((2 * seconds * 1000 / Double(pace)).rounded(.up)) + 2
        let generator = FleetGenerator(seriesCount: series, shards: shards)
        let bodies = generator.encodeRounds(preload + steadyRounds, start: start, batch: batch, shards: shards)
        let perRound = bodies.map { $0.count / (preload + steadyRounds) }
        let client = HTTPClient(eventLoopGroupProvider: .singleton,
                                configuration: .init(timeout: .init(connect: .seconds(5), read: .seconds(300))))
        let probe = HTTPProbe(client: client, base: url)
        // Preload as fast as the server takes it.
        _ = await Self.write(probe, bodies, perRound, rounds: 0 ..< preload, pace: nil)
        let evaluation = Double(start + Int64(preload) * 15_000) / 1000
        var phases: [String: Any] = [:]
        var cursor = preload
        for (name, heavyLoops) in [("baseline", 0), ("loaded", heavy)] {
            let rounds = cursor ..< min(cursor + steadyRounds / 2, preload + steadyRounds)
            cursor = rounds.upperBound
            phases[name] = await measure(probe, bodies, perRound, rounds, heavyLoops: heavyLoops, time: evaluation)
        }
        let overrun = await Self.timeouts(probe, time: evaluation, start: start)
        try await client.shutdown()
        let result: [String: Any] = ["series": series, "preloadRounds": preload, "secondsPerPhase": seconds,
                                     "paceMs": pace, "heavyLoops": heavy, "phases": phases, "timeouts": overrun]
        let data = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }

    /// One phase: paced writes, the point-query loop and `heavyLoops` heavy
    /// loops, all stopped when the writes are done.
    private func measure(
        _ probe: HTTPProbe, _ bodies: [[[UInt8]]], _ perRound: [Int], _ rounds: Range<Int>, heavyLoops: Int, time: Double
    ) async -> [String: Any] {
        let stop = StopFlag()
        async let points = Self.loop(probe, stop, path: "query", query: Self.pointQuery, time: time, start: start)
        let heavyTasks = (0 ..< heavyLoops).map { index in
            let (path, query) = Self.heavyQueries[index % Self.heavyQueries.count]
            return Task { await Self.loop(probe, stop, path: path, query: query, time: time, start: start) }
        }
        let writes = await Self.write(probe, bodies, perRound, rounds: rounds, pace: pace)
        stop.set()
        let point = await points
        var heavyResults: [Timings] = []
        for task in heavyTasks { heavyResults.append(await task.value) }
        return [
            "write": writes.summary, "point": point.summary,
            "heavy": heavyResults.map(\.summary),
        ]
    }

    /// Sends `rounds` of every shard, one request in flight per shard; with
    /// `pace`, round k of a shard starts no earlier than k × pace ms in.
    private static func write(
        _ probe: HTTPProbe, _ bodies: [[[UInt8]]], _ perRound: [Int], rounds: Range<Int>, pace: Int?
    ) async -> Timings {
        let began = ContinuousClock.now
        return await withTaskGroup(of: Timings.self) { group in
            for (shard, shardBodies) in bodies.enumerated() {
                group.addTask {
                    var timings = Timings()
                    for round in rounds {
                        if let pace {
                            let due = began.advanced(by: .milliseconds((round - rounds.lowerBound) * pace))
                            try? await Task.sleep(until: due, clock: .continuous)
                        }
                        for body in shardBodies[round * perRound[shard] ..< (round + 1) * perRound[shard]] {
                            timings.add(await probe.write(body))
                        }
                    }
                    return timings
                }
            }
            var all = Timings()
            for await timings in group { all.merge(timings) }
            return all
        }
    }

    /// Each heavy query with `timeout=100ms`, alone, five times: how long
    /// the answer takes (the deadline plus how long work runs past it) and
    /// what it is (a timeout error, or success when the query was faster).
    private static func timeouts(_ probe: HTTPProbe, time: Double, start: Int64) async -> [[String: Any]] {
        var results: [[String: Any]] = []
        for (path, query) in heavyQueries {
            let window = path == "query_range" ? "&start=\(Double(start) / 1000)&end=\(time)&step=5" : "&time=\(time)"
            var timings = Timings()
            timings.label = query
            var answers: [String] = []
            for _ in 0 ..< 5 {
                let outcome = await probe.query(path, query, window + "&timeout=100ms")
                answers.append(outcome.ok ? "success" : String((outcome.error ?? "").prefix(120)))
                timings.milliseconds.append(outcome.milliseconds)
            }
            var summary = timings.summary
            summary["answers"] = Array(Set(answers))
            results.append(summary)
        }
        return results
    }

    /// Runs one query again and again until `stop`.
    private static func loop(
        _ probe: HTTPProbe, _ stop: StopFlag, path: String, query: String, time: Double, start: Int64
    ) async -> Timings {
        var timings = Timings()
        timings.label = query
        let extra = path == "query_range" ? "&start=\(Double(start) / 1000)&end=\(time)&step=5" : "&time=\(time)"
        while !stop.isSet {
            timings.add(await probe.query(path, query, extra))
        }
        return timings
    }
}
