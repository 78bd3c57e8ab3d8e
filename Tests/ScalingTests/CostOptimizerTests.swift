import Testing
@testable import Scaling

@Suite struct CostOptimizerTests {
    static let prices = CostPrices(
        vcpuHour: 0.04, memoryGiBHour: 0.005, storageGiBMonth: 0.10, networkEgressGiB: 0.09,
        fixedServicesMonthly: ["monitoring": 50, "dns": 10]
    )

    @Test func breakdownAddsUpToTheTotal() {
        let report = CostOptimizer(prices: Self.prices).report(CostUsage(
            vcpuHours: 7200, memoryGiBHours: 28_800, storageGiB: 500, networkEgressGiB: 200
        ))
        // cpu 7200 × 0.04 = 288, memory 28800 × 0.005 = 144, storage 500 × 0.10 = 50,
        // network 200 × 0.09 = 18, dns 10, monitoring 50 → total 560.
        #expect(report.total == 560)
        #expect(report.breakdown.map(\.name) == ["cpu", "memory", "storage", "network", "dns", "monitoring"])
        #expect(report.breakdown.map(\.amount) == [288, 144, 50, 18, 10, 50])
        // 288/560 = 51.4286%, 144/560 = 25.7143%, 50/560 = 8.9286%, 18/560 = 3.2143%, 10/560 = 1.7857%.
        #expect(report.breakdown.map(\.percent) == [51.43, 25.71, 8.93, 3.21, 1.79, 8.93])
        let sum = report.breakdown.map(\.percent).reduce(0, +)
        #expect(abs(sum - 100) < 1e-9)
        #expect(report.recommendations.isEmpty)
        #expect(report.combinedEstimatedMonthlySaving == 0)
    }

    @Test func percentagesCloseWhenRoundingDisagrees() {
        // Three equal parts: 33.33 + 33.33 + 33.33 = 99.99; the largest remainder gets the 0.01.
        let percents = CostOptimizer.percentages([1, 1, 1])
        #expect(percents.reduce(0, +) == 100)
        #expect(percents.sorted() == [33.33, 33.33, 33.34])
        #expect(CostOptimizer.percentages([0, 0]) == [0, 0])
    }

    @Test func downsizeAndReservedCapacity() {
        let report = CostOptimizer(prices: Self.prices).report(CostUsage(
            vcpuHours: 7200, memoryGiBHours: 28_800, onDemandHours: 1000, computeUtilization: 0.35
        ))
        // Compute = 288 + 144 = 432.
        // Downsize: 0.35 < 0.5 → 432 × (1 − 0.35 / 0.7) = 432 × 0.5 = 216.
        // Reserved: 1000 h > 720 → one machine all month → share 720 / 1000 = 0.72;
        //           432 × 0.72 × 0.3 = 93.312 → 93.31.
        // Combined: 216 + 93.312 × (1 − 216 / 432) = 216 + 46.656 = 262.656 → 262.66.
        #expect(report.recommendations.map(\.action) == [.downsize, .reservedCapacity])
        #expect(report.recommendations.map(\.estimatedMonthlySaving) == [216, 93.31])
        #expect(report.combinedEstimatedMonthlySaving == 262.66)
        #expect(report.recommendations[0].reason.contains("50% of today's capacity"))
        #expect(report.recommendations[1].reason.contains("1 machine(s) run all month"))
    }

    @Test func thresholdsAreExclusive() {
        let report = CostOptimizer(prices: Self.prices).report(CostUsage(
            vcpuHours: 100, memoryGiBHours: 100, onDemandHours: 720, computeUtilization: 0.5
        ))
        #expect(report.recommendations.isEmpty)
    }

    @Test func discountIsConfigurable() {
        var prices = Self.prices
        prices.reservedDiscount = 0.5
        let report = CostOptimizer(prices: prices).report(CostUsage(vcpuHours: 1000, memoryGiBHours: 0, onDemandHours: 1440))
        // Compute 40; 1440 h = two machines all month → share 1; 40 × 1 × 0.5 = 20.
        #expect(report.recommendations.map(\.estimatedMonthlySaving) == [20])
        #expect(report.combinedEstimatedMonthlySaving == 20)
    }
}
