/// Quantiles of utilization samples.
public enum Quantile {
    /// The φ-quantile of samples, computed as PromQL's `quantile_over_time`
    /// does (linear interpolation between the two nearest ranks at φ·(n−1)),
    /// so a recommendation's p95 matches what an operator gets from
    /// `quantile_over_time(0.95, agent360_cpu_utilization_ratio[7d])`.
    /// NaN samples are ignored; nil when none remain or φ is NaN.
    public static func compute(_ phi: Double, of samples: [Double]) -> Double? {
        let values = samples.filter { !$0.isNaN }.sorted()
        guard !values.isEmpty, !phi.isNaN else { return nil }
        if phi < 0 { return -.infinity }
        if phi > 1 { return .infinity }
        let rank = phi * Double(values.count - 1)
        let lower = Int(rank.rounded(.down))
        let upper = min(lower + 1, values.count - 1)
        let weight = rank - Double(lower)
        return values[lower] * (1 - weight) + values[upper] * weight
    }
}
