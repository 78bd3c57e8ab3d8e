import Foundation
import RemoteWrite
import TSDB

/// Deterministic application metrics, remote-written to agent360 and to a
/// Prometheus 2.42 receiver alike, so both hold exactly the same samples.
///
/// Counters grow at constant rates, so `rate(...[1m])` is the same at any
/// evaluation time within a few seconds of the last sample (Prometheus's
/// extrapolation reaches the window edges), which makes the Kubernetes API's
/// value comparable with PromQL evaluated a moment later.
enum SyntheticFleet {
    /// (labels, per-second rate) of the request counters.
    static let requestCounters: [([String: String], Double)] = [
        (["namespace": "shop", "workload": "checkout", "pod": "checkout-0", "code": "200"], 30),
        (["namespace": "shop", "workload": "checkout", "pod": "checkout-0", "code": "500"], 2),
        (["namespace": "shop", "workload": "checkout", "pod": "checkout-1", "code": "200"], 10),
        (["namespace": "shop", "workload": "cart", "pod": "cart-0", "code": "200"], 5),
        (["namespace": "other", "workload": "checkout", "pod": "checkout-0", "code": "200"], 100),
    ]
    /// Cumulative per-second bucket rates of checkout-0's latency histogram.
    static let buckets: [(String, Double)] = [("0.1", 20), ("0.25", 35), ("0.5", 40), ("1", 42), ("+Inf", 42)]
    static let gauges: [(String, [String: String], Double)] = [
        ("agent360_process_cpu_usage_ratio", ["namespace": "shop", "workload": "checkout", "pod": "checkout-0"], 0.6),
        ("agent360_process_cpu_usage_ratio", ["namespace": "shop", "workload": "checkout", "pod": "checkout-1"], 0.8),
        ("agent360_process_memory_usage_ratio", ["namespace": "shop", "workload": "checkout", "pod": "checkout-0"], 0.5),
        ("agent360_process_memory_usage_ratio", ["namespace": "shop", "workload": "checkout", "pod": "checkout-1"], 0.7),
    ]

    /// Five minutes of samples every 15 s ending at `end` (ms), plus a series
    /// whose last sample is three minutes old.
    static func request(end: Int64) -> RemoteWriteRequest {
        let times = stride(from: end - 300_000, through: end, by: 15_000).map { $0 }
        func series(_ name: String, _ labels: [String: String], _ value: (Int64) -> Double, at stamps: [Int64] = times) -> RemoteWriteRequest.Series {
            var all = labels
            all["__name__"] = name
            all["job"] = "shop"
            return .init(Labels(all), samples: stamps.map { Sample(timestamp: $0, value: value($0)) })
        }
        var result: [RemoteWriteRequest.Series] = []
        for (labels, rate) in requestCounters {
            result.append(series("agent360_http_requests_total", labels) { 10_000 + rate * Double($0 - times[0]) / 1000 })
        }
        for (le, rate) in buckets {
            result.append(series("agent360_http_request_duration_seconds_bucket",
                                 ["namespace": "shop", "workload": "checkout", "pod": "checkout-0", "le": le]) {
                5_000 + rate * Double($0 - times[0]) / 1000
            })
        }
        for (name, labels, value) in gauges { result.append(series(name, labels) { _ in value }) }
        let old = times.filter { $0 <= end - 180_000 }
        result.append(series("old_signal", ["namespace": "shop"], { _ in 1 }, at: old))
        return RemoteWriteRequest(series: result)
    }

    /// Posts the fleet's samples to a remote-write endpoint; throws unless 204.
    static func write(to url: String, end: Int64) async throws {
        try await post(request(end: end), to: url)
    }

    /// Posts a remote-write request; throws unless 204.
    static func post(_ request: RemoteWriteRequest, to url: String) async throws {
        let body = RemoteWriteEncoder.encode(request)
        let result = try await HTTP.request(url, method: .POST, headers: RemoteWriteEncoder.headers.map { ($0.name, $0.value) },
                                            body: body)
        guard result.status == 204 else { throw TestFailure("remote write to \(url): \(result.status) \(result.text)") }
    }
}
