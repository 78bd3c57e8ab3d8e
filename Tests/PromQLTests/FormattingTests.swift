import Testing
@testable import PromQL

@Suite("Prometheus number formatting")
struct FormattingTests {
    @Test("sample values like strconv.FormatFloat(v, 'f', -1, 64)", arguments: [
        (1.0, "1"), (0.1, "0.1"), (-2.5, "-2.5"), (1e21, "1000000000000000000000"), (1e-7, "0.0000001"),
        (123456789.125, "123456789.125"), (0.6666666666666666, "0.6666666666666666"),
        (.infinity, "+Inf"), (-.infinity, "-Inf"), (.nan, "NaN"), (0.0, "0"), (-0.0, "-0"),
    ])
    func values(value: Double, text: String) {
        #expect(PrometheusFormat.value(value) == text)
    }

    @Test("extreme values print every digit")
    func extremes() {
        #expect(PrometheusFormat.value(5e-324) == "0." + String(repeating: "0", count: 323) + "5")
        #expect(PrometheusFormat.value(1.7976931348623157e308) == "17976931348623157" + String(repeating: "0", count: 292))
    }

    @Test("timestamps as seconds with a millisecond fraction", arguments: [
        (Int64(0), "0"), (1_500, "1.500"), (1_435_781_451_781, "1435781451.781"), (5, "0.005"), (50, "0.050"),
        (-1_500, "-1.500"), (60_000, "60"),
    ])
    func timestamps(milliseconds: Int64, text: String) {
        #expect(PrometheusFormat.timestamp(milliseconds: milliseconds) == text)
    }

    @Test("durations in Prometheus notation")
    func durations() {
        #expect(PrometheusFormat.duration(milliseconds: 5_400_000) == "1h30m")
        #expect(PrometheusFormat.duration(milliseconds: 7_776_000_000) == "90d")    // not 12w6d
        #expect(PrometheusFormat.duration(milliseconds: 31_536_000_000) == "1y")
        #expect(PrometheusFormat.duration(milliseconds: 1_209_600_000) == "2w")
        #expect(PrometheusFormat.duration(milliseconds: 1_001) == "1s1ms")
        #expect(PrometheusFormat.duration(milliseconds: 0) == "0s")
    }

    @Test("number literals print like Go's fmt.Sprint")
    func literals() throws {
        #expect(try parse("1000000").description == "1e+06")
        #expect(try parse("123456").description == "123456")
        #expect(try parse("0.0001").description == "0.0001")
        #expect(try parse("0.00001").description == "1e-05")
        #expect(try parse("1.5e300").description == "1.5e+300")
        #expect(try parse("-Inf").description == "-Inf")
        #expect(try parse("NaN").description == "NaN")
    }
}
