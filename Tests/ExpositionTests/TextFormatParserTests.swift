import Exposition
import Testing

@Suite("Text format 0.0.4 parser")
struct TextFormatParserTests {
    @Test("Reads swift-prometheus output: types, help, escapes and Swift's float spellings")
    func swiftPrometheusOutput() throws {
        let families = try TextFormatParser.parse(Fixtures.swiftPrometheusOutput)
        #expect(families.map(\.name) == [
            "http_requests_total", "process_start_time_seconds", "http_request_duration_seconds",
            "temperature_celsius", "queue_fill_ratio",
        ])
        #expect(families.map(\.type) == [.counter, .gauge, .histogram, .gauge, .gauge])

        let requests = families[0]
        #expect(requests.help == "Total HTTP requests handled.")
        #expect(requests.samples == [
            MetricSample(name: "http_requests_total", labels: [("method", "GET"), ("status", "200")], value: 1027),
            MetricSample(name: "http_requests_total", labels: [("method", "POST"), ("status", "500")], value: 3),
        ])
        #expect(families[1].help == "")
        #expect(families[1].samples.first?.value == 1_700_000_000)

        let histogram = families[2]
        #expect(histogram.help == #"Request latency, see C:\logs."#)
        #expect(histogram.samples.map(\.name) == Array(repeating: "http_request_duration_seconds_bucket", count: 4)
            + ["http_request_duration_seconds_sum", "http_request_duration_seconds_count"])
        #expect(histogram.samples.compactMap { $0.label("le") } == ["0.005", "0.01", "1.0", "+Inf"])
        #expect(histogram.samples.map(\.value) == [4, 9, 12, 13, 2.5061, 13])

        let temperature = families[3]
        #expect(temperature.samples[0].labels[0].1 == "a \"quoted\" one\nnext")
        #expect(temperature.samples[0].value == -3.5)
        #expect(temperature.samples[1].labels[0].1 == #"back\slash"#)
        #expect(temperature.samples[1].value == .infinity)
        #expect(families[4].samples[0].value.isNaN)
    }

    @Test("Text written by the writer parses back to the same families")
    func roundTrip() throws {
        let parsed = try TextFormatParser.parse(Fixtures.swiftPrometheusOutput)
        let written = ExpositionWriter.write(parsed, format: .prometheusText)
        let reparsed = try TextFormatParser.parse(written)
        // The writer sorts families by name; everything else is unchanged.
        #expect(reparsed == parsed.sorted { $0.name < $1.name })
    }

    @Test("agent360's families survive text format with values, labels and timestamps intact")
    func agentFamiliesRoundTrip() throws {
        let reparsed = try TextFormatParser.parse(ExpositionWriter.write(Fixtures.agentFamilies, format: .prometheusText))
        let byName = Dictionary(reparsed.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        // Two source families with this name were written under one header.
        #expect(byName["agent360_network_receive_bytes_total"]?.samples.map(\.value) == [9_876_543_210, 4096])
        #expect(byName["agent360_cpu_usage_seconds_total"]?.type == .counter)
        #expect(byName["agent360_cpu_usage_seconds_total"]?.samples.map(\.value) == [1234.5])
        #expect(byName["agent360_cpu_usage_seconds_created"]?.type == .gauge)
        let signal = try #require(byName["agent360_signal_value"])
        #expect(signal.help == "A \"quoted\" help with a \\ backslash\nand a second line.")
        #expect(signal.samples == Fixtures.agentFamilies[3].samples)
        #expect(byName["agent360_build_info"]?.type == .gauge)
    }

    @Test("Layout freedoms: blanks, trailing comma, CRLF, comments, untyped samples, non-contiguous families")
    func lenientLayout() throws {
        let input = "# just a comment\r\n"
            + "\n"
            + "#    HELP  spaced_total   Help with  two  spaces.  \r\n"
            + "# TYPE spaced_total counter\n"
            + "  spaced_total { a = \"1\" , b=\"2\", }   7   1700000000000  \n"
            + "loose_metric 3\n"
            + "spaced_total{a=\"2\"} 8\n"
            + "# UNIT spaced_total ignored_in_0_0_4\n"
            + "# EOF\n"
            + "hex_value 0x1p-2\n"
            + "signed_value +12\n"
            + "huge_value 1e300\n"
            + "odd_escapes{path=\"a\\tb\"} 1\n"
        let families = try TextFormatParser.parse(input)
        #expect(families.map(\.name) == ["spaced_total", "loose_metric", "hex_value", "signed_value", "huge_value", "odd_escapes"])
        #expect(families[0].help == "Help with  two  spaces.  ")
        #expect(families[0].samples == [
            MetricSample(name: "spaced_total", labels: [("a", "1"), ("b", "2")], value: 7, timestampMilliseconds: 1_700_000_000_000),
            MetricSample(name: "spaced_total", labels: [("a", "2")], value: 8),
        ])
        #expect(families[1].type == .unknown)
        #expect(families[2].samples[0].value == 0.25)
        #expect(families[3].samples[0].value == 12)
        #expect(families[4].samples[0].value == 1e300)
        // Unknown escapes stay as written (Prometheus's scrape parser does the same).
        #expect(families[5].samples[0].labels[0].1 == #"a\tb"#)
    }

    @Test("Histogram and summary samples find their family even after other families")
    func suffixedSamplesJoinTheirFamily() throws {
        let input = """
            # TYPE lat histogram
            lat_bucket{le="1"} 1
            # TYPE other gauge
            other 1
            lat_bucket{le="+Inf"} 2
            lat_sum 3
            lat_count 2
            # TYPE rpc summary
            rpc{quantile="0.5"} 0.1
            rpc_sum 1
            rpc_count 4
            rpc_total 9
            """
        let families = try TextFormatParser.parse(input)
        #expect(families.map(\.name) == ["lat", "other", "rpc", "rpc_total"])
        #expect(families[0].samples.map(\.name) == ["lat_bucket", "lat_bucket", "lat_sum", "lat_count"])
        #expect(families[2].samples.count == 3)
        #expect(families[3].type == .unknown)
    }

    @Test(
        "Bad input is reported with its line number",
        arguments: [
            ("ok 1\nbad-name 1\n", "line 2: invalid metric name \"bad-name\""),
            ("ok 1\nok2\n", "line 2: sample \"ok2\" has no value"),
            ("a{b=\"c\"}\n", "line 1: sample \"a\" has no value"),
            ("m banana\n", "line 1: invalid sample value \"banana\""),
            ("m nan(0x1)\n", "line 1: invalid sample value \"nan(0x1)\""),
            ("m 1 12.5\n", "line 1: invalid timestamp \"12.5\" (expected integer milliseconds)"),
            ("m 1 99999999999999999999\n", "line 1: invalid timestamp \"99999999999999999999\" (expected integer milliseconds)"),
            ("m 1 2 3\n", "line 1: unexpected text after the timestamp: \"3\""),
            ("\n\nm{a=\"x} 1\n", "line 3: label value has no closing quote"),
            ("m{a=\"x\",a=\"y\"} 1\n", "line 1: label \"a\" appears twice"),
            ("m{1a=\"x\"} 1\n", "line 1: invalid label name \"1a\""),
            ("m{a-b=\"x\"} 1\n", "line 1: invalid label name \"a-b\""),
            ("m{a=x} 1\n", "line 1: malformed label set: expected a quoted value for \"a\""),
            ("m{a \"x\"} 1\n", "line 1: malformed label set: expected \"=\" after \"a\""),
            ("m{a=\"x\" b=\"y\"} 1\n", "line 1: malformed label set: expected \",\" or \"}\" after the value of \"a\""),
            ("m{a=\"x\"\n", "line 1: malformed label set: missing \"}\""),
            ("# TYPE m gauge\n# TYPE m counter\n", "line 2: second TYPE line for metric \"m\""),
            ("# HELP m a\n# HELP m b\n", "line 2: second HELP line for metric \"m\""),
            ("m 1\n# TYPE m gauge\n", "line 2: TYPE line for metric \"m\" after its samples"),
            ("# TYPE m histogramm\n", "line 1: unknown metric type \"histogramm\""),
            ("# TYPE m gauge extra\n", "line 1: unknown metric type \"gaugeextra\""),
            ("# TYPE\n", "line 1: # TYPE line without a metric name"),
            ("# HELP 9m text\n", "line 1: # HELP line without a metric name"),
        ]
    )
    func errors(input: String, expected: String) {
        do {
            let families = try TextFormatParser.parse(input)
            Issue.record("expected an error, parsed \(families)")
        } catch {
            #expect(error.description == expected)
        }
    }

    @Test("Invalid UTF-8 in a label value is an error, not a crash")
    func invalidUTF8() {
        let bytes: [UInt8] = Array("m{a=\"".utf8) + [0xFF, 0xFE] + Array("\"} 1\n".utf8)
        #expect(throws: ExpositionParseError.self) { try TextFormatParser.parse(bytes) }
    }

    @Test("Empty input is no families")
    func emptyInput() throws {
        #expect(try TextFormatParser.parse("").isEmpty)
        #expect(try TextFormatParser.parse("\n# only comments\n").isEmpty)
    }
}
