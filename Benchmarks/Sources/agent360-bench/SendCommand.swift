import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOCore
import RemoteWrite

/// Sends a Prometheus-shaped remote-write load: series sharded over parallel
/// connections, each shard in time order, one request in flight per shard
/// (as Prometheus's queue manager does), bodies encoded before the clock starts.
struct SendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "send")

    @Option var url: String
    @Option var series = 100_000
    @Option var rounds = 30
    @Option var shards = 8
    @Option var batch = 2000
    @Option(help: "Milliseconds between rounds.") var interval: Int64 = 15_000
    @Option(help: "Unix ms of round 0 (default: so that the last round ends now).") var start: Int64?

    func run() async throws {
        let now = Int64(Date.now.timeIntervalSince1970 * 1000)
        let begin = start ?? (now - Int64(rounds) * interval)
        let generator = FleetGenerator(seriesCount: series, shards: shards, interval: interval)
        let bodies = generator.encodeRounds(rounds, start: begin, batch: batch, shards: shards)
        let requestCount = bodies.reduce(0) { $0 + $1.count }
        let bytes = bodies.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } }
        let client = HTTPClient(eventLoopGroupProvider: .singleton,
                                configuration: .init(timeout: .init(connect: .seconds(5), read: .seconds(120))))
        let clock = ContinuousClock()
        let started = clock.now
        let outcome: (ok: Int, failed: Int, firstError: String?) = await withTaskGroup(of: (Int, Int, String?).self) { group in
            for shardBodies in bodies {
                group.addTask {
                    var ok = 0
                    var failed = 0
                    var firstError: String?
                    for body in shardBodies {
                        var request = HTTPClientRequest(url: url)
                        request.method = .POST
                        for header in RemoteWriteEncoder.headers { request.headers.add(name: header.name, value: header.value) }
                        request.body = .bytes(ByteBuffer(bytes: body))
                        do {
                            let response = try await client.execute(request, timeout: .seconds(120))
                            let text = try await response.body.collect(upTo: 1 << 20)
                            if response.status.code == 204 { ok += 1 } else {
                                failed += 1
                                if firstError == nil { firstError = "\(response.status.code) \(String(buffer: text).prefix(200))" }
                            }
                        } catch {
                            failed += 1
                            if firstError == nil { firstError = "\(error)" }
                        }
                    }
                    return (ok, failed, firstError)
                }
            }
            var total = (0, 0, String?.none)
            for await (ok, failed, error) in group {
                total.0 += ok
                total.1 += failed
                total.2 = total.2 ?? error
            }
            return total
        }
        let elapsed = clock.now - started
        try await client.shutdown()
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let samples = series * rounds
        let result: [String: Any] = [
            "series": series, "rounds": rounds, "samples": samples, "requests": requestCount, "bytes": bytes,
            "ok": outcome.ok, "failed": outcome.failed, "seconds": seconds,
            "samplesPerSecond": Double(samples) * Double(outcome.ok) / Double(max(requestCount, 1)) / seconds,
            "firstError": outcome.firstError ?? "",
        ]
        let data = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }
}
