import KubeMetricsAPI

/// The `resourceMetrics:` section: `metrics.k8s.io/v1beta1` (what
/// metrics-server serves to `kubectl top` and the HPA's Resource metrics),
/// read into the plain `ResourceMetricsQueries` value the API module uses.
///
/// ```yaml
/// resourceMetrics:
///   enabled: true
///   window: 1m                 # reported window; the range of the CPU rates
///   # maxAge: 2m              # default: metricsAPI.maxAge
///   containerCPU: sum by (namespace, pod, container) (rate(container_cpu_usage_seconds_total{container!="",container!="POD"}[1m]))
///   containerMemory: sum by (namespace, pod, container) (container_memory_working_set_bytes{container!="",container!="POD"})
///   nodeCPU: sum by (node) (rate(node_cpu_usage_seconds_total[1m]))
///   nodeMemory: sum by (node) (node_memory_working_set_bytes)
///   podLabels: kube_pod_labels  # "" refuses labelSelector on pods
///   nodeLabels: kube_node_labels
///   labelPrefix: label_
///   labels: {namespace: namespace, pod: pod, container: container, node: node}
/// ```
enum ResourceMetricsConfig {
    /// nil when `enabled: false`.
    static func read(_ reader: inout YAMLMapping) throws(ConfigError) -> ResourceMetricsQueries? {
        var queries = ResourceMetricsQueries()
        let enabled = try reader.bool("enabled") ?? true
        if let window = try reader.duration("window") { queries.windowMilliseconds = window.milliseconds }
        queries.maxAgeSeconds = try reader.duration("maxAge").map { max(1, $0.milliseconds / 1000) }
        for (key, path) in [("containerCPU", \ResourceMetricsQueries.containerCPU), ("containerMemory", \.containerMemory),
                            ("nodeCPU", \.nodeCPU), ("nodeMemory", \.nodeMemory)] {
            guard let query = try reader.string(key) else { continue }
            try validate(query, key: key, &reader)
            queries[keyPath: path] = query
        }
        for (key, path) in [("podLabels", \ResourceMetricsQueries.podLabelsQuery), ("nodeLabels", \.nodeLabelsQuery)] {
            guard let query = try reader.string(key) else { continue }
            if query.allSatisfy(\.isWhitespace) {
                queries[keyPath: path] = nil
            } else {
                try validate(query, key: key, &reader)
                queries[keyPath: path] = query
            }
        }
        if let prefix = try reader.string("labelPrefix") {
            guard prefix.isEmpty || PrometheusLabelName.isValid(prefix) else {
                throw reader.invalid("labelPrefix", "\"\(prefix)\" does not start a valid Prometheus label name")
            }
            queries.labelPrefix = prefix
        }
        if let labels = try reader.stringMap("labels") {
            let known: [String: WritableKeyPath<ResourceMetricsQueries, String>] = [
                "namespace": \.namespaceLabel, "pod": \.podLabel, "container": \.containerLabel, "node": \.nodeLabel,
            ]
            for (name, label) in labels.sorted(by: { $0.key < $1.key }) {
                guard let path = known[name] else {
                    throw reader.invalid("labels", "unknown key \"\(name)\" (known: container, namespace, node, pod)")
                }
                guard PrometheusLabelName.isValid(label) else {
                    throw reader.invalid("labels", "\(name): \"\(label)\" is not a valid Prometheus label name")
                }
                queries[keyPath: path] = label
            }
        }
        return enabled ? queries : nil
    }

    private static func validate(_ query: String, key: String, _ reader: inout YAMLMapping) throws(ConfigError) {
        if let problem = PromQLValidation.problem(in: query, allowing: [.vector]) {
            throw reader.invalid(key, problem)
        }
    }
}
