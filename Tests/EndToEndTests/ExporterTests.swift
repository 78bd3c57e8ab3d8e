import Foundation
import Testing

@Suite("exporter scraped by a real Prometheus", .serialized)
struct ExporterTests {
    @Test("Prometheus 2.42 scrapes agent360 every second and sees sane utilization")
    func prometheusScrapes() async throws {
        try await withAgent360(config: """
        collectors:
          interval: 1s
        """) { agent in
            try await withPrometheus(config: """
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            scrape_configs:
              - job_name: agent360
                static_configs:
                  - targets: ["127.0.0.1:\(agent.port)"]
            """) { prometheus in

                // Wait until at least three scrapes have landed.
                let deadline = ContinuousClock.now + .seconds(30)
                var samples = 0.0
                while ContinuousClock.now < deadline {
                    let data = try await prometheus.query("count_over_time(up{job=\"agent360\"}[1m])")
                    samples = try PrometheusAPI.vector(data).first?.value ?? 0
                    if samples >= 3 { break }
                    try await Task.sleep(for: .milliseconds(500))
                }
                #expect(samples >= 3)

                let up = try PrometheusAPI.vector(await prometheus.query("up{job=\"agent360\"}"))
                #expect(up.count == 1)
                #expect(up.first?.value == 1)

                let cpu = try PrometheusAPI.vector(await prometheus.query("agent360_cpu_utilization_ratio{job=\"agent360\"}"))
                #expect(cpu.count == 1)
                if let value = cpu.first?.value { #expect(value >= 0 && value <= 1.5, "cpu utilization \(value)") }

                let memory = try PrometheusAPI.vector(await prometheus.query("agent360_memory_utilization_ratio{job=\"agent360\"}"))
                #expect(memory.count == 1)
                if let value = memory.first?.value { #expect(value > 0 && value < 1, "memory utilization \(value)") }

                let limit = try PrometheusAPI.vector(await prometheus.query("agent360_memory_limit_bytes{job=\"agent360\"}"))
                let workingSet = try PrometheusAPI.vector(await prometheus.query("agent360_memory_working_set_bytes{job=\"agent360\"}"))
                #expect((limit.first?.value ?? 0) > (workingSet.first?.value ?? .infinity))

                // The counter has samples and never decreases between scrapes.
                let resets = try PrometheusAPI.vector(await prometheus.query("resets(agent360_cpu_usage_seconds_total[1m])"))
                #expect(resets.first?.value == 0)

                // agent360's own HTTP metrics count Prometheus's scrapes of /metrics.
                let scrapes = try PrometheusAPI.vector(await prometheus.query(
                    "agent360_http_requests_total{job=\"agent360\",handler=\"/metrics\",code=\"200\"}"))
                #expect((scrapes.first?.value ?? 0) >= 2)

                // Prometheus negotiated OpenMetrics: the # EOF terminated format parsed cleanly.
                let health = try PrometheusAPI.vector(await prometheus.query("scrape_samples_scraped{job=\"agent360\"}"))
                #expect((health.first?.value ?? 0) > 10)
            }
        }
    }

    @Test("promtool check metrics reports nothing on /metrics")
    func promtoolIsClean() async throws {
        try await withAgent360() { agent in
            let text = try await HTTP.get("\(agent.baseURL)/metrics").text
            let lint = try runCommand(Paths.promtool, ["check", "metrics"], input: text)
            #expect(lint.status == 0)
            #expect(lint.output.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "promtool: \(lint.output)")
        }
    }

    @Test("Python's prometheus_client parses both formats")
    func pythonClientParsesBoth() async throws {
        try await withAgent360() { agent in
            let script = """
            import sys, urllib.request
            from prometheus_client.parser import text_string_to_metric_families
            from prometheus_client.openmetrics.parser import text_string_to_metric_families as om_families
            base = sys.argv[1]
            def get(accept):
                req = urllib.request.Request(base + "/metrics", headers={"Accept": accept})
                with urllib.request.urlopen(req) as r:
                    return r.headers["Content-Type"], r.read().decode()
            ctype, text = get("text/plain")
            fams = {f.name: f for f in text_string_to_metric_families(text)}
            octype, om = get("application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5")
            ofams = {f.name: f for f in om_families(om)}
            assert ctype.startswith("text/plain; version=0.0.4"), ctype
            assert octype.startswith("application/openmetrics-text; version=1.0.0"), octype
            assert om.endswith("# EOF\\n"), om[-20:]
            for name in ["agent360_cpu_utilization_ratio", "agent360_memory_utilization_ratio", "agent360_memory_limit_bytes"]:
                assert name in fams and name in ofams, name
            assert fams["agent360_memory_limit_bytes"].samples[0].value == ofams["agent360_memory_limit_bytes"].samples[0].value
            assert 0 < fams["agent360_memory_utilization_ratio"].samples[0].value < 1
            assert fams["agent360_cpu_usage_seconds"].type == "counter"
            assert ofams["agent360_cpu_usage_seconds"].type == "counter"
            assert ofams["agent360_build_info"].samples[0].value == 1
            print("families", len(fams), len(ofams))
            """
            try await Task.sleep(for: .milliseconds(1500))  // the second collection brings the CPU ratio
            let result = try runCommand("/usr/bin/env", ["python3", "-c", script, agent.baseURL])
            #expect(result.status == 0, "\(result.output)")
            #expect(result.output.contains("families"))
        }
    }

    @Test("gzip is served when the scraper asks for it")
    func gzipWhenAsked() async throws {
        try await withAgent360() { agent in
            let zipped = try await HTTP.get("\(agent.baseURL)/metrics", headers: [("Accept-Encoding", "gzip")])
            #expect(zipped.status == 200)
            #expect(zipped.headers.first(name: "Content-Encoding") == "gzip")
            #expect(zipped.body.starts(with: [0x1f, 0x8b]) == true, "not a gzip stream")
            let plain = try await HTTP.get("\(agent.baseURL)/metrics")
            #expect(plain.headers.first(name: "Content-Encoding") == nil)
            #expect(plain.text.contains("agent360_build_info"))
        }
    }
}
