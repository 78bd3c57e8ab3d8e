/// Prices a month of usage and says where the money could be saved (the
/// guide's CostMonitor and CostOptimizer).
///
/// - `downsize` when compute utilization is below `downsizeBelow` (0.5):
///   running the same work at `targetUtilization` (0.7) needs
///   `utilization / 0.7` of today's capacity, so the saving is
///   `compute cost × (1 − utilization / 0.7)`.
/// - `reserved_capacity` when on-demand hours exceed `reserveAboveHours` (720,
///   one machine all month): only whole always-on machines can be reserved, so
///   the reservable share is `⌊hours / 720⌋ × 720 / hours` and the saving is
///   `compute cost × that share × reservedDiscount`.
/// Compute cost is CPU + memory; storage, network and services are untouched.
/// The discount is clamped to 0…1 and a non-positive target utilization
/// disables `downsize`, so odd configuration cannot produce negative savings.
public struct CostOptimizer: Sendable, Hashable {
    public var prices: CostPrices
    public var downsizeBelow: Double
    public var targetUtilization: Double
    public var reserveAboveHours: Double

    public init(prices: CostPrices, downsizeBelow: Double = 0.5, targetUtilization: Double = 0.7, reserveAboveHours: Double = 720) {
        self.prices = prices
        self.downsizeBelow = downsizeBelow
        self.targetUtilization = targetUtilization
        self.reserveAboveHours = reserveAboveHours
    }

    /// Hours in the 30-day month the reserved-capacity rule counts in.
    public static let hoursPerMonth = 720.0

    public func report(_ usage: CostUsage) -> CostReport {
        // A non-finite price or usage (only possible from code or YAML `.inf`)
        // counts as 0 rather than poisoning the total and the JSON encoding.
        func finite(_ value: Double) -> Double { value.isFinite ? value : 0 }
        var raw: [(CostLine.Category, String, Double)] = [
            (.cpu, "cpu", finite(usage.vcpuHours * prices.vcpuHour)),
            (.memory, "memory", finite(usage.memoryGiBHours * prices.memoryGiBHour)),
            (.storage, "storage", finite(usage.storageGiB * prices.storageGiBMonth)),
            (.network, "network", finite(usage.networkEgressGiB * prices.networkEgressGiB)),
        ]
        for name in prices.fixedServicesMonthly.keys.sorted() {
            raw.append((.service, name, finite(prices.fixedServicesMonthly[name] ?? 0)))
        }
        let amounts = raw.map { Self.cents($0.2) }
        let percents = Self.percentages(amounts)
        let breakdown = raw.indices.map { CostLine(category: raw[$0].0, name: raw[$0].1, amount: amounts[$0], percent: percents[$0]) }
        let compute = raw[0].2 + raw[1].2

        var recommendations: [CostRecommendation] = []
        var downsizeSaving = 0.0
        if let utilization = usage.computeUtilization, utilization.isFinite, utilization < downsizeBelow,
            compute > 0, targetUtilization > 0
        {
            // Clamped: a utilization above the target saves nothing, never a negative amount.
            downsizeSaving = compute * min(max(1 - max(utilization, 0) / targetUtilization, 0), 1)
            recommendations.append(CostRecommendation(
                action: .downsize,
                reason: "compute utilization \(NumberText.compact(utilization)) is below \(NumberText.compact(downsizeBelow)); "
                    + "sized to run at \(NumberText.compact(targetUtilization)) it would need "
                    + "\(Self.percent(utilization / targetUtilization)) of today's capacity",
                estimatedMonthlySaving: Self.cents(downsizeSaving)
            ))
        }
        var reservedSaving = 0.0
        if usage.onDemandHours.isFinite, usage.onDemandHours > reserveAboveHours, compute > 0 {
            let machines = (usage.onDemandHours / Self.hoursPerMonth).rounded(.down)
            let share = machines * Self.hoursPerMonth / usage.onDemandHours
            reservedSaving = compute * share * min(max(prices.reservedDiscount, 0), 1)
            recommendations.append(CostRecommendation(
                action: .reservedCapacity,
                reason: "\(NumberText.compact(usage.onDemandHours)) on-demand hours in 30 days: "
                    + "\(NumberText.compact(machines)) machine(s) run all month; reserving them saves "
                    + "\(Self.percent(prices.reservedDiscount)) on \(Self.percent(share)) of compute",
                estimatedMonthlySaving: Self.cents(reservedSaving)
            ))
        }
        let combined = compute > 0 ? downsizeSaving + reservedSaving * (1 - downsizeSaving / compute) : 0
        return CostReport(
            currency: prices.currency,
            total: Self.cents(amounts.reduce(0, +)),
            breakdown: breakdown,
            recommendations: recommendations,
            combinedEstimatedMonthlySaving: Self.cents(combined)
        )
    }

    /// `0.72` → `72%`, without trapping on odd configuration values.
    static func percent(_ fraction: Double) -> String {
        NumberText.compact((fraction * 100).rounded()) + "%"
    }

    /// Rounded to cents; a non-finite amount (from absurd configuration) is 0
    /// so the report always encodes.
    static func cents(_ amount: Double) -> Double {
        guard amount.isFinite else { return 0 }
        return (amount * 100).rounded(.toNearestOrAwayFromZero) / 100
    }

    /// Percentages with two decimals that sum to exactly 100 (largest
    /// remainder), so a pie chart built from them closes.
    static func percentages(_ amounts: [Double]) -> [Double] {
        let total = amounts.reduce(0, +)
        guard total > 0, total.isFinite else { return amounts.map { _ in 0 } }
        let exact = amounts.map { $0 / total * 10_000 }
        var hundredths = exact.map { $0.rounded(.down) }
        var missing = Int((10_000 - hundredths.reduce(0, +)).rounded())
        let order = exact.indices.sorted { (exact[$0] - hundredths[$0]) > (exact[$1] - hundredths[$1]) }
        for index in order where missing > 0 {
            hundredths[index] += 1
            missing -= 1
        }
        return hundredths.map { $0 / 100 }
    }
}
