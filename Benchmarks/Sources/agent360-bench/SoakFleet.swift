import RemoteWrite
import TSDB

/// The soak's application fleet: `pods` pods of 36 series each (24 request
/// counters, 12 latency buckets), where a fixed number of pods per second is
/// replaced by a pod of a new name, as a rolling deployment does. The old
/// pod's series end with a stale marker and are left for retention to drop,
/// so the store keeps creating and removing series for the whole soak.
///
/// Everything is a function of the pod index and the seconds since the soak
/// started, so each writer shard computes its pods' state without sharing.
struct SoakFleet: Sendable {
    static let routes = 6
    static let codes = ["200", "201", "404", "500"]
    static let les = ["0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "+Inf"]
    static let seriesPerPod = routes * codes.count + les.count

    let pods: Int
    let namespaces: Int
    let workloads: Int
    /// Pods replaced per second (churn per minute × pods / 60).
    let replacementsPerSecond: Double

    /// The namespace a workload lives in: `workloads` is a multiple of
    /// `namespaces`, so every pod of a workload shares one namespace.
    func namespace(ofWorkload workload: Int) -> Int { workload % namespaces }

    /// How many times `pod` has been replaced `elapsed` seconds in: the k-th
    /// replacement of the soak hits pod k mod `pods`.
    func generation(of pod: Int, elapsed: Double) -> Int {
        let done = replacementsPerSecond > 0 ? Int(elapsed * replacementsPerSecond) : 0
        return done > pod ? (done - pod - 1) / pods + 1 : 0
    }

    /// Seconds into the soak at which `generation` of `pod` started.
    func started(pod: Int, generation: Int) -> Double {
        generation == 0 ? 0 : Double(pod + (generation - 1) * pods) / replacementsPerSecond
    }

    /// The sorted label sets of one pod generation's series.
    func labels(pod: Int, generation: Int) -> [[RemoteWriteRequest.Label]] {
        let workload = pod % workloads
        let name = "pod-\(pod)-g\(generation)"
        let common = [("namespace", "ns-\(namespace(ofWorkload: workload))"), ("workload", "app-\(workload)"),
                      ("pod", name), ("instance", "\(name):8080"), ("job", "soak")]
        func sorted(_ pairs: [(String, String)]) -> [RemoteWriteRequest.Label] {
            (common + pairs).sorted { $0.0 < $1.0 }.map { RemoteWriteRequest.Label($0.0, $0.1) }
        }
        var sets: [[RemoteWriteRequest.Label]] = []
        sets.reserveCapacity(Self.seriesPerPod)
        for route in 0..<Self.routes {
            for code in Self.codes {
                sets.append(sorted([("__name__", "bench_requests_total"), ("route", "/api/v\(route)"), ("code", code)]))
            }
        }
        for le in Self.les {
            sets.append(sorted([("__name__", "bench_request_duration_seconds_bucket"), ("le", le)]))
        }
        return sets
    }

    /// The value of series `index` of a pod generation `age` seconds old:
    /// counters growing at a per-series rate (5xx slowly), buckets cumulative
    /// in `le`, all starting from 0 as a new pod's counters do.
    func value(pod: Int, series index: Int, age: Double) -> Double {
        let counters = Self.routes * Self.codes.count
        if index < counters {
            let perSecond = index % Self.codes.count == 3 ? 0.05 : Double(1 + (pod * 7 + index) % 20)
            return (perSecond * age).rounded(.down)
        }
        return (Double(2 * (index - counters + 1)) * age).rounded(.down)
    }
}

/// One writer connection's pods, with their series' label fields encoded
/// once per pod generation; builds the requests of one scrape round.
struct SoakShard {
    let fleet: SoakFleet
    let pods: [Int]
    private var cached: [Int: (generation: Int, labels: [[UInt8]])] = [:]

    init(fleet: SoakFleet, pods: [Int]) {
        self.fleet = fleet
        self.pods = pods
    }

    /// Request bodies for one round at `time` (Unix ms), `elapsed` seconds
    /// into the soak, `podsPerRequest` pods each; a pod replaced since the
    /// last round also gets a stale marker on each of its old series.
    mutating func round(time: Int64, elapsed: Double, podsPerRequest: Int) -> [(body: [UInt8], samples: Int)] {
        var requests: [(body: [UInt8], samples: Int)] = []
        var start = 0
        while start < pods.count {
            var body: [UInt8] = []
            body.reserveCapacity(podsPerRequest * SoakFleet.seriesPerPod * 200)
            var samples = 0
            for pod in pods[start..<min(start + podsPerRequest, pods.count)] {
                let generation = fleet.generation(of: pod, elapsed: elapsed)
                if let old = cached[pod], old.generation != generation {
                    for labels in old.labels {
                        SoakEncoding.appendSeries(labels: labels, time: time, value: StaleMarker.value, into: &body)
                    }
                    samples += old.labels.count
                }
                if cached[pod]?.generation != generation {
                    cached[pod] = (generation, fleet.labels(pod: pod, generation: generation).map(SoakEncoding.labels))
                }
                let age = max(0, elapsed - fleet.started(pod: pod, generation: generation))
                for (index, labels) in (cached[pod]?.labels ?? []).enumerated() {
                    SoakEncoding.appendSeries(labels: labels, time: time, value: fleet.value(pod: pod, series: index, age: age), into: &body)
                }
                samples += SoakFleet.seriesPerPod
            }
            requests.append((RemoteWriteEncoder.compress(body), samples))
            start += podsPerRequest
        }
        return requests
    }
}
