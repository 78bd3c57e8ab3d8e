import TSDB

/// A small store for the PromQL target: counters with a reset, a gauge with
/// NaN and a stale marker, classic histogram buckets and an info-like
/// series, 15 s apart over 20 minutes.
enum FuzzStore {
    static let end: Int64 = 1_200_000
    static let staleNaN = Double(bitPattern: 0x7ff0_0000_0000_0002)

    static func make() -> MemoryStore {
        let store = MemoryStore(options: StoreOptions(retention: 1_000_000_000_000))
        for (job, instance) in [("api", "a:1"), ("api", "b:1"), ("db", "c:1")] {
            let base = [Label("job", job), Label("instance", instance)]
            add(store, "http_requests_total", base + [Label("code", "200")]) { time in
                Double(time / 1000 % 600)  // a counter that resets every 10 minutes
            }
            add(store, "http_requests_total", base + [Label("code", "500")]) { Double($0 / 60_000) }
            add(store, "up", base) { $0 == 600_000 ? staleNaN : 1 }
            add(store, "temperature", base) { time in time == 300_000 ? .nan : Double(time % 7) - 3.5 }
            for bound in ["0.1", "0.5", "1", "+Inf"] {
                add(store, "latency_seconds_bucket", base + [Label("le", bound)]) { time in
                    Double(time / 15_000) * (Double(bound) ?? 10)
                }
            }
        }
        add(store, "build_info", [Label("version", "1.2.3"), Label("job", "api")]) { _ in 1 }
        return store
    }

    private static func add(_ store: MemoryStore, _ name: String, _ labels: [Label], value: (Int64) -> Double) {
        let samples = stride(from: Int64(0), through: end, by: 15_000).map { Sample(timestamp: $0, value: value($0)) }
        _ = store.append(Labels([Label("__name__", name)] + labels), samples, now: end)
    }
}
