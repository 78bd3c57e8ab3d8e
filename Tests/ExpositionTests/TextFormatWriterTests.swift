import Exposition
import Testing

@Suite("Text format 0.0.4 writer")
struct TextFormatWriterTests {
    private func text(_ families: [MetricFamily]) -> String {
        String(decoding: ExpositionWriter.write(families, format: .prometheusText), as: UTF8.self)
    }

    @Test("HELP escapes backslash and line feed but not quotes; label values escape all three")
    func escaping() {
        let family = MetricFamily(
            name: "x", type: .gauge, help: "a \"q\" \\ b\nc",
            samples: [MetricSample(name: "x", labels: [("path", "C:\\tmp \"x\"\n")], value: 1)]
        )
        #expect(text([family]) == #"""
            # HELP x a "q" \\ b\nc
            # TYPE x gauge
            x{path="C:\\tmp \"x\"\n"} 1

            """#)
    }

    @Test(
        "Values are written as Go's ParseFloat reads them",
        arguments: [
            (1027.0, "1027"), (-3.0, "-3"), (0.0, "0"), (-0.0, "0"), (0.25, "0.25"), (2.5, "2.5"),
            (1e-7, "1e-07"), (123_456_789_012_345.0, "123456789012345"), (1e15, "1000000000000000"),
            (9_007_199_254_740_992.0, "9007199254740992"), (1e16, "1e+16"), (-2.5e-300, "-2.5e-300"),
            (Double.nan, "NaN"), (Double.infinity, "+Inf"), (-Double.infinity, "-Inf"),
            (0.1 + 0.2, "0.30000000000000004"),
        ]
    )
    func valueFormatting(value: Double, expected: String) {
        let family = MetricFamily(name: "v", type: .gauge, samples: [MetricSample(name: "v", value: value)])
        #expect(text([family]) == "# TYPE v gauge\nv \(expected)\n")
    }

    @Test("Timestamps are integer milliseconds")
    func timestamps() {
        let family = MetricFamily(
            name: "t", type: .unknown,
            samples: [
                MetricSample(name: "t", value: 1, timestampMilliseconds: 1_700_000_000_123),
                MetricSample(name: "t", labels: [("a", "b")], value: 2, timestampMilliseconds: -5),
            ]
        )
        #expect(text([family]) == "# TYPE t untyped\nt 1 1700000000123\nt{a=\"b\"} 2 -5\n")
    }

    @Test("Families are sorted by name and same-named families share one header")
    func sortingAndMerging() {
        let families = [
            MetricFamily(name: "b_total", type: .counter, help: "B.", samples: [MetricSample(name: "b_total", labels: [("src", "1")], value: 1)]),
            MetricFamily(name: "a", type: .gauge, samples: [MetricSample(name: "a", value: 2)]),
            MetricFamily(name: "b_total", type: .counter, help: "B again.", samples: [MetricSample(name: "b_total", labels: [("src", "2")], value: 3)]),
            // Same name, different type: cannot be written under "counter".
            MetricFamily(name: "b_total", type: .gauge, samples: [MetricSample(name: "b_total", labels: [("src", "3")], value: 4)]),
        ]
        #expect(text(families) == """
            # TYPE a gauge
            a 2
            # HELP b_total B.
            # TYPE b_total counter
            b_total{src="1"} 1
            b_total{src="2"} 3

            """)
    }

    @Test("OpenMetrics-style counters get a _total header and _created becomes a gauge")
    func openMetricsStyleCounter() {
        let family = MetricFamily(
            name: "jobs", type: .counter, help: "Jobs.", unit: "",
            samples: [MetricSample(name: "jobs_total", value: 7), MetricSample(name: "jobs_created", value: 1_700_000_000)]
        )
        #expect(text([family]) == """
            # HELP jobs_total Jobs.
            # TYPE jobs_total counter
            jobs_total 7
            # HELP jobs_created Jobs.
            # TYPE jobs_created gauge
            jobs_created 1700000000

            """)
    }

    @Test("Types text 0.0.4 lacks are mapped like the Python client maps them")
    func typeMapping() {
        let families = [
            MetricFamily(name: "build", type: .info, samples: [MetricSample(name: "build", labels: [("v", "1")], value: 1)]),
            MetricFamily(name: "state", type: .stateset, samples: [MetricSample(name: "state", labels: [("state", "up")], value: 1)]),
            MetricFamily(name: "queue", type: .gaugehistogram, samples: [
                MetricSample(name: "queue_bucket", labels: [("le", "+Inf")], value: 2),
                MetricSample(name: "queue_gcount", value: 2),
                MetricSample(name: "queue_gsum", value: 5),
            ]),
        ]
        #expect(text(families) == """
            # TYPE build_info gauge
            build_info{v="1"} 1
            # TYPE queue histogram
            queue_bucket{le="+Inf"} 2
            # TYPE queue_gsum gauge
            queue_gsum 5
            # TYPE queue_gcount gauge
            queue_gcount 2
            # TYPE state gauge
            state{state="up"} 1

            """)
    }

    @Test("Writing into a reused buffer appends the same bytes")
    func reusedBuffer() {
        var buffer: [UInt8] = []
        ExpositionWriter.write(Fixtures.agentFamilies, format: .prometheusText, into: &buffer)
        let first = buffer
        buffer.removeAll(keepingCapacity: true)
        ExpositionWriter.write(Fixtures.agentFamilies, format: .prometheusText, into: &buffer)
        #expect(buffer == first)
        #expect(first == ExpositionWriter.write(Fixtures.agentFamilies, format: .prometheusText))
    }

    @Test("No families, no bytes")
    func empty() {
        #expect(ExpositionWriter.write([], format: .prometheusText).isEmpty)
    }
}
