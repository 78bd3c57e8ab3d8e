@testable import Agent360Server
import Foundation
import Scaling
import Testing

@Suite("Scaling, recommendations and cost configuration")
struct ScalingConfigTests {
    @Test("the embedded default documents exactly the built-in defaults")
    func defaults() throws {
        let embedded = try Agent360Config.load(path: nil)
        #expect(embedded.scaling == ScalingConfig())
        #expect(embedded.recommendations == RecommendationsConfig())
        #expect(embedded.cost == CostConfig())
        #expect(embedded.scaling.interval.milliseconds == 15_000)
        #expect(embedded.scaling.thresholds == ScalingThresholds(cpuUtilization: 0.7, memoryUtilization: 0.8,
                                                                 requestRate: 1000, errorRate: 0.05))
        #expect(embedded.recommendations.window.milliseconds == 3_600_000)
        #expect(embedded.recommendations.thresholds == ResourceThresholds.defaults)
        #expect(embedded.cost.prices.vcpuHour == 0.0445)
    }

    @Test("every key is read")
    func fullSections() throws {
        let config = try Agent360Config.parse(yaml: """
        scaling:
          enabled: false
          interval: 30s
          thresholds: {cpuUtilization: 0.6, memoryUtilization: 0.75, requestRate: 500, errorRate: 0.01, latencyP95Seconds: 0.25}
          hpa:
            file: /tmp/hpa.yaml
            namespace: shop
            queries:
              cpu: avg(agent360_cpu_utilization{workload="checkout"})
        recommendations:
          window: 7d
          interval: 5m
          cpuIncreaseAbove: 0.9
          cpuIncrement: 500m
          memoryIncreaseAbove: 0.95
          memoryIncrement: 1Gi
          downsizeBelow: 0.4
          downsizeTarget: 0.6
          cpuStep: 250m
          memoryStep: 128Mi
          idleCPUBelow: 0.02
          idleRequestRateAtMost: 0.5
        cost:
          interval: 10m
          prices: {currency: EUR, vcpuHour: 0.05, memoryGiBHour: 0.006, storageGiBMonth: 0.1, networkGiB: 0.08,
                   reservedDiscount: 0.4, services: {database: 180, dns: 1.5}}
          usage: {vcpus: 8, memoryGiB: 32, storageGiB: 500, networkGiBPerMonth: 40, onDemandHoursLast30Days: 2160,
                  computeUtilization: 0.3}
          utilizationWindow: 30m
          downsizeBelow: 0.45
          targetUtilization: 0.75
          reserveAboveHours: 1000
        """)
        #expect(config.scaling.enabled == false)
        #expect(config.scaling.interval.milliseconds == 30_000)
        #expect(config.scaling.thresholds == ScalingThresholds(cpuUtilization: 0.6, memoryUtilization: 0.75, requestRate: 500,
                                                               errorRate: 0.01, p95LatencySeconds: 0.25))
        #expect(config.scaling.hpa?.file == "/tmp/hpa.yaml")
        #expect(config.scaling.hpa?.line == 6)
        #expect(config.scaling.hpa?.namespace == "shop")
        #expect(config.scaling.hpa?.queries == ["cpu": "avg(agent360_cpu_utilization{workload=\"checkout\"})"])
        #expect(config.recommendations.window.milliseconds == 7 * 86_400_000)
        #expect(config.recommendations.interval.milliseconds == 300_000)
        #expect(config.recommendations.thresholds == ResourceThresholds(
            cpuHigh: 0.9, memoryHigh: 0.95, cpuIncrementCores: 0.5, memoryIncrementBytes: 1_073_741_824, underUtilized: 0.4,
            downsizeTarget: 0.6, cpuStepCores: 0.25, memoryStepBytes: 134_217_728, idleCPU: 0.02, idleRequestRate: 0.5))
        #expect(config.cost.interval.milliseconds == 600_000)
        #expect(config.cost.prices == CostPrices(currency: "EUR", vcpuHour: 0.05, memoryGiBHour: 0.006, storageGiBMonth: 0.1,
                                                 networkEgressGiB: 0.08, fixedServicesMonthly: ["database": 180, "dns": 1.5],
                                                 reservedDiscount: 0.4))
        #expect(config.cost.usage.vcpus == 8)
        #expect(config.cost.usage.memoryGiB == 32)
        #expect(config.cost.usage.storageGiB == 500)
        #expect(config.cost.usage.networkGiBPerMonth == 40)
        #expect(config.cost.usage.onDemandHoursLast30Days == 2160)
        #expect(config.cost.usage.computeUtilization == 0.3)
        #expect(config.cost.utilizationWindow.milliseconds == 1_800_000)
        #expect(config.cost.downsizeBelow == 0.45)
        #expect(config.cost.targetUtilization == 0.75)
        #expect(config.cost.reserveAboveHours == 1000)
    }

    @Test("scaling.hpa may be just the file path")
    func hpaShorthand() throws {
        let config = try Agent360Config.parse(yaml: "scaling:\n  hpa: hpa.yaml\n")
        #expect(config.scaling.hpa?.file == "hpa.yaml")
        #expect(config.scaling.hpa?.line == 2)
        #expect(config.scaling.hpa?.namespace == "default")
        #expect(try Agent360Config.parse(yaml: "scaling:\n  hpa:\n").scaling.hpa == nil)
    }

    @Test("errors name the line, column and key", arguments: [
        ("scaling:\n  thresholds:\n    cpu: 0.7\n", "cfg.yaml:3:5: scaling.thresholds.cpu: unknown key (allowed: cpuUtilization, "),
        ("scaling:\n  interval: 10ms\n", "cfg.yaml:2:13: scaling.interval: must be at least 100ms"),
        ("scaling:\n  thresholds:\n    errorRate: 5\n", "cfg.yaml:3:16: scaling.thresholds.errorRate: must be between 0.0 and 1.0"),
        ("scaling:\n  hpa:\n    namespace: shop\n", "cfg.yaml:3:5: scaling.hpa.file: required key is missing"),
        ("scaling:\n  hpa:\n    file: h.yaml\n    queries:\n      cpu: avg(x\n",
         "cfg.yaml:5:12: scaling.hpa.queries.cpu: 1:6: parse error"),
        ("scaling:\n  hpa:\n    file: h.yaml\n    querys: {}\n", "cfg.yaml:4:5: scaling.hpa.querys: unknown key"),
        ("recommendations:\n  memoryIncrement: lots\n", "cfg.yaml:2:20: recommendations.memoryIncrement: expected a number or a Kubernetes quantity"),
        ("recommendations:\n  cpuIncrement: 0\n", "cfg.yaml:2:17: recommendations.cpuIncrement: must be greater than zero"),
        ("recommendations:\n  windw: 1h\n", "cfg.yaml:2:3: recommendations.windw: unknown key"),
        ("cost:\n  prices:\n    services: {cpu: 3}\n", "cfg.yaml:3:15: cost.prices.services: service name \"cpu\" is reserved"),
        ("cost:\n  prices:\n    services: {db: cheap}\n", "cfg.yaml:3:15: cost.prices.services: db: expected a monthly amount"),
        ("cost:\n  usage:\n    cpus: 4\n", "cfg.yaml:3:5: cost.usage.cpus: unknown key"),
        ("cost:\n  usage:\n    computeUtilization: 1.5\n", "cfg.yaml:3:25: cost.usage.computeUtilization: must be between 0.0 and 1.0"),
    ] as [(String, String)])
    func errors(yaml: String, expected: String) {
        do {
            _ = try Agent360Config.parse(yaml: yaml, file: "cfg.yaml")
            Issue.record("expected an error for \(yaml)")
        } catch {
            #expect(error.description.hasPrefix(expected), "\(error.description)")
        }
    }

    @Test("the shadow HPA manifest is loaded relative to the configuration, and its errors name both places")
    func hpaFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("agent360-hpa-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try ScalingFixtures.hpa.write(to: directory.appendingPathComponent("hpa.yaml"), atomically: true, encoding: .utf8)
        var config = try Agent360Config.parse(yaml: "scaling:\n  hpa:\n    file: hpa.yaml\n    namespace: shop\n")
        try config.loadScalingFiles(relativeTo: directory.path)
        let autoscaler = try #require(config.scaling.hpa?.autoscalers.first)
        #expect(autoscaler.name == "checkout")
        #expect(autoscaler.minReplicas == 2)
        #expect(config.scaling.hpa?.namespace(of: autoscaler) == "shop")

        try ScalingFixtures.hpa.replacingOccurrences(of: "maxReplicas: 6", with: "maxReplicas: 0")
            .write(to: directory.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
        var bad = try Agent360Config.parse(yaml: "scaling:\n  hpa: bad.yaml\n", file: "agent360.yaml")
        do {
            try bad.loadScalingFiles(relativeTo: directory.path)
            Issue.record("a maxReplicas of 0 must be refused")
        } catch {
            // The configuration's line and the manifest's line and field.
            #expect(error.line == 2)
            #expect(error.description.contains("scaling.hpa.file:"), "\(error)")
            #expect(error.description.contains("bad.yaml: line 10: spec.maxReplicas: Invalid value: \"0\""), "\(error)")
        }
        var missing = try Agent360Config.parse(yaml: "scaling:\n  hpa: nowhere.yaml\n")
        #expect(throws: ConfigError.self) { try missing.loadScalingFiles(relativeTo: directory.path) }
    }
}

enum ScalingFixtures {
    /// An HPA on request rate (External AverageValue 100) and CPU (70 %),
    /// one pod up per 15 s, no stabilization, so replays move quickly.
    static let hpa = """
    apiVersion: autoscaling/v2
    kind: HorizontalPodAutoscaler
    metadata:
      name: checkout
    spec:
      scaleTargetRef:
        kind: Deployment
        name: checkout
      minReplicas: 2
      maxReplicas: 6
      metrics:
        - type: External
          external:
            metric:
              name: agent360_request_rate
              selector:
                matchLabels: {workload: checkout}
            target: {type: AverageValue, averageValue: "100"}
        - type: Resource
          resource:
            name: cpu
            target: {type: Utilization, averageUtilization: 70}
      behavior:
        scaleUp:
          stabilizationWindowSeconds: 0
          policies: [{type: Pods, value: 1, periodSeconds: 15}]
        scaleDown:
          stabilizationWindowSeconds: 0
          policies: [{type: Pods, value: 1, periodSeconds: 15}]
    """
}
