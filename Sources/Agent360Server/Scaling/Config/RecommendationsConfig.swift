import Scaling

/// `recommendations:` — sizing advice per workload from the p95 of its
/// recorded CPU and memory utilization over `window`.
///
/// The keys are the scaling guide's words; they map onto `ResourceThresholds`
/// (`cpuIncreaseAbove` → `cpuHigh`, `downsizeBelow` → `underUtilized`, …).
public struct RecommendationsConfig: Sendable, Equatable {
    public var enabled = true
    /// The history each p95 covers. Longer than `storage.retention` only
    /// sees what the store still holds.
    public var window = ConfigDuration.hours(1)
    /// How often `agent360_recommendation` is recomputed for /metrics and the store.
    public var interval = ConfigDuration.minutes(1)
    public var thresholds = ResourceThresholds.defaults

    public init() {}
}

extension ConfigDuration {
    public static func hours(_ hours: Int64) -> ConfigDuration {
        ConfigDuration(milliseconds: hours * 3_600_000)
    }
}

extension RecommendationsConfig {
    static func read(_ reader: inout YAMLMapping) throws(ConfigError) -> RecommendationsConfig {
        var config = RecommendationsConfig()
        if let enabled = try reader.bool("enabled") { config.enabled = enabled }
        if let window = try reader.duration("window") { config.window = window }
        if let interval = try reader.duration("interval") {
            guard interval.milliseconds >= 100 else { throw reader.invalid("interval", "must be at least 100ms") }
            config.interval = interval
        }
        let ratio = 0.0...1_000.0
        var thresholds = ResourceThresholds.defaults
        if let value = try reader.double("cpuIncreaseAbove", range: ratio) { thresholds.cpuHigh = value }
        if let value = try reader.quantity("cpuIncrement", positive: true) { thresholds.cpuIncrementCores = value }
        if let value = try reader.double("memoryIncreaseAbove", range: ratio) { thresholds.memoryHigh = value }
        if let value = try reader.quantity("memoryIncrement", positive: true) { thresholds.memoryIncrementBytes = value }
        if let value = try reader.double("downsizeBelow", range: ratio) { thresholds.underUtilized = value }
        if let value = try reader.double("downsizeTarget", range: 0.01...1_000) { thresholds.downsizeTarget = value }
        if let value = try reader.quantity("cpuStep", positive: true) { thresholds.cpuStepCores = value }
        if let value = try reader.quantity("memoryStep", positive: true) { thresholds.memoryStepBytes = value }
        if let value = try reader.double("idleCPUBelow", range: ratio) { thresholds.idleCPU = value }
        if let value = try reader.double("idleRequestRateAtMost", range: 0...Double.greatestFiniteMagnitude) {
            thresholds.idleRequestRate = value
        }
        config.thresholds = thresholds
        return config
    }
}

extension YAMLMapping {
    /// A Kubernetes quantity (`2`, `500m`, `2Gi`) or plain number, as a Double.
    mutating func quantity(_ key: String, positive: Bool) throws(ConfigError) -> Double? {
        guard let text = try string(key) else { return nil }
        let value: Double
        if let number = Double(text), number.isFinite {
            value = number
        } else if let quantity = try? Scaling.Quantity(parsing: text), quantity.value.isFinite {
            value = quantity.value
        } else {
            throw invalid(key, "expected a number or a Kubernetes quantity such as 500m or 2Gi, got \"\(text)\"")
        }
        if positive, value <= 0 { throw invalid(key, "must be greater than zero, got \(text)") }
        return value
    }
}
