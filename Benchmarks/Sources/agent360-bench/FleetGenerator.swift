import RemoteWrite
import TSDB

/// A Prometheus-shaped fleet: 100k series of ~8 labels by default, request
/// counters and latency histogram buckets, sampled every 15 s with a per-pod
/// scrape offset, values growing like real counters.
struct FleetGenerator: Sendable {
    struct Series: Sendable {
        let labels: [RemoteWriteRequest.Label]
        let shard: Int
        /// Per-second growth and starting value.
        let rate: Double
        let base: Double
        /// Milliseconds after each round's start (the pod's scrape offset).
        let offset: Int64
    }

    let series: [Series]
    let interval: Int64

    static let codes = ["200", "201", "404", "500"]

    init(seriesCount: Int, shards: Int, interval: Int64 = 15_000) {
        self.interval = interval
        var all: [Series] = []
        all.reserveCapacity(seriesCount)
        let histogramSeries = seriesCount / 5
        let counterSeries = seriesCount - histogramSeries
        let les = ["0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "+Inf"]
        func labels(_ pairs: [(String, String)]) -> [RemoteWriteRequest.Label] {
            pairs.sorted { $0.0 < $1.0 }.map { RemoteWriteRequest.Label($0.0, $0.1) }
        }
        for index in 0..<counterSeries {
            let pod = index / 32
            let route = (index / 4) % 8
            let code = Self.codes[index % 4]
            let rate = code == "500" ? 0.05 * Double(1 + pod % 3) : Double(1 + (index * 7919) % 20)
            all.append(Series(
                labels: labels([("__name__", "bench_requests_total"), ("namespace", "ns-\(pod % 20)"),
                                ("workload", "app-\(pod % 100)"), ("pod", "pod-\(pod)"), ("instance", "10.0.\(pod / 250).\(pod % 250):8080"),
                                ("job", "bench"), ("route", "/api/v\(route)"), ("code", code)]),
                shard: (pod * 2654435761) % shards, rate: rate, base: Double(index % 1000), offset: Int64(pod * 37 % 15_000)))
        }
        for index in 0..<histogramSeries {
            let pod = index / les.count
            let bucket = index % les.count
            all.append(Series(
                labels: labels([("__name__", "bench_request_duration_seconds_bucket"), ("namespace", "ns-\(pod % 20)"),
                                ("workload", "app-\(pod % 100)"), ("pod", "pod-\(pod)"), ("instance", "10.0.\(pod / 250).\(pod % 250):8080"),
                                ("job", "bench"), ("le", les[bucket])]),
                shard: (pod * 2654435761) % shards, rate: Double(bucket + 1), base: 0, offset: Int64(pod * 37 % 15_000)))
        }
        series = all
    }

    /// One request body per (round, shard, batch), in send order per shard.
    func encodeRounds(_ rounds: Int, start: Int64, batch: Int, shards: Int) -> [[[UInt8]]] {
        requestRounds(rounds, start: start, batch: batch, shards: shards).map { $0.map { RemoteWriteEncoder.encode($0) } }
    }

    /// The requests behind `encodeRounds`, unencoded.
    func requestRounds(_ rounds: Int, start: Int64, batch: Int, shards: Int) -> [[RemoteWriteRequest]] {
        var byShard: [[Int]] = Array(repeating: [], count: shards)
        for (index, item) in series.enumerated() { byShard[item.shard].append(index) }
        return byShard.map { members in
            var requests: [RemoteWriteRequest] = []
            for round in 0..<rounds {
                var offset = 0
                while offset < members.count {
                    let slice = members[offset..<min(offset + batch, members.count)]
                    let request = RemoteWriteRequest(series: slice.map { index in
                        let item = series[index]
                        let time = start + Int64(round) * interval + item.offset
                        let value = item.base + item.rate * Double(round) * Double(interval) / 1000
                        return RemoteWriteRequest.Series(labels: item.labels, samples: [Sample(timestamp: time, value: value)])
                    })
                    requests.append(request)
                    offset += batch
                }
            }
            return requests
        }
    }
}
