@testable import Agent360Server
import Foundation
import Logging
import ResourceCollectors
import Scaling
import Synchronization
import TSDB
import Testing

/// The scaling, recommendation and cost evaluations over a real store.
@Suite("Scaling services")
struct ScalingServiceTests {
    static let t0: Int64 = 1_700_000_000_000

    static func server(_ yaml: String = "") throws -> Agent360Server {
        let config = try Agent360Config.parse(yaml: "collectors:\n  enabled: false\nrules:\n  groups: []\n" + yaml)
        return try Agent360Server(config: config, logger: Logger(label: "test"))
    }

    /// Writes recorded signals for one workload at `time`.
    static func signals(_ server: Agent360Server, _ workload: String, at time: Int64, cpu: Double? = nil, memory: Double? = nil,
                        rate: Double? = nil, errors: Double? = nil, namespace: String = "shop") {
        let values = [("agent360_cpu_utilization", cpu), ("agent360_memory_utilization", memory),
                      ("agent360_request_rate", rate), ("agent360_error_rate", errors)]
        for case let (name, value?) in values {
            let labels = Labels(["__name__": name, "namespace": namespace, "workload": workload])
            _ = server.store.append(labels, [Sample(timestamp: time, value: value)], now: time)
        }
    }

    /// Raw samples of every series named `name`, keyed by `label`'s values joined with `/`.
    static func stored(_ server: Agent360Server, _ name: String, by keys: [String]) throws -> [String: [Sample]] {
        var result: [String: [Sample]] = [:]
        for series in try server.store.select([.equal("__name__", name)], minTime: 0, maxTime: .max) {
            result[keys.map { series.labels[$0] ?? "" }.joined(separator: "/")] = series.samples
        }
        return result
    }

    @Test("workloads over a threshold are written as agent360_scaling_needed 1, the rest 0")
    func assessmentSeries() async throws {
        let server = try Self.server()
        // checkout: CPU 0.85 > 0.7 and 1200 req/s > 1000; cart: errors 0.2 > 0.05.
        Self.signals(server, "checkout", at: Self.t0 - 10_000, cpu: 0.85, memory: 0.5, rate: 1200, errors: 0.01)
        Self.signals(server, "cart", at: Self.t0 - 10_000, cpu: 0.2, memory: 0.3, rate: 10, errors: 0.2)
        let engine = try #require(server.scaling.scaling)
        await engine.evaluate(at: Self.t0)

        let needed = try Self.stored(server, "agent360_scaling_needed", by: ["workload", "reason"])
        #expect(needed.count == 8)
        let expected: [String: Double] = [
            "checkout/cpu": 1, "checkout/memory": 0, "checkout/request_rate": 1, "checkout/error_rate": 0,
            "cart/cpu": 0, "cart/memory": 0, "cart/request_rate": 0, "cart/error_rate": 1,
        ]
        for (key, value) in expected {
            #expect(needed[key] == [Sample(timestamp: Self.t0, value: value)], "\(key)")
        }
        let snapshot = await engine.assess(at: Self.t0)
        let checkout = try #require(snapshot.assessments.first { $0.workload == "checkout" })
        #expect(checkout.needsScaling)
        #expect(checkout.reasons.map(\.signal) == [.cpu, .requestRate])
        #expect(checkout.reasons.first?.value == 0.85)
        #expect(checkout.reasons.first?.threshold == 0.7)
        #expect(engine.latestSamples().count == 8)
    }

    @Test("a workload that disappears gets stale markers; latency joins when it has a threshold")
    func staleMarkers() async throws {
        let server = try Self.server("scaling:\n  thresholds:\n    latencyP95Seconds: 0.5\n")
        let engine = try #require(server.scaling.scaling)
        Self.signals(server, "checkout", at: Self.t0 - 10_000, cpu: 0.5)
        Self.signals(server, "cart", at: Self.t0 - 10_000, cpu: 0.9)
        await engine.evaluate(at: Self.t0)
        // Six minutes later only checkout still reports: cart is past the 5m lookback.
        let later = Self.t0 + 360_000
        Self.signals(server, "checkout", at: later - 10_000, cpu: 0.5)
        await engine.evaluate(at: later)

        let needed = try Self.stored(server, "agent360_scaling_needed", by: ["workload", "reason"])
        #expect(needed.count == 10)  // 2 workloads × cpu, memory, request_rate, error_rate, latency
        let cart = try #require(needed["cart/cpu"])
        #expect(cart.count == 2)
        #expect(cart.first?.value == 1)
        #expect(cart.last?.timestamp == later)
        #expect(cart.last?.isStaleMarker == true)
        #expect(needed["cart/latency"]?.last?.isStaleMarker == true)
        #expect(needed["checkout/cpu"] == [Sample(timestamp: Self.t0, value: 0), Sample(timestamp: later, value: 0)])
        #expect(engine.latestSamples().count == 5)
    }

    @Test("the shadow HPA reconciles every interval and exports desired and current replicas")
    func shadowHPA() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("agent360-shadow-\(UUID().uuidString.prefix(8)).yaml")
        try ScalingFixtures.hpa.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let server = try Self.server("scaling:\n  hpa:\n    file: \(file.path)\n    namespace: shop\n")
        let engine = try #require(server.scaling.scaling)
        // 450 req/s at target 100 per replica → desired ceil(4.5) = 5; CPU 0.35 at 2 replicas → 1.
        // Scale-up is limited to one pod per 15 s: 2 → 3 → 4 → 5.
        var replicas: [Double] = []
        for step in 0..<4 {
            let time = Self.t0 + Int64(step) * 15_000
            Self.signals(server, "checkout", at: time - 1000, cpu: 0.35, rate: 450)
            await engine.evaluate(at: time)
            let current = try Self.stored(server, "agent360_hpa_current_replicas", by: ["namespace", "workload", "hpa"])
            replicas.append(current["shop/checkout/checkout"]?.last?.value ?? -1)
        }
        #expect(replicas == [3, 4, 5, 5])
        let desired = try Self.stored(server, "agent360_hpa_desired_replicas", by: ["hpa"])
        #expect(desired["checkout"]?.map(\.value) == [5, 5, 5, 5])
        let status = try #require(engine.shadowStatuses().first)
        #expect(status.metrics.map(\.query.query) == [
            "sum(agent360_request_rate{namespace=\"shop\",workload=\"checkout\"})",
            "avg(agent360_cpu_utilization{namespace=\"shop\",workload=\"checkout\"})",
        ])
        // At 5 replicas 450 req/s is 0.9 of the target: within the 0.1 tolerance.
        #expect(status.decision?.limitingRule == .tolerance)
    }

    @Test("recommendations come from the p95 over the window and are written as agent360_recommendation")
    func recommendations() async throws {
        let server = try Self.server()
        let engine = try #require(server.scaling.recommendations)
        // 20 samples a minute apart: hot's CPU is 0.9 (p95 0.9 > 0.8); idle's is 0.01 with no traffic.
        for minute in 0..<20 {
            let time = Self.t0 - Int64(minute) * 60_000
            Self.signals(server, "hot", at: time, cpu: 0.9, memory: 0.6, rate: 40)
            Self.signals(server, "idle", at: time, cpu: 0.01, memory: 0.2, rate: 0)
            Self.signals(server, "fine", at: time, cpu: 0.6, memory: 0.6, rate: 5)
        }
        let assessments = await engine.assess(at: Self.t0)
        #expect(assessments.map(\.workload) == ["fine", "hot", "idle"])
        #expect(assessments.map { $0.recommendations.map(\.action) } == [[], [.increaseCPU], [.idle, .downsize]])
        #expect(assessments[1].cpuP95 == 0.9)
        #expect(assessments[2].idle)

        await engine.evaluate(at: Self.t0)
        let written = try Self.stored(server, "agent360_recommendation", by: ["workload", "action"])
        // Every action of every workload is written: 1 when recommended, 0 otherwise.
        #expect(written.count == 3 * 4)
        let recommended = Set(written.filter { $0.value.first?.value == 1 }.keys)
        #expect(recommended == ["hot/increase_cpu", "idle/idle", "idle/downsize"])
        #expect(written["hot/increase_cpu"] == [Sample(timestamp: Self.t0, value: 1)])
        #expect(written["fine/downsize"] == [Sample(timestamp: Self.t0, value: 0)])
    }

    @Test("cost uses the overrides, else the collectors' reading, and is written as agent360_cost_*")
    func cost() async throws {
        let server = try Self.server("""
        cost:
          usage: {vcpus: 4, memoryGiB: 16, storageGiB: 100, networkGiBPerMonth: 50, computeUtilization: 0.35}
        """)
        let estimator = try #require(server.scaling.costs)
        let estimate = await estimator.estimate(at: Self.t0)
        // cpu 4 × 720 × 0.0445 = 128.16; memory 16 × 720 × 0.0049 = 56.448 → 56.45;
        // storage 100 × 0.08 = 8; network 50 × 0.09 = 4.5; total 197.11.
        #expect(estimate.report.breakdown.map(\.amount) == [128.16, 56.45, 8, 4.5])
        #expect(estimate.report.total == 197.11)
        // downsize: compute (128.16 + 56.448) × (1 − 0.35 / 0.7) = 92.304 → 92.3.
        #expect(estimate.report.recommendations.map(\.action) == [.downsize])
        #expect(estimate.report.recommendations.first?.estimatedMonthlySaving == 92.3)
        #expect(estimate.sources.map(\.source) == [.configured, .configured, .configured, .configured, .assumed, .configured])

        await estimator.evaluate(at: Self.t0)
        let monthly = try Self.stored(server, "agent360_cost_monthly", by: ["category"])
        #expect(monthly["cpu"]?.last?.value == 128.16)
        #expect(monthly.count == 4)
        #expect(try Self.stored(server, "agent360_cost_total_monthly", by: [])[""]?.last?.value == 197.11)
        #expect(try Self.stored(server, "agent360_cost_savings_monthly", by: ["recommendation"])["downsize"]?.last?.value == 92.3)
    }

    @Test("measured usage: limits × 720 h, disks, and the transmit rate between two readings")
    func measuredCost() async throws {
        let config = try Agent360Config.parse(yaml: "collectors:\n  enabled: false\nrules:\n  groups: []\n")
        let server = try Agent360Server(config: config, logger: Logger(label: "test"))
        let readings = ReadingSequence([
            MeasuredResources(cpuLimitCores: 2, memoryLimitBytes: 4 * 1_073_741_824, storageBytes: 50 * 1_073_741_824,
                              transmitBytes: 1_000_000, monotonicNanoseconds: 1_000_000_000, cpuUtilization: 0.2),
            // 10 s later 4 143 000 bytes more: 414 300 B/s × 2 592 000 s / 2³⁰ ≈ 1000.1 GiB a month.
            MeasuredResources(cpuLimitCores: 2, memoryLimitBytes: 4 * 1_073_741_824, storageBytes: 50 * 1_073_741_824,
                              transmitBytes: 5_143_000, monotonicNanoseconds: 11_000_000_000, cpuUtilization: 0.2),
        ])
        let estimator = CostEstimator(config: config.cost, queries: server.queries, measure: { readings.next() },
                                      logger: Logger(label: "test"))
        estimator.observeNetwork()
        let estimate = await estimator.estimate(at: Self.t0)
        #expect(estimate.usage.vcpuHours == 1440)
        #expect(estimate.usage.memoryGiBHours == 2880)
        #expect(estimate.usage.storageGiB == 50)
        #expect(abs(estimate.usage.networkEgressGiB - 414_300 * 2_592_000 / 1_073_741_824) < 1e-9)
        #expect(estimate.usage.computeUtilization == 0.2)  // the store has no history: latest reading
        #expect(estimate.sources.map(\.source) == [.collectors, .collectors, .collectors, .collectors, .assumed, .collectors])
    }
}

extension ScalingServiceTests {
    @Test("a collector snapshot becomes the cost's measured resources")
    func measuredFromSnapshot() {
        let snapshot = ResourceSnapshot(
            monotonicNanoseconds: 5_000_000_000, cgroup: .none,
            cpu: CPUReading(usageSeconds: 10, limitCores: 1.5),
            memory: MemoryReading(workingSetBytes: 1_073_741_824, limitBytes: 4_294_967_296))
        let measured = MeasuredResources(ResourceSignals(current: snapshot, previous: nil))
        #expect(measured.cpuLimitCores == 1.5)
        #expect(measured.memoryLimitBytes == 4_294_967_296)
        #expect(measured.storageBytes == nil)  // no mount points read
        #expect(measured.transmitBytes == nil)
        #expect(measured.cpuUtilization == nil)  // needs two readings
    }
}

/// Hands out readings in order, then repeats the last.
final class ReadingSequence: Sendable {
    private let readings: [MeasuredResources]
    private let index = Mutex(0)

    init(_ readings: [MeasuredResources]) { self.readings = readings }

    func next() -> MeasuredResources? {
        index.withLock { index in
            defer { index += 1 }
            return readings.isEmpty ? nil : readings[min(index, readings.count - 1)]
        }
    }
}

