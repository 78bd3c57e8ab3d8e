/// Turns utilization history into sizing advice (the guide's ResourceMonitor
/// and ResourceOptimizer).
///
/// Decisions use the p95 of each window (`Quantile.compute(0.95, ...)`), so a
/// handful of spikes neither triggers growth nor hides waste:
/// - `increase_cpu` / `increase_memory`: p95 above `cpuHigh` / `memoryHigh`;
///   adds the fixed increment to request and (if known) limit.
/// - `downsize`: p95 CPU and memory both below `underUtilized`; the new
///   request is `current × p95 / downsizeTarget`, rounded up to the step
///   (100m, 64 MiB), so p95 lands at or just under the target; limits keep
///   their ratio to the request.
/// - `idle`: p95 CPU below `idleCPU` and no traffic; reported as a flag and a
///   recommendation, alongside any `downsize`.
public struct ResourceOptimizer: Sendable, Hashable {
    public var thresholds: ResourceThresholds

    public init(thresholds: ResourceThresholds = .defaults) {
        self.thresholds = thresholds
    }

    public func assess(_ workloads: [WorkloadUsage]) -> [ResourceAssessment] {
        workloads.map(assess)
    }

    public func assess(_ usage: WorkloadUsage) -> ResourceAssessment {
        // ±Inf samples are scrape glitches, not load; dropping them keeps the
        // p95s (and the JSON they end up in) finite.
        func p95(_ samples: [Double]) -> Double? { Quantile.compute(0.95, of: samples.filter(\.isFinite)) }
        let cpu = p95(usage.cpuUtilization)
        let memory = p95(usage.memoryUtilization)
        let rate = usage.requestRate.flatMap(p95)
        var recommendations: [ResourceRecommendation] = []
        if let cpu, cpu > thresholds.cpuHigh {
            recommendations.append(increaseCPU(p95: cpu, current: usage.current))
        }
        if let memory, memory > thresholds.memoryHigh {
            recommendations.append(increaseMemory(p95: memory, current: usage.current))
        }
        let idle = cpu.map { $0 < thresholds.idleCPU && (rate ?? 0) <= thresholds.idleRequestRate } ?? false
        if let cpu, idle {
            let traffic = rate.map { "p95 request rate \(NumberText.compact($0))/s" } ?? "no request-rate data"
            recommendations.append(ResourceRecommendation(
                action: .idle,
                reason: "p95 CPU utilization \(NumberText.compact(cpu)) is below \(NumberText.compact(thresholds.idleCPU)) "
                    + "with \(traffic): the workload looks idle; consider scaling it to zero or removing it"
            ))
        }
        if let cpu, let memory, cpu < thresholds.underUtilized, memory < thresholds.underUtilized,
            let downsize = downsize(cpuP95: cpu, memoryP95: memory, current: usage.current)
        {
            recommendations.append(downsize)
        }
        return ResourceAssessment(
            namespace: usage.namespace, workload: usage.workload, cpuP95: cpu, memoryP95: memory,
            requestRateP95: rate, idle: idle, current: usage.current, recommendations: recommendations
        )
    }

    private func increaseCPU(p95: Double, current: ResourceSize?) -> ResourceRecommendation {
        let increment = thresholds.cpuIncrementCores
        var reason = "p95 CPU utilization \(NumberText.compact(p95)) is above \(NumberText.compact(thresholds.cpuHigh)): "
            + "add \(NumberText.compact(increment)) cores per pod"
        var suggested: ResourceSize?
        var projected: Double?
        if let request = current?.cpuRequestCores, request > 0 {
            suggested = ResourceSize(
                cpuRequestCores: request + increment,
                cpuLimitCores: current?.cpuLimitCores.map { $0 + increment }
            )
            projected = p95 * request / (request + increment)
            reason += " (\(NumberText.compact(request)) → \(NumberText.compact(request + increment)) cores requested)"
        }
        return ResourceRecommendation(action: .increaseCPU, reason: reason, suggested: suggested, projectedCPUUtilization: projected)
    }

    private func increaseMemory(p95: Double, current: ResourceSize?) -> ResourceRecommendation {
        let increment = thresholds.memoryIncrementBytes
        var reason = "p95 memory utilization \(NumberText.compact(p95)) is above \(NumberText.compact(thresholds.memoryHigh)): "
            + "add \(Quantity.format(increment)) per pod"
        var suggested: ResourceSize?
        var projected: Double?
        if let request = current?.memoryRequestBytes, request > 0 {
            suggested = ResourceSize(
                memoryRequestBytes: request + increment,
                memoryLimitBytes: current?.memoryLimitBytes.map { $0 + increment }
            )
            projected = p95 * request / (request + increment)
            reason += " (\(Quantity.format(request)) → \(Quantity.format(request + increment)) requested)"
        }
        return ResourceRecommendation(action: .increaseMemory, reason: reason, suggested: suggested, projectedMemoryUtilization: projected)
    }

    private func downsize(cpuP95: Double, memoryP95: Double, current: ResourceSize?) -> ResourceRecommendation? {
        let target = thresholds.downsizeTarget
        var reason = "p95 CPU \(NumberText.compact(cpuP95)) and memory \(NumberText.compact(memoryP95)) are both below "
            + "\(NumberText.compact(thresholds.underUtilized))"
        guard let current, current.cpuRequestCores != nil || current.memoryRequestBytes != nil else {
            // Rounded up like the sized case, ignoring float noise (0.14 / 0.7 → 20%, not 21%).
            func percent(_ p95: Double) -> String { NumberText.compact(max(0, p95 / target * 100 - 1e-9).rounded(.up)) }
            reason += ": requests could shrink to about \(percent(cpuP95))% (CPU) and \(percent(memoryP95))% (memory) of their current size "
                + "to run at \(NumberText.compact(target))"
            return ResourceRecommendation(action: .downsize, reason: reason)
        }
        var suggested = ResourceSize()
        var changes: [String] = []
        var projectedCPU: Double?
        var projectedMemory: Double?
        if let request = current.cpuRequestCores, request > 0 {
            let new = Self.roundUp(request * cpuP95 / target, step: thresholds.cpuStepCores)
            if new < request {
                suggested.cpuRequestCores = new
                suggested.cpuLimitCores = current.cpuLimitCores.map { Self.roundUp($0 * new / request, step: thresholds.cpuStepCores) }
                projectedCPU = cpuP95 * request / new
                changes.append("CPU \(NumberText.compact(request)) → \(NumberText.compact(new)) cores")
            }
        }
        if let request = current.memoryRequestBytes, request > 0 {
            let new = Self.roundUp(request * memoryP95 / target, step: thresholds.memoryStepBytes)
            if new < request {
                suggested.memoryRequestBytes = new
                suggested.memoryLimitBytes = current.memoryLimitBytes.map {
                    Self.roundUp($0 * new / request, step: thresholds.memoryStepBytes)
                }
                projectedMemory = memoryP95 * request / new
                changes.append("memory \(Quantity.format(request)) → \(Quantity.format(new))")
            }
        }
        guard !changes.isEmpty else { return nil }
        reason += ": shrink requests (\(changes.joined(separator: ", "))) so p95 runs near \(NumberText.compact(target))"
        return ResourceRecommendation(
            action: .downsize, reason: reason, suggested: suggested,
            projectedCPUUtilization: projectedCPU, projectedMemoryUtilization: projectedMemory
        )
    }

    /// Rounds up to a whole number of steps (at least one), trimming the
    /// float noise of `3 × 0.1` so suggestions print as `0.3`.
    static func roundUp(_ value: Double, step: Double) -> Double {
        guard step > 0 else { return value }
        let steps = max(1, (value / step - 1e-9).rounded(.up))
        // Whole-unit steps (bytes) are exact already; fractional ones (cores) are not.
        return step >= 1 ? steps * step : (steps * step * 1e9).rounded() / 1e9
    }
}
