import Foundation
import Testing

/// The full data path of the architecture, with real processes:
/// demo application → Prometheus 2.42 (scrape every 1 s) → remote write → agent360.
///
/// Prometheus keeps its own copy of every sample it forwards, which makes it
/// the reference for agent360's PromQL answers on exactly the same data.
struct Pipeline: Sendable {
    let agent: Agent360Process
    let demo: ManagedProcess
    let demoPort: Int
    let prometheus: PrometheusServer

    @TaskLocal static var current: Pipeline?

    /// The rules both sides know (agent360 evaluates them; Prometheus answers the same expressions).
    static let agentConfig = """
    collectors:
      interval: 1s
    rules:
      evaluationDelay: 5s
      groups:
        - name: signals
          interval: 5s
          rules:
            - record: agent360_request_rate
              expr: sum by (namespace, workload) (rate(agent360_http_requests_total[1m]))
            - record: agent360_error_rate
              expr: >-
                (sum by (namespace, workload) (rate(agent360_http_requests_total{code=~"5.."}[1m]))
                  or sum by (namespace, workload) (rate(agent360_http_requests_total[1m])) * 0)
                / sum by (namespace, workload) (rate(agent360_http_requests_total[1m]))
            - record: agent360_latency_p95_seconds
              expr: histogram_quantile(0.95, sum by (namespace, workload, le) (rate(agent360_http_request_duration_seconds_bucket[1m])))
            - record: agent360_cpu_utilization
              expr: avg by (namespace, workload) (agent360_process_cpu_usage_ratio)
            - record: agent360_memory_utilization
              expr: avg by (namespace, workload) (agent360_process_memory_usage_ratio)
    """

    /// The guide's HPA aimed at the demo workload, replayed live as a shadow HPA.
    static func shadowHPA() throws -> String {
        let source = Paths.repositoryRoot.appendingPathComponent("examples/guide-hpa.yaml")
        let text = try String(contentsOf: source, encoding: .utf8)
            .replacingOccurrences(of: "agent360-app", with: "agent360-demo")
            .replacingOccurrences(of: "namespace: agent360-demo", with: "namespace: default")
        let file = try Paths.temporaryDirectory("shadow-hpa").appendingPathComponent("hpa.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    static func start(warmUp: Duration) async throws -> Pipeline {
        let config = agentConfig + """

        scaling:
          interval: 5s
          hpa: \(try shadowHPA())
        recommendations:
          interval: 10s
        cost:
          interval: 10s
        """
        let agent = try await Agent360Process.start(config: config, name: "agent360-pipeline")
        let demoPort = try freePort()
        let demo = try ManagedProcess(name: "demo-app", executable: Paths.agent360, arguments: [
            "demo-app", "--listen", "127.0.0.1:\(demoPort)", "--pods", "3", "--rps", "15",
            "--error-ratio", "0.05", "--restart-every", "20", "--gap-every", "25",
        ])
        do {
            try await HTTP.waitUntilOK("http://127.0.0.1:\(demoPort)/healthz", process: demo)
            let prometheus = try await PrometheusServer.start(config: """
            global:
              scrape_interval: 1s
              evaluation_interval: 1m
            scrape_configs:
              - job_name: demo
                static_configs:
                  - targets: ["127.0.0.1:\(demoPort)"]
              - job_name: agent360
                static_configs:
                  - targets: ["127.0.0.1:\(agent.port)"]
            remote_write:
              - url: http://127.0.0.1:\(agent.port)/api/v1/write
                queue_config:
                  batch_send_deadline: 500ms
                  max_samples_per_send: 500
            """, extraArguments: ["--enable-feature=promql-negative-offset"], name: "prometheus-pipeline")
            let pipeline = Pipeline(agent: agent, demo: demo, demoPort: demoPort, prometheus: prometheus)
            try await Task.sleep(for: warmUp)
            return pipeline
        } catch {
            await demo.stop()
            _ = await agent.stop()
            throw error
        }
    }

    func stop() async {
        await prometheus.stop()
        await demo.stop()
        _ = await agent.stop()
    }
}

/// Starts one pipeline for a whole suite and stops it afterwards.
struct PipelineScope: SuiteTrait, TestScoping {
    let warmUp: Duration
    var isRecursive: Bool { false }

    func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        let pipeline = try await Pipeline.start(warmUp: warmUp)
        do {
            try await Pipeline.$current.withValue(pipeline) { try await function() }
        } catch {
            await pipeline.stop()
            throw error
        }
        await pipeline.stop()
    }
}

extension Trait where Self == PipelineScope {
    /// Runs the suite against one demo → Prometheus → agent360 pipeline.
    static func pipeline(warmUp: Duration) -> PipelineScope { PipelineScope(warmUp: warmUp) }
}
