import Exposition

enum Fixtures {
    /// What `PrometheusCollectorRegistry.emit(into:)` writes (swift-prometheus
    /// 2.4): families in dictionary order, HELP before TYPE, counters printed
    /// as integers, gauges with Swift's `Double.description` (`1.0`, `inf`,
    /// `nan`), duration buckets rendered as seconds (`0.005`, `1.0`), and
    /// backslashes in HELP escaped.
    static let swiftPrometheusOutput = #"""
        # HELP http_requests_total Total HTTP requests handled.
        # TYPE http_requests_total counter
        http_requests_total{method="GET",status="200"} 1027
        http_requests_total{method="POST",status="500"} 3
        # TYPE process_start_time_seconds gauge
        process_start_time_seconds 1700000000.0
        # HELP http_request_duration_seconds Request latency, see C:\\logs.
        # TYPE http_request_duration_seconds histogram
        http_request_duration_seconds_bucket{route="/api",le="0.005"} 4
        http_request_duration_seconds_bucket{route="/api",le="0.01"} 9
        http_request_duration_seconds_bucket{route="/api",le="1.0"} 12
        http_request_duration_seconds_bucket{route="/api",le="+Inf"} 13
        http_request_duration_seconds_sum{route="/api"} 2.506100000
        http_request_duration_seconds_count{route="/api"} 13
        # TYPE temperature_celsius gauge
        temperature_celsius{room="a \"quoted\" one\nnext"} -3.5
        temperature_celsius{room="back\\slash"} inf
        # TYPE queue_fill_ratio gauge
        queue_fill_ratio nan

        """#

    /// agent360's own families as the coordinator will build them, including
    /// an OpenMetrics-style counter (family without `_total`) with a unit,
    /// awkward label values and help text, and a family that also comes from
    /// a second source (`agent360_network_receive_bytes_total`).
    static let agentFamilies: [MetricFamily] = [
        MetricFamily(
            name: "agent360_memory_working_set_bytes", type: .gauge,
            help: "Working set: usage minus inactive file cache.", unit: "bytes",
            samples: [MetricSample(name: "agent360_memory_working_set_bytes", value: 52_428_800)]
        ),
        MetricFamily(
            name: "agent360_cpu_usage_seconds", type: .counter,
            help: "CPU time used by the cgroup.", unit: "seconds",
            samples: [
                MetricSample(name: "agent360_cpu_usage_seconds_total", value: 1234.5),
                MetricSample(name: "agent360_cpu_usage_seconds_created", value: 1_700_000_000),
            ]
        ),
        MetricFamily(
            name: "agent360_network_receive_bytes_total", type: .counter,
            help: "Bytes received per device.",
            samples: [MetricSample(name: "agent360_network_receive_bytes_total", labels: [("device", "eth0")], value: 9_876_543_210)]
        ),
        MetricFamily(
            name: "agent360_signal_value", type: .gauge,
            help: #"A "quoted" help with a \ backslash"# + "\nand a second line.",
            samples: [
                MetricSample(name: "agent360_signal_value", labels: [("signal", "p95"), ("path", #"C:\tmp "x""# + "\n")], value: 0.25),
                MetricSample(name: "agent360_signal_value", labels: [("signal", "nan")], value: .nan),
                MetricSample(name: "agent360_signal_value", labels: [("signal", "inf")], value: .infinity),
                MetricSample(name: "agent360_signal_value", labels: [("signal", "neg")], value: -.infinity),
                MetricSample(name: "agent360_signal_value", labels: [("signal", "stamped")], value: 1e-7, timestampMilliseconds: 1_700_000_000_123),
            ]
        ),
        MetricFamily(
            name: "agent360_network_receive_bytes_total", type: .counter,
            help: "Bytes received per device (second source).",
            samples: [MetricSample(name: "agent360_network_receive_bytes_total", labels: [("device", "lo")], value: 4096)]
        ),
        MetricFamily(
            name: "agent360_rpc_latency_seconds", type: .summary,
            help: "RPC latency.",
            samples: [
                MetricSample(name: "agent360_rpc_latency_seconds", labels: [("quantile", "0.5")], value: 0.012),
                MetricSample(name: "agent360_rpc_latency_seconds", labels: [("quantile", "0.95")], value: 0.3),
                MetricSample(name: "agent360_rpc_latency_seconds_sum", value: 42.5),
                MetricSample(name: "agent360_rpc_latency_seconds_count", value: 1000),
            ]
        ),
        MetricFamily(
            name: "agent360_build_info", type: .info,
            help: "Build information.",
            samples: [MetricSample(name: "agent360_build_info", labels: [("version", "1.2.3")], value: 1)]
        ),
    ]
}
