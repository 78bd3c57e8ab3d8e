import Agent360Server
import KubeMetricsAPI
import Testing

@Suite("resourceMetrics configuration")
struct ResourceMetricsConfigTests {
    @Test("defaults serve metrics.k8s.io with the kubelet queries")
    func defaultsAreEnabled() throws {
        let config = try Agent360Config.parse(yaml: "")
        #expect(config.kubernetes.resource == ResourceMetricsQueries())
        #expect(try Agent360Config.load(path: nil).kubernetes.resource == ResourceMetricsQueries())
    }

    @Test("every key is read")
    func everyKeyIsRead() throws {
        let config = try Agent360Config.parse(yaml: """
        resourceMetrics:
          window: 30s
          maxAge: 45s
          containerCPU: sum by (namespace, pod, container) (rate(cpu_total[30s]))
          containerMemory: sum by (namespace, pod, container) (mem)
          nodeCPU: sum by (instance) (rate(node_cpu[30s]))
          nodeMemory: sum by (instance) (node_mem)
          podLabels: ""
          nodeLabels: my_node_labels
          labelPrefix: l_
          labels: {node: instance, pod: pod_name}
        """)
        let queries = try #require(config.kubernetes.resource)
        #expect(queries.windowMilliseconds == 30_000)
        #expect(queries.maxAgeSeconds == 45)
        #expect(queries.containerCPU == "sum by (namespace, pod, container) (rate(cpu_total[30s]))")
        #expect(queries.nodeMemory == "sum by (instance) (node_mem)")
        #expect(queries.podLabelsQuery == nil)
        #expect(queries.nodeLabelsQuery == "my_node_labels")
        #expect(queries.labelPrefix == "l_")
        #expect(queries.nodeLabel == "instance")
        #expect(queries.podLabel == "pod_name")
        #expect(queries.namespaceLabel == "namespace")
    }

    @Test("disabled means not served")
    func disabled() throws {
        #expect(try Agent360Config.parse(yaml: "resourceMetrics:\n  enabled: false\n").kubernetes.resource == nil)
    }

    @Test("errors name the file, line and key", arguments: [
        ("resourceMetrics:\n  nodeCPU: rate(x[1m]\n", "cfg.yaml:2:12: resourceMetrics.nodeCPU:"),
        ("resourceMetrics:\n  containerMemory: \"1\"\n", "cfg.yaml:2:20: resourceMetrics.containerMemory: the query must produce"),
        ("resourceMetrics:\n  window: 0s\n", "cfg.yaml:2:11: resourceMetrics.window:"),
        ("resourceMetrics:\n  labels: {pod: pod-name}\n", "cfg.yaml:2:11: resourceMetrics.labels: pod: \"pod-name\" is not a valid"),
        ("resourceMetrics:\n  labels: {zone: z}\n", "cfg.yaml:2:11: resourceMetrics.labels: unknown key \"zone\""),
        ("resourceMetrics:\n  labelPrefix: 1x\n", "cfg.yaml:2:16: resourceMetrics.labelPrefix:"),
        ("resourceMetrics:\n  cpuQuery: x\n", "cfg.yaml:2:3: resourceMetrics.cpuQuery: unknown key"),
    ])
    func errorsAreLocated(yaml: String, expected: String) {
        do {
            _ = try Agent360Config.parse(yaml: yaml, file: "cfg.yaml")
            Issue.record("expected an error for \(yaml)")
        } catch {
            #expect(error.description.hasPrefix(expected), "got: \(error.description)")
        }
    }
}
