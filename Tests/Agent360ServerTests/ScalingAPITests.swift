@testable import Agent360Server
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import TSDB
import Testing

/// `/api/v1/scaling`, `/api/v1/recommendations`, `/api/v1/costs` and the
/// derived families on `/metrics`, in-process.
@Suite("Scaling HTTP API")
struct ScalingAPITests {
    static let t0 = ScalingServiceTests.t0

    static func withServer(_ yaml: String = "",
                           _ body: @escaping @Sendable (any TestClientProtocol, Agent360Server) async throws -> Void) async throws {
        let server = try ScalingServiceTests.server(yaml)
        let app = Application(router: server.makePlainRouter())
        try await app.test(.router) { client in try await body(client, server) }
    }

    static func data(_ buffer: ByteBuffer) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(String(buffer: buffer).utf8)) as? [String: Any]
        #expect(object?["status"] as? String == "success", "\(String(buffer: buffer))")
        return try #require(object?["data"] as? [String: Any])
    }

    @Test("GET /api/v1/scaling lists workloads with reasons, values and thresholds")
    func scaling() async throws {
        try await Self.withServer("scaling:\n  thresholds: {latencyP95Seconds: 0.3}\n") { client, server in
            ScalingServiceTests.signals(server, "checkout", at: Self.t0 - 5000, cpu: 0.85, memory: 0.5, rate: 1200, errors: 0.01)
            ScalingServiceTests.signals(server, "cart", at: Self.t0 - 5000, cpu: 0.1)
            try await client.execute(uri: "/api/v1/scaling?time=\(Self.t0 / 1000)", method: .get) { response in
                #expect(response.status == .ok)
                let data = try Self.data(response.body)
                #expect(data["time"] as? String == "2023-11-14T22:13:20Z")
                let thresholds = try #require(data["thresholds"] as? [String: Any])
                #expect(thresholds["cpuUtilization"] as? Double == 0.7)
                #expect(thresholds["requestRate"] as? Double == 1000)
                #expect(thresholds["latencyP95Seconds"] as? Double == 0.3)
                let workloads = try #require(data["workloads"] as? [[String: Any]])
                #expect(workloads.map { $0["workload"] as? String } == ["cart", "checkout"])
                #expect(workloads.map { $0["needsScaling"] as? Bool } == [false, true])
                let reasons = try #require(workloads[1]["reasons"] as? [[String: Any]])
                #expect(reasons.map { $0["signal"] as? String } == ["cpu", "request_rate"])
                #expect(reasons[1]["value"] as? Double == 1200)
                #expect(reasons[1]["threshold"] as? Double == 1000)
                let signals = try #require(workloads[1]["signals"] as? [String: Any])
                #expect(signals["errorRate"] as? Double == 0.01)
                #expect(signals["latencyP95Seconds"] is NSNull)
                #expect((data["hpa"] as? [Any])?.isEmpty == true)
            }
        }
    }

    @Test("GET /api/v1/scaling shows the shadow HPA's latest decision per metric")
    func shadowHPA() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("agent360-api-hpa-\(UUID().uuidString.prefix(8)).yaml")
        try ScalingFixtures.hpa.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        try await Self.withServer("scaling:\n  hpa: \(file.path)\n") { client, server in
            ScalingServiceTests.signals(server, "checkout", at: Self.t0 - 1000, rate: 450, namespace: "default")
            await server.scaling.scaling?.evaluate(at: Self.t0)
            try await client.execute(uri: "/api/v1/scaling", method: .get) { response in
                let hpa = try #require((try Self.data(response.body))["hpa"] as? [[String: Any]])
                #expect(hpa.count == 1)
                let first = try #require(hpa.first)
                #expect(first["name"] as? String == "checkout")
                #expect(first["namespace"] as? String == "default")
                #expect(first["currentReplicas"] as? Int == 2)
                #expect(first["desiredReplicas"] as? Int == 5)
                #expect(first["replicas"] as? Int == 3)
                #expect(first["limitingRule"] as? String == "ScaleUpLimit")
                let metrics = try #require(first["metrics"] as? [[String: Any]])
                #expect(metrics.map { $0["key"] as? String } == ["agent360_request_rate", "cpu"])
                #expect(metrics[0]["observed"] as? Double == 450)
                #expect(metrics[0]["target"] as? String == "100")
                #expect(metrics[0]["proposal"] as? Int == 5)
                #expect(metrics[1]["observed"] is NSNull)
                #expect(metrics[1]["problem"] as? String == "no value")
            }
            try await client.execute(uri: "/metrics", method: .get) { response in
                let text = String(buffer: response.body)
                #expect(text.contains("agent360_hpa_desired_replicas{hpa=\"checkout\",namespace=\"default\",workload=\"checkout\"} 5"), "\(text)")
                #expect(text.contains("agent360_hpa_current_replicas{hpa=\"checkout\",namespace=\"default\",workload=\"checkout\"} 3"))
            }
        }
    }

    @Test("GET /api/v1/recommendations takes a window and reports p95s and actions")
    func recommendations() async throws {
        try await Self.withServer { client, server in
            // CPU samples 0.5, 0.6, …, 0.95 a minute apart, the newest last: p95 over 10 minutes
            // = 0.9 + 0.55 × (0.95 − 0.9) = 0.9275 (rank 0.95 × 9 = 8.55 between the 9th and 10th).
            for index in 0..<10 {
                let time = Self.t0 - Int64(9 - index) * 60_000
                ScalingServiceTests.signals(server, "hot", at: time, cpu: 0.5 + Double(index) * 0.05, memory: 0.6)
            }
            try await client.execute(uri: "/api/v1/recommendations?time=\(Self.t0 / 1000)&window=10m", method: .get) { response in
                let data = try Self.data(response.body)
                #expect(data["window"] as? String == "10m")
                let workload = try #require((data["workloads"] as? [[String: Any]])?.first)
                let p95 = try #require(workload["cpuP95"] as? Double)
                #expect(abs(p95 - 0.9275) < 1e-12)
                #expect(workload["requestRateP95"] is NSNull)
                let actions = try #require(workload["recommendations"] as? [[String: Any]])
                #expect(actions.map { $0["action"] as? String } == ["increase_cpu"])
                #expect((actions.first?["reason"] as? String)?.contains("add 2 cores per pod") == true)
            }
            // Only the last 2 minutes: 0.9 and 0.95, p95 = 0.9475.
            try await client.execute(uri: "/api/v1/recommendations?time=\(Self.t0 / 1000)&window=90s", method: .get) { response in
                let workload = try #require((try Self.data(response.body)["workloads"] as? [[String: Any]])?.first)
                #expect(abs((workload["cpuP95"] as? Double ?? 0) - 0.9475) < 1e-12)
            }
            try await client.execute(uri: "/api/v1/recommendations?window=soon", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("invalid parameter \\\"window\\\""))
            }
        }
    }

    @Test("GET /api/v1/costs answers the breakdown, savings, usage and where it came from")
    func costs() async throws {
        let yaml = """
        cost:
          prices: {services: {database: 180}}
          usage: {vcpus: 4, memoryGiB: 16, storageGiB: 100, networkGiBPerMonth: 50, computeUtilization: 0.35}
        """
        try await Self.withServer(yaml) { client, server in
            try await client.execute(uri: "/api/v1/costs", method: .get) { response in
                let data = try Self.data(response.body)
                #expect(data["currency"] as? String == "USD")
                // 128.16 + 56.45 + 8 + 4.5 + 180 = 377.11
                #expect(data["total"] as? Double == 377.11)
                let breakdown = try #require(data["breakdown"] as? [[String: Any]])
                #expect(breakdown.map { $0["name"] as? String } == ["cpu", "memory", "storage", "network", "database"])
                #expect(breakdown.map { $0["category"] as? String } == ["cpu", "memory", "storage", "network", "service"])
                let percents = breakdown.compactMap { $0["percent"] as? Double }
                #expect(abs(percents.reduce(0, +) - 100) < 1e-9)
                let savings = try #require(data["recommendations"] as? [[String: Any]])
                #expect(savings.first?["estimatedMonthlySaving"] as? Double == 92.3)
                #expect((data["usage"] as? [String: Any])?["vcpuHours"] as? Double == 2880)
                #expect((data["usageSources"] as? [String: String])?["onDemandHoursLast30Days"] == "assumed")
            }
            await server.scaling.costs?.evaluate(at: Self.t0)
            try await client.execute(uri: "/metrics", method: .get) { response in
                let text = String(buffer: response.body)
                #expect(text.contains("# TYPE agent360_cost_monthly gauge"))
                #expect(text.contains("agent360_cost_monthly{category=\"database\"} 180"), "\(text)")
                #expect(text.contains("agent360_cost_total_monthly 377.11"))
                #expect(text.contains("agent360_cost_savings_monthly{recommendation=\"downsize\"} 92.3"))
            }
        }
    }

    @Test("disabled parts answer 404 in the API envelope")
    func disabled() async throws {
        try await Self.withServer("scaling: {enabled: false}\nrecommendations: {enabled: false}\ncost: {enabled: false}\n") { client, _ in
            for path in ["/api/v1/scaling", "/api/v1/recommendations", "/api/v1/costs"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .notFound)
                    #expect(String(buffer: response.body).contains("\"errorType\":\"not_found\""))
                }
            }
        }
    }
}
