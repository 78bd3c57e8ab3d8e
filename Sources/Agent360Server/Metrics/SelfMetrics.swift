import Prometheus
import Synchronization

/// agent360's own metrics, all in one `PrometheusCollectorRegistry`.
///
/// The registry is also bootstrapped into swift-metrics by the executable, so
/// libraries that report through swift-metrics land on the same `/metrics`.
public final class SelfMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    private let requestCounters = Mutex<[RequestKey: Counter]>([:])
    private let durationHistograms = Mutex<[String: DurationHistogram]>([:])

    static let durationBuckets: [Duration] = [
        .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2.5),
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10),
    ]

    private struct RequestKey: Hashable {
        var handler: String
        var method: String
        var code: String
    }

    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        let buildInfo = registry.makeGauge(
            descriptor: MetricNameDescriptor(metricName: "agent360_build_info", unitName: "",
                                             helpText: "agent360 build information; the value is always 1."),
            labels: [("version", Agent360Version.current), ("swift", Agent360Version.swift)]
        )
        buildInfo.set(to: 1.0)
    }

    /// Counts a request and observes its duration under the route pattern
    /// (never the raw path, which would explode cardinality).
    public func observeRequest(handler: String, method: String, code: Int, duration: Duration) {
        let key = RequestKey(handler: handler, method: method, code: String(code))
        let counter = requestCounters.withLock { counters in
            if let counter = counters[key] { return counter }
            let counter = registry.makeCounter(
                descriptor: MetricNameDescriptor(metricName: "agent360_http_requests", unitName: "total",
                                                 helpText: "HTTP requests served by agent360, by route pattern, method and status code."),
                labels: [("code", key.code), ("handler", handler), ("method", method)]
            )
            counters[key] = counter
            return counter
        }
        counter.increment()
        let histogram = durationHistograms.withLock { histograms in
            if let histogram = histograms[handler] { return histogram }
            let histogram = registry.makeDurationHistogram(
                descriptor: MetricNameDescriptor(metricName: "agent360_http_request_duration", unitName: "seconds",
                                                 helpText: "Time agent360 took to answer HTTP requests, by route pattern."),
                labels: [("handler", handler)],
                buckets: Self.durationBuckets
            )
            histograms[handler] = histogram
            return histogram
        }
        histogram.record(duration)
    }
}

/// Version strings reported by `agent360_build_info` and `--version`.
public enum Agent360Version {
    public static let current = "0.1.0"
    #if compiler(>=6.3)
    public static let swift = "6.3"
    #else
    public static let swift = "6.x"
    #endif
}
