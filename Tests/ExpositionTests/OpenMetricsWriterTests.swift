import Exposition
import Testing

@Suite("OpenMetrics 1.0.0 writer")
struct OpenMetricsWriterTests {
    private func openMetrics(_ families: [MetricFamily]) -> String {
        String(decoding: ExpositionWriter.write(families, format: .openMetrics), as: UTF8.self)
    }

    @Test("HELP escapes quotes too; label values escape backslash, quote and line feed")
    func escaping() {
        let family = MetricFamily(
            name: "x", type: .gauge, help: "a \"q\" \\ b\nc",
            samples: [MetricSample(name: "x", labels: [("path", "C:\\tmp \"x\"\n")], value: 1)]
        )
        #expect(openMetrics([family]) == #"""
            # HELP x a \"q\" \\ b\nc
            # TYPE x gauge
            x{path="C:\\tmp \"x\"\n"} 1
            # EOF

            """#)
    }

    @Test("Counter family names drop _total and their samples carry it")
    func counterNaming() {
        let families = [
            MetricFamily(name: "http_requests_total", type: .counter, samples: [MetricSample(name: "http_requests_total", value: 5)]),
            // swift-prometheus names a swift-metrics counter without _total.
            MetricFamily(name: "requests", type: .counter, samples: [MetricSample(name: "requests", labels: [("a", "b")], value: 3)]),
            MetricFamily(name: "jobs", type: .counter, samples: [
                MetricSample(name: "jobs_total", value: 7), MetricSample(name: "jobs_created", value: 1_700_000_000.5),
            ]),
        ]
        #expect(openMetrics(families) == """
            # TYPE http_requests counter
            http_requests_total 5
            # TYPE jobs counter
            jobs_total 7
            jobs_created 1700000000.5
            # TYPE requests counter
            requests_total{a="b"} 3
            # EOF

            """)
    }

    @Test("UNIT is written only where the family name ends in the unit and the type allows one")
    func units() {
        let families = [
            MetricFamily(name: "cpu_seconds_total", type: .counter, unit: "seconds", samples: [MetricSample(name: "cpu_seconds_total", value: 1.5)]),
            MetricFamily(name: "mem", type: .gauge, unit: "bytes", samples: [MetricSample(name: "mem", value: 2)]),
            MetricFamily(name: "build_info", type: .info, unit: "info", samples: [MetricSample(name: "build_info", value: 1)]),
        ]
        #expect(openMetrics(families) == """
            # TYPE build info
            build_info 1
            # TYPE cpu_seconds counter
            # UNIT cpu_seconds seconds
            cpu_seconds_total 1.5
            # TYPE mem gauge
            mem 2
            # EOF

            """)
    }

    @Test("Special values and second-based timestamps")
    func valuesAndTimestamps() {
        let family = MetricFamily(name: "g", type: .unknown, samples: [
            MetricSample(name: "g", labels: [("k", "nan")], value: .nan),
            MetricSample(name: "g", labels: [("k", "inf")], value: .infinity, timestampMilliseconds: 1_700_000_000_123),
            MetricSample(name: "g", labels: [("k", "ninf")], value: -.infinity, timestampMilliseconds: 1_700_000_000_000),
            MetricSample(name: "g", labels: [("k", "old")], value: 0.5, timestampMilliseconds: -1_500),
            MetricSample(name: "g", labels: [("k", "ms")], value: 1, timestampMilliseconds: 7),
        ])
        #expect(openMetrics([family]) == """
            # TYPE g unknown
            g{k="nan"} NaN
            g{k="inf"} +Inf 1700000000.123
            g{k="ninf"} -Inf 1700000000
            g{k="old"} 0.5 -1.500
            g{k="ms"} 1 0.007
            # EOF

            """)
    }

    @Test("Same-named families from two sources share one header; a text-style and an OpenMetrics-style counter merge")
    func merging() {
        let families = [
            MetricFamily(name: "rx_bytes_total", type: .counter, help: "Received.", samples: [MetricSample(name: "rx_bytes_total", labels: [("device", "eth0")], value: 10)]),
            MetricFamily(name: "rx_bytes", type: .counter, samples: [MetricSample(name: "rx_bytes_total", labels: [("device", "lo")], value: 20)]),
        ]
        #expect(openMetrics(families) == """
            # HELP rx_bytes Received.
            # TYPE rx_bytes counter
            rx_bytes_total{device="eth0"} 10
            rx_bytes_total{device="lo"} 20
            # EOF

            """)
    }

    @Test("An empty exposition is just the EOF marker")
    func empty() {
        #expect(openMetrics([]) == "# EOF\n")
    }
}
