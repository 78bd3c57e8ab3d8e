import Scaling

/// `cost:` — what a month of this deployment costs and where to save.
///
/// Usage comes from the resource collectors unless overridden (see
/// `CostEstimator` for the formulas); prices are placeholders shaped like
/// public cloud list prices and are meant to be replaced with the real ones.
public struct CostConfig: Sendable, Equatable {
    public var enabled = true
    /// How often the `agent360_cost_*` series are recomputed.
    public var interval = ConfigDuration.minutes(1)
    public var prices = CostConfig.defaultPrices
    public var usage = CostUsageOverrides()
    /// Compute utilization is the mean of `agent360_cpu_utilization_ratio` over this window.
    public var utilizationWindow = ConfigDuration.hours(1)
    /// Below this compute utilization a `downsize` is recommended…
    public var downsizeBelow = 0.5
    /// …to run at this utilization.
    public var targetUtilization = 0.7
    /// Above this many on-demand hours in 30 days, reserved capacity pays off.
    public var reserveAboveHours = 720.0

    public init() {}

    /// List-price-like placeholders (USD): 0.0445 per vCPU-hour and 0.0049 per
    /// GiB-hour (the order of managed-Kubernetes pod pricing), 0.08 per
    /// GiB-month of block storage, 0.09 per GiB of internet egress, 30 %
    /// off for reserved capacity. Not any provider's current price list.
    public static let defaultPrices = CostPrices(
        currency: "USD", vcpuHour: 0.0445, memoryGiBHour: 0.0049, storageGiBMonth: 0.08,
        networkEgressGiB: 0.09, fixedServicesMonthly: [:], reservedDiscount: 0.3)
}

/// `cost.usage:` — figures that replace what the collectors measure, e.g.
/// the whole fleet's size when agent360 runs beside one pod of it.
public struct CostUsageOverrides: Sendable, Equatable {
    public var vcpus: Double?
    public var memoryGiB: Double?
    public var storageGiB: Double?
    public var networkGiBPerMonth: Double?
    public var onDemandHoursLast30Days: Double?
    /// 0–1; otherwise measured from `agent360_cpu_utilization_ratio`.
    public var computeUtilization: Double?

    public init() {}
}

extension CostConfig {
    /// Names the four usage categories already take; a service may not reuse them.
    static let categoryNames: Set<String> = ["cpu", "memory", "storage", "network"]

    static func read(_ reader: inout YAMLMapping) throws(ConfigError) -> CostConfig {
        var config = CostConfig()
        if let enabled = try reader.bool("enabled") { config.enabled = enabled }
        if let interval = try reader.duration("interval") {
            guard interval.milliseconds >= 100 else { throw reader.invalid("interval", "must be at least 100ms") }
            config.interval = interval
        }
        if let prices = try reader.section("prices", Self.readPrices) { config.prices = prices }
        if let usage = try reader.section("usage", Self.readUsage) { config.usage = usage }
        if let window = try reader.duration("utilizationWindow") { config.utilizationWindow = window }
        if let value = try reader.double("downsizeBelow", range: 0...1) { config.downsizeBelow = value }
        if let value = try reader.double("targetUtilization", range: 0.01...1) { config.targetUtilization = value }
        if let value = try reader.double("reserveAboveHours", range: 0...1_000_000) { config.reserveAboveHours = value }
        return config
    }

    private static func readPrices(_ reader: inout YAMLMapping) throws(ConfigError) -> CostPrices {
        var prices = CostConfig.defaultPrices
        let money = 0.0...1e12
        if let currency = try reader.string("currency") {
            guard !currency.isEmpty else { throw reader.invalid("currency", "must not be empty") }
            prices.currency = currency
        }
        if let value = try reader.double("vcpuHour", range: money) { prices.vcpuHour = value }
        if let value = try reader.double("memoryGiBHour", range: money) { prices.memoryGiBHour = value }
        if let value = try reader.double("storageGiBMonth", range: money) { prices.storageGiBMonth = value }
        if let value = try reader.double("networkGiB", range: money) { prices.networkEgressGiB = value }
        if let value = try reader.double("reservedDiscount", range: 0...1) { prices.reservedDiscount = value }
        if let services = try reader.stringMap("services") {
            var monthly: [String: Double] = [:]
            for (name, text) in services {
                guard !name.isEmpty, !categoryNames.contains(name) else {
                    throw reader.invalid("services", "service name \"\(name)\" is reserved for a usage category")
                }
                guard let amount = Double(text), amount.isFinite, amount >= 0 else {
                    throw reader.invalid("services", "\(name): expected a monthly amount (a number ≥ 0), got \"\(text)\"")
                }
                monthly[name] = amount
            }
            prices.fixedServicesMonthly = monthly
        }
        return prices
    }

    private static func readUsage(_ reader: inout YAMLMapping) throws(ConfigError) -> CostUsageOverrides {
        var usage = CostUsageOverrides()
        let amount = 0.0...1e12
        usage.vcpus = try reader.double("vcpus", range: amount)
        usage.memoryGiB = try reader.double("memoryGiB", range: amount)
        usage.storageGiB = try reader.double("storageGiB", range: amount)
        usage.networkGiBPerMonth = try reader.double("networkGiBPerMonth", range: amount)
        usage.onDemandHoursLast30Days = try reader.double("onDemandHoursLast30Days", range: amount)
        usage.computeUtilization = try reader.double("computeUtilization", range: 0...1)
        return usage
    }
}
