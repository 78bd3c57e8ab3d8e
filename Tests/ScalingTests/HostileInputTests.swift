import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Scaling

/// Absurd but parseable input must give answers or errors, never a trap.
@Suite struct HostileInputTests {
    @Test func hugeValuesThroughTheWholeReplay() throws {
        let hpa = try Fixtures.autoscaler(max: 10, metrics: [Fixtures.cpu(percent: 50), Fixtures.externalAverage("agent360_request_rate", perReplica: 1)])
        let series = try MetricSeriesCSV.read("""
            time,cpu,agent360_request_rate
            0,1e300,-1e300
            1e12,1e-300,1e308
            """)
        let options = SimulationOptions(startReplicas: Int.max, syncPeriodSeconds: 1e10)
        let result = try HPASimulator(autoscaler: hpa, options: options).run(series: series)
        #expect(result.rows.first?.replicas == 10)
        #expect(result.rows.allSatisfy { (1...10).contains($0.replicas) })
        #expect(!result.textTable().isEmpty)
        #expect(!result.csv().isEmpty)
        #expect(XMLParserCheck.wellFormed(result.svg()))
        _ = try result.jsonData()
    }

    @Test func extremeTimesStillFormat() {
        #expect(NumberText.time(1e300) == "1e+300")
        #expect(NumberText.duration(1e300) == "1e+300 s")
        #expect(Quantity.format(1e300) == "1e+300")
    }

    @Test func hugePolicyValuesAreRejectedNotOverflowed() {
        #expect(throws: HPASpecError.self) {
            try Fixtures.autoscaler(scaleDown: HPAScalingRules(
                stabilizationWindowSeconds: 0, policies: [HPAScalingPolicy(.percent, value: Int.max, periodSeconds: 15)]
            ))
        }
        #expect(throws: HPASpecError.self) { try Fixtures.autoscaler(max: Int.max) }
    }

    @Test func costAndRecommendationsStayFinite() throws {
        var prices = CostOptimizerTests.prices
        prices.reservedDiscount = .infinity
        let report = CostOptimizer(prices: prices, targetUtilization: 0).report(CostUsage(
            vcpuHours: .infinity, memoryGiBHours: 1e300, onDemandHours: 1e300, computeUtilization: 0.1
        ))
        _ = try JSONEncoder().encode(report)
        let assessment = ResourceOptimizer(thresholds: ResourceThresholds(downsizeTarget: 0)).assess(WorkloadUsage(
            namespace: "a", workload: "b", cpuUtilization: [.infinity, 0.1], memoryUtilization: [0.1]
        ))
        #expect(assessment.cpuP95 == 0.1)
        _ = try JSONEncoder().encode(assessment)
    }
}

enum XMLParserCheck {
    static func wellFormed(_ text: String) -> Bool {
        #if canImport(FoundationXML)
        return XMLParser(data: Data(text.utf8)).parse()
        #else
        return text.hasPrefix("<svg") && text.hasSuffix("</svg>\n")
        #endif
    }
}
