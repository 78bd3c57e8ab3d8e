import AsyncHTTPClient
import Foundation
import NIOCore
import RemoteWrite

/// One remote-write connection of the soak, shaped like a Prometheus queue
/// manager shard: its pods' samples every `every`, one request in flight.
/// A round that starts more than a round late skips to the present (and is
/// counted), so a slow server gets a lower rate rather than a burst.
struct SoakWriter: Sendable {
    let shard: SoakShard
    let url: String
    let every: Duration
    let podsPerRequest: Int

    func run(client: HTTPClient, stats: SoakStats, start: ContinuousClock.Instant, end: ContinuousClock.Instant) async {
        let clock = ContinuousClock()
        var shard = shard
        var round = 0
        var lastTime: Int64 = 0
        while true {
            let due = start + every * round
            guard due < end else { return }
            try? await Task.sleep(until: due, clock: .continuous)
            let elapsed = (clock.now - start).seconds
            // Wall-clock timestamps (retention is judged against the wall
            // clock), strictly increasing per series as a scraper's are.
            let time = max(lastTime + 1, Int64(Date.now.timeIntervalSince1970 * 1000))
            lastTime = time
            for request in shard.round(time: time, elapsed: elapsed, podsPerRequest: podsPerRequest) {
                let answer = await send(request.body, client: client)
                stats.record(.write, ms: answer.ms, error: answer.error, samples: request.samples, at: elapsed)
            }
            round += 1
            let late = clock.now - (start + every * round)
            if late > every {
                round += Int(late / every)
                stats.skippedRound()
            }
        }
    }

    private func send(_ body: [UInt8], client: HTTPClient) async -> (ms: Double, error: String?) {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        for header in RemoteWriteEncoder.headers { request.headers.add(name: header.name, value: header.value) }
        request.body = .bytes(ByteBuffer(bytes: body))
        let (ms, answer) = await timedExecute(client, request, upTo: 1 << 20)
        switch answer {
        case .success(let (status, body)):
            return (ms, (200..<300).contains(status) ? nil : "\(status) \(String(buffer: body).prefix(300))")
        case .failure(let error):
            return (ms, "\(error)")
        }
    }
}
