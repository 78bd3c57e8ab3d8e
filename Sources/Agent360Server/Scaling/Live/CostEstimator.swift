import Logging
import PromQL
import Scaling
import Synchronization
import TSDB

/// Prices a month of this deployment with `CostOptimizer`.
///
/// Usage, per field: the `cost.usage` override when set, else measured —
///
/// | usage | measured as |
/// |---|---|
/// | vCPU-hours | `agent360_cpu_limit_cores` × 720 h |
/// | memory GiB-hours | `agent360_memory_limit_bytes` / 2³⁰ × 720 h |
/// | storage GiB | Σ file system sizes at `collectors.diskMountPoints` / 2³⁰ |
/// | network GiB | transmit bytes/s (all interfaces but `lo`, between two collector readings) × 2 592 000 s / 2³⁰ |
/// | on-demand hours | 720 (this machine, all month) |
/// | compute utilization | `avg(avg_over_time(agent360_cpu_utilization_ratio[utilizationWindow]))` from the store, else the latest collector reading |
///
/// 720 h = 30 days, the month `CostOptimizer` bills.
final class CostEstimator: Sendable {
    let config: CostConfig
    private let optimizer: CostOptimizer
    private let queries: QueryService
    private let measure: @Sendable () -> MeasuredResources?
    private let logger: Logger
    private let state = Mutex(State())

    private struct State {
        /// The reading the transmit rate is measured from.
        var baseline: MeasuredResources?
        var transmitRate: Double?
        var writer = DerivedSeriesWriter()
        var latest: [DerivedSample] = []
    }

    static let hoursPerMonth = CostOptimizer.hoursPerMonth
    static let secondsPerMonth = CostOptimizer.hoursPerMonth * 3600
    static let gibibyte = 1_073_741_824.0

    init(config: CostConfig, queries: QueryService, measure: @escaping @Sendable () -> MeasuredResources?, logger: Logger) {
        self.config = config
        self.queries = queries
        self.measure = measure
        self.logger = logger
        optimizer = CostOptimizer(prices: config.prices, downsizeBelow: config.downsizeBelow,
                                  targetUtilization: config.targetUtilization, reserveAboveHours: config.reserveAboveHours)
    }

    /// Takes a collector reading for the transmit rate; the rate is measured
    /// between readings at least a second apart.
    func observeNetwork() {
        guard let reading = measure() else { return }
        state.withLock { state in
            guard let bytes = reading.transmitBytes else { return }
            if let base = state.baseline, let before = base.transmitBytes {
                let seconds = Double(reading.monotonicNanoseconds &- base.monotonicNanoseconds) / 1e9
                guard reading.monotonicNanoseconds > base.monotonicNanoseconds, seconds >= 1 else { return }
                // A counter reset (interface re-created) leaves the last rate standing.
                if bytes >= before { state.transmitRate = (bytes - before) / seconds }
            }
            state.baseline = reading
        }
    }

    /// The month's usage and bill as of `time` (ms).
    func estimate(at time: Int64) async -> CostEstimate {
        observeNetwork()
        let reading = measure()
        let overrides = config.usage
        var sources: [(String, UsageSource)] = []
        func pick(_ name: String, _ override: Double?, _ measured: Double?) -> Double {
            if let override { sources.append((name, .configured)); return override }
            if let measured, measured.isFinite { sources.append((name, .collectors)); return measured }
            sources.append((name, .unavailable))
            return 0
        }
        let vcpus = pick("vcpus", overrides.vcpus, reading?.cpuLimitCores)
        let memoryGiB = pick("memoryGiB", overrides.memoryGiB, reading?.memoryLimitBytes.map { $0 / Self.gibibyte })
        let storageGiB = pick("storageGiB", overrides.storageGiB, reading?.storageBytes.map { $0 / Self.gibibyte })
        let rate = state.withLock { $0.transmitRate }
        let networkGiB = pick("networkGiBPerMonth", overrides.networkGiBPerMonth,
                              rate.map { $0 * Self.secondsPerMonth / Self.gibibyte })
        let hours: Double
        if let override = overrides.onDemandHoursLast30Days {
            hours = override
            sources.append(("onDemandHoursLast30Days", .configured))
        } else {
            hours = Self.hoursPerMonth
            sources.append(("onDemandHoursLast30Days", .assumed))
        }
        var utilization = overrides.computeUtilization
        if utilization != nil {
            sources.append(("computeUtilization", .configured))
        } else if let stored = await storedUtilization(at: time) {
            utilization = stored
            sources.append(("computeUtilization", .store))
        } else if let latest = reading?.cpuUtilization, latest.isFinite {
            utilization = latest
            sources.append(("computeUtilization", .collectors))
        } else {
            sources.append(("computeUtilization", .unavailable))
        }
        let usage = CostUsage(vcpuHours: vcpus * Self.hoursPerMonth, memoryGiBHours: memoryGiB * Self.hoursPerMonth,
                              storageGiB: storageGiB, networkEgressGiB: networkGiB, onDemandHours: hours,
                              computeUtilization: utilization)
        return CostEstimate(time: time, vcpus: vcpus, memoryGiB: memoryGiB, usage: usage, sources: sources,
                            report: optimizer.report(usage))
    }

    /// Mean CPU utilization over the window, when the store holds the
    /// collectors' series (a Prometheus scraping agent360 and writing back).
    private func storedUtilization(at time: Int64) async -> Double? {
        let window = DurationText.promQL(config.utilizationWindow.milliseconds)
        let query = "avg(avg_over_time(agent360_cpu_utilization_ratio[\(window)]))"
        guard case .vector(let samples) = try? await queries.instant(query, at: time).value,
              let value = samples.first?.value, value.isFinite else { return nil }
        return value
    }

    /// `agent360_cost_monthly{category}`, `agent360_cost_total_monthly` and
    /// `agent360_cost_savings_monthly{recommendation}`.
    static func samples(_ report: CostReport) -> [DerivedSample] {
        report.breakdown.map { DerivedSample("agent360_cost_monthly", [("category", $0.name)], $0.amount) }
            + [DerivedSample("agent360_cost_total_monthly", [], report.total)]
            + CostRecommendation.Action.allCases.map { action in
                // 0 when not recommended, so the savings panel never shows a gap.
                let saving = report.recommendations.first { $0.action == action }?.estimatedMonthlySaving ?? 0
                return DerivedSample("agent360_cost_savings_monthly", [("recommendation", action.rawValue)], saving)
            }
    }

    /// One scheduled evaluation: estimate and write.
    func evaluate(at time: Int64) async {
        let samples = Self.samples(await estimate(at: time).report)
        state.withLock { state in
            state.writer.write(samples, at: time, into: queries.store)
            state.latest = samples
        }
    }

    func latestSamples() -> [DerivedSample] {
        state.withLock { $0.latest }
    }
}

/// Where a usage figure came from, as `/api/v1/costs` reports it.
enum UsageSource: String, Sendable {
    case configured
    case collectors
    case store
    /// A documented assumption (720 on-demand hours).
    case assumed
    /// Not measurable yet or at all; counted as 0.
    case unavailable
}

/// One cost estimate with its inputs.
struct CostEstimate: Sendable {
    var time: Int64
    var vcpus: Double
    var memoryGiB: Double
    var usage: CostUsage
    var sources: [(field: String, source: UsageSource)]
    var report: CostReport
}

/// Milliseconds as a PromQL duration (`1h`, `90s`, `1500ms`).
enum DurationText {
    static func promQL(_ milliseconds: Int64) -> String {
        ConfigDuration(milliseconds: max(milliseconds, 1)).description
    }
}
