import Testing
@testable import Scaling

@Suite struct MetricSeriesCSVTests {
    @Test func readsWideFormat() throws {
        let series = try MetricSeriesCSV.read("""
            # recorded from agent360
            time,cpu,agent360_request_rate
            0,0.5,1500
            15,,2k

            30,0.75,NaN
            """)
        #expect(series["cpu"]?.points == [TimedValue(time: 0, value: 0.5), TimedValue(time: 30, value: 0.75)])
        #expect(series["agent360_request_rate"]?.points == [TimedValue(time: 0, value: 1500), TimedValue(time: 15, value: 2000)])
    }

    @Test func readsLongFormatAndRFC3339() throws {
        let series = try MetricSeriesCSV.read("""
            time,metric,value
            2024-05-01T10:00:00Z,cpu,0.5\r
            2024-05-01T10:00:15Z,cpu,0.6\r
            2024-05-01T12:00:15+02:00,"agent360_request_rate",1500\r
            """)
        #expect(series["cpu"]?.points.map(\.time) == [1_714_557_600, 1_714_557_615])
        #expect(series["agent360_request_rate"]?.points == [TimedValue(time: 1_714_557_615, value: 1500)])
    }

    @Test func keepsEmptyWideColumns() throws {
        let series = try MetricSeriesCSV.read("time,cpu,memory\n0,0.5,\n")
        #expect(series["memory"]?.points.isEmpty == true)
    }

    @Test(arguments: [
        ("", "line 1: no header line (expected time,<metric>... or time,metric,value)"),
        ("when,cpu\n", "line 1: bad header: the first column must be named time"),
        ("time\n", "line 1: bad header: no metric columns after time"),
        ("time,cpu,cpu\n", "line 1: bad header: column cpu appears twice"),
        ("time,cpu\n0,0.5\n15,lots\n", "line 3: column cpu: \"lots\" is not a number"),
        ("time,cpu\n0,0.5,1\n", "line 2: expected 2 fields, found 3"),
        ("time,cpu\nyesterday,0.5\n", "line 2: time \"yesterday\" is neither unix seconds nor RFC 3339"),
        ("time,cpu\n2024-02-30T00:00:00Z,0.5\n", "line 2: time \"2024-02-30T00:00:00Z\" is neither unix seconds nor RFC 3339"),
        ("time,cpu\n0,\"0.5\n", "line 2: a quoted field is not closed"),
        ("time,metric,value\n0,,1\n", "line 2: metric name is empty"),
    ])
    func errorsNameTheLine(input: String, message: String) {
        do {
            _ = try MetricSeriesCSV.read(input)
            Issue.record("expected an error for \(input)")
        } catch {
            #expect(String(describing: error) == message)
        }
    }
}

@Suite struct RFC3339Tests {
    @Test(arguments: [
        ("2024-05-01T10:00:00Z", 1_714_557_600.0),
        ("2024-05-01t10:00:00z", 1_714_557_600.0),
        ("2024-05-01 12:00:00+02:00", 1_714_557_600.0),
        ("2024-02-29T23:59:59Z", 1_709_251_199.0),
        ("1969-12-31T23:00:00Z", -3600.0),
        ("2024-05-01T10:00:00.25Z", 1_714_557_600.25),
    ])
    func parses(text: String, seconds: Double) {
        #expect(RFC3339.parse(text) == seconds)
    }

    @Test(arguments: ["2023-02-29T00:00:00Z", "2024-13-01T00:00:00Z", "2024-05-01T10:00:00", "2024-05-01T25:00:00Z", "2024-05-01T10:00:00.Z"])
    func rejects(text: String) {
        #expect(RFC3339.parse(text) == nil)
    }

    @Test func formatsAndRoundTrips() {
        #expect(RFC3339.format(1_714_557_600) == "2024-05-01T10:00:00Z")
        #expect(RFC3339.format(1_714_557_600.5) == "2024-05-01T10:00:00.500Z")
        #expect(RFC3339.format(-3600) == "1969-12-31T23:00:00Z")
        for seconds in stride(from: -1e9, through: 4e9, by: 12_345_678.0) {
            #expect(RFC3339.parse(RFC3339.format(seconds)) == seconds)
        }
    }
}
