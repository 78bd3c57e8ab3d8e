import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Scaling

@Suite struct OutputWriterTests {
    /// Two metrics, three syncs: t0 holds (tolerance), t15 scales 2 → 4, t30 the
/// error rate is missing while CPU alone would scale down, so the controller holds.
    static func result() throws -> SimulationResult {
        let hpa = try Fixtures.autoscaler(
            min: 2, max: 10,
            metrics: [Fixtures.cpu(percent: 50), Fixtures.external("agent360_error_rate", value: 0.05)]
        )
        let series = [
            "cpu": MetricSeries([(0, 0.5), (15, 1.0), (30, 0.25)]),
            "agent360_error_rate": MetricSeries([(0, 0.01), (15, 0.01), (30, .nan)]),
        ]
        return try HPASimulator(autoscaler: hpa).run(series: series)
    }

    @Test func textTableIsAligned() throws {
        let table = try Self.result().textTable()
        let lines = table.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("# shop/web: replicas 2–10, sync every 15 s; cpu target 50%, agent360_error_rate target 50m"))
        #expect(lines[1].split(separator: " ", omittingEmptySubsequences: true)
            == ["time", "cpu", "agent360_error_rate", "desired", "stabilized", "replicas", "rule"])
        // Every column starts at the same offset on every row.
        let ruleColumn = try #require(lines[1].range(of: "rule")?.lowerBound).utf16Offset(in: lines[1])
        for line in lines[2...4] {
            #expect(line.count > ruleColumn)
        }
        #expect(lines[2].contains("0.5 → 2"))
        #expect(lines[3].contains("1 → 4"))
        #expect(lines[4].hasSuffix("FailedGetExternalMetric"))
        #expect(lines.last?.hasPrefix("# note:") == true)
    }

    @Test func csvHasOneLinePerSync() throws {
        let csv = try Self.result().csv()
        #expect(csv == """
            time,cpu,cpu_proposal,agent360_error_rate,agent360_error_rate_proposal,desired_replicas,stabilized_replicas,replicas,limiting_rule
            0,0.5,2,0.01,1,2,2,2,Tolerance
            15,1,4,0.01,1,4,4,4,DesiredWithinRange
            30,0.25,2,,,2,,4,FailedGetExternalMetric

            """)
    }

    @Test func jsonRoundTrips() throws {
        let result = try Self.result()
        let data = try result.jsonData()
        let decoded = try JSONDecoder().decode(SimulationResult.self, from: data)
        #expect(decoded == result)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"limitingRule\" : \"FailedGetExternalMetric\""))
    }

    @Test func svgIsWellFormedWithOnePanelPerMetricPlusReplicas() throws {
        let svg = try Self.result().svg()
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"900\" height=\"600\""))
        #expect(svg.contains("shop/web replicas"))
        #expect(svg.contains("cpu (ratio of requests) — Resource Utilization"))
        #expect(svg.contains("target 50%"))
        #expect(svg.contains("stroke-dasharray=\"6 4\""))
        #expect(svg.components(separatedBy: "<g transform=").count - 1 == 3)
        #if canImport(FoundationXML)
        #expect(XMLParser(data: Data(svg.utf8)).parse())
        #endif
    }

    @Test func svgEscapesNamesAndSurvivesNoRows() throws {
        var result = try Self.result()
        result.autoscaler = "a<b>&\"c\""
        #expect(result.svg().contains("a&lt;b&gt;&amp;&quot;c&quot; replicas"))
        result.rows = []
        #expect(result.svg().contains("no syncs to show"))
    }

    @Test func perReplicaTargetIsAStepLine() throws {
        let hpa = try Fixtures.autoscaler(metrics: [Fixtures.externalAverage("agent360_request_rate", perReplica: 1000)])
        let series = ["agent360_request_rate": MetricSeries([(0, 4000), (30, 4000)])]
        let result = try HPASimulator(autoscaler: hpa, options: SimulationOptions(startReplicas: 2)).run(series: series)
        // Target line follows 1000 × current replicas: 2000 at t0, 4000 after scaling.
        #expect(result.metrics[0].targetScalesWithReplicas)
        #expect(result.metrics[0].targetLevel(replicas: result.rows[1].currentReplicas) == 4000)
        #expect(result.svg().contains("target 1000 × replicas"))
    }
}
