import Prometheus

/// The metric handles of one simulated pod.
///
/// Registered together and unregistered together: unregistering is how a pod
/// "disappears" from scrapes, and re-registering restarts its counters at zero.
struct PodMetrics: Sendable {
    static let routes = ["/api/v0", "/api/v1"]
    static let methods = ["GET", "POST"]
    static let codes = ["200", "201", "404", "500", "503"]
    static let latencyBuckets: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    let pod: String
    /// Indexed [route][method][code].
    let requests: [[[Counter]]]
    /// Indexed by route.
    let latency: [ValueHistogram]
    let cpu: Gauge
    let memory: Gauge

    init(registry: PrometheusCollectorRegistry, namespace: String, workload: String, pod: String) {
        self.pod = pod
        let base = [("namespace", namespace), ("workload", workload), ("pod", pod)]
        let requestsName = MetricNameDescriptor(metricName: "agent360_http_requests", unitName: "total",
                                                helpText: "Requests served by the demo application.")
        requests = Self.routes.map { route in
            Self.methods.map { method in
                Self.codes.map { code in
                    registry.makeCounter(descriptor: requestsName,
                                         labels: base + [("route", route), ("method", method), ("code", code)])
                }
            }
        }
        let latencyName = MetricNameDescriptor(metricName: "agent360_http_request_duration", unitName: "seconds",
                                               helpText: "Request latency of the demo application.")
        latency = Self.routes.map { route in
            registry.makeValueHistogram(descriptor: latencyName, labels: base + [("route", route)], buckets: Self.latencyBuckets)
        }
        cpu = registry.makeGauge(descriptor: MetricNameDescriptor(metricName: "agent360_process_cpu_usage", unitName: "ratio",
                                                                  helpText: "CPU used by the demo pod as a share of its limit."),
                                 labels: base)
        memory = registry.makeGauge(descriptor: MetricNameDescriptor(metricName: "agent360_process_memory_usage", unitName: "ratio",
                                                                     helpText: "Memory used by the demo pod as a share of its limit."),
                                    labels: base)
    }

    func unregister(from registry: PrometheusCollectorRegistry) {
        for counter in requests.joined().joined() { registry.unregisterCounter(counter) }
        for histogram in latency { registry.unregisterValueHistogram(histogram) }
        registry.unregisterGauge(cpu)
        registry.unregisterGauge(memory)
    }
}
