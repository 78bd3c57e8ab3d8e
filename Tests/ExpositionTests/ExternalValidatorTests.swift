import Exposition
import Testing

/// The real consumers judge the writers: promtool's linter and the reference
/// Python client's two parsers.
@Suite("External validators")
struct ExternalValidatorTests {
    static let promtool = "/usr/bin/promtool"

    /// swift-prometheus output with HELP everywhere (promtool lints missing
    /// help) and a counter agent360 also exports, so the merge is exercised.
    static let programMetrics = #"""
        # HELP agent360_network_receive_bytes_total Bytes received per device.
        # TYPE agent360_network_receive_bytes_total counter
        agent360_network_receive_bytes_total{device="eth1"} 77
        # HELP http_requests_total Total HTTP requests handled.
        # TYPE http_requests_total counter
        http_requests_total{method="GET",status="200"} 1027
        # HELP http_request_duration_seconds Request latency, see C:\\logs.
        # TYPE http_request_duration_seconds histogram
        http_request_duration_seconds_bucket{route="/api",le="0.005"} 4
        http_request_duration_seconds_bucket{route="/api",le="1.0"} 12
        http_request_duration_seconds_bucket{route="/api",le="+Inf"} 13
        http_request_duration_seconds_sum{route="/api"} 2.506100000
        http_request_duration_seconds_count{route="/api"} 13

        """#

    static func mergedFamilies() throws -> [MetricFamily] {
        try TextFormatParser.parse(programMetrics) + Fixtures.agentFamilies
    }

    @Test("promtool check metrics reports nothing on merged text output", .enabled(if: ExternalTool.isAvailable(promtool)))
    func promtoolIsClean() throws {
        let body = ExpositionWriter.write(try Self.mergedFamilies(), format: .prometheusText)
        let result = try ExternalTool.run(Self.promtool, ["check", "metrics"], input: body)
        #expect(result.status == 0, "promtool: \(result.standardOutput)\(result.standardError)")
        #expect(result.standardOutput.isEmpty && result.standardError.isEmpty, "promtool: \(result.standardOutput)\(result.standardError)")
    }

    @Test("promtool rejects naive concatenation, so the clean result above means something", .enabled(if: ExternalTool.isAvailable(promtool)))
    func promtoolCatchesDuplicateType() throws {
        let first = ExpositionWriter.write(try TextFormatParser.parse(Self.programMetrics), format: .prometheusText)
        let second = ExpositionWriter.write(Fixtures.agentFamilies, format: .prometheusText)
        let result = try ExternalTool.run(Self.promtool, ["check", "metrics"], input: first + second)
        #expect(result.status != 0)
        #expect(result.standardError.contains("agent360_network_receive_bytes_total"))
    }

    @Test("Python's text 0.0.4 parser reads the text output with the same values", .enabled(if: PythonParser.isAvailable))
    func pythonTextParser() throws {
        let body = ExpositionWriter.write(try Self.mergedFamilies(), format: .prometheusText)
        let (families, error) = try PythonParser.parse(body, as: .text)
        #expect(error == nil, "\(error ?? "")")
        let byName = Dictionary(families.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

        // The Python client names counter families without _total.
        let received = try #require(byName["agent360_network_receive_bytes"])
        #expect(received.type == "counter")
        #expect(received.samples.count == 3)
        #expect(received.sample("agent360_network_receive_bytes_total", ["device": "eth0"])?.number == 9_876_543_210)
        #expect(received.sample("agent360_network_receive_bytes_total", ["device": "eth1"])?.number == 77)
        #expect(received.sample("agent360_network_receive_bytes_total", ["device": "lo"])?.number == 4096)

        #expect(byName["agent360_cpu_usage_seconds"]?.sample("agent360_cpu_usage_seconds_total")?.number == 1234.5)
        #expect(byName["agent360_memory_working_set_bytes"]?.sample("agent360_memory_working_set_bytes")?.number == 52_428_800)

        let signal = try #require(byName["agent360_signal_value"])
        #expect(signal.help == "A \"quoted\" help with a \\ backslash\nand a second line.")
        #expect(signal.sample("agent360_signal_value", ["signal": "p95", "path": "C:\\tmp \"x\"\n"])?.number == 0.25)
        #expect(signal.sample("agent360_signal_value", ["signal": "nan"])?.value == "nan")
        #expect(signal.sample("agent360_signal_value", ["signal": "inf"])?.value == "inf")
        #expect(signal.sample("agent360_signal_value", ["signal": "neg"])?.value == "-inf")
        let stamped = signal.sample("agent360_signal_value", ["signal": "stamped"])
        #expect(stamped?.number == 1e-7)
        // The 0.0.4 parser turns milliseconds into seconds.
        #expect(stamped?.timestamp == "1700000000.123")

        let histogram = try #require(byName["http_request_duration_seconds"])
        #expect(histogram.type == "histogram")
        #expect(histogram.help == #"Request latency, see C:\logs."#)
        #expect(histogram.sample("http_request_duration_seconds_bucket", ["route": "/api", "le": "+Inf"])?.number == 13)
        #expect(histogram.sample("http_request_duration_seconds_sum", ["route": "/api"])?.number == 2.5061)
        #expect(byName["agent360_rpc_latency_seconds"]?.sample("agent360_rpc_latency_seconds", ["quantile": "0.95"])?.number == 0.3)
    }

    @Test("Python's OpenMetrics parser reads the OpenMetrics output with the same values", .enabled(if: PythonParser.isAvailable))
    func pythonOpenMetricsParser() throws {
        let body = ExpositionWriter.write(try Self.mergedFamilies(), format: .openMetrics)
        let (families, error) = try PythonParser.parse(body, as: .openMetrics)
        #expect(error == nil, "\(error ?? "")\n\(String(decoding: body, as: UTF8.self))")
        let byName = Dictionary(families.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

        let cpu = try #require(byName["agent360_cpu_usage_seconds"])
        #expect(cpu.type == "counter")
        #expect(cpu.unit == "seconds")
        #expect(cpu.sample("agent360_cpu_usage_seconds_total")?.number == 1234.5)
        #expect(cpu.sample("agent360_cpu_usage_seconds_created")?.number == 1_700_000_000)

        #expect(byName["agent360_memory_working_set_bytes"]?.unit == "bytes")
        #expect(byName["agent360_network_receive_bytes"]?.samples.count == 3)
        #expect(byName["http_requests"]?.sample("http_requests_total", ["method": "GET", "status": "200"])?.number == 1027)

        let signal = try #require(byName["agent360_signal_value"])
        #expect(signal.help == "A \"quoted\" help with a \\ backslash\nand a second line.")
        #expect(signal.sample("agent360_signal_value", ["signal": "p95", "path": "C:\\tmp \"x\"\n"])?.number == 0.25)
        #expect(signal.sample("agent360_signal_value", ["signal": "nan"])?.value == "nan")
        #expect(signal.sample("agent360_signal_value", ["signal": "neg"])?.value == "-inf")
        #expect(signal.sample("agent360_signal_value", ["signal": "stamped"])?.timestamp == "1700000000.123")

        let info = try #require(byName["agent360_build"])
        #expect(info.type == "info")
        #expect(info.sample("agent360_build_info", ["version": "1.2.3"])?.number == 1)
        #expect(byName["http_request_duration_seconds"]?.sample("http_request_duration_seconds_count", ["route": "/api"])?.number == 13)
    }
}
