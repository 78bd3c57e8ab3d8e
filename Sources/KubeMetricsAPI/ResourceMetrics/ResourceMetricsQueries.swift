/// Where `metrics.k8s.io/v1beta1` (the API metrics-server serves) gets its
/// numbers: four PromQL queries over series a Prometheus scraped from the
/// kubelet (`/metrics/resource`) or cAdvisor and remote-wrote to agent360.
///
/// A plain value so other configuration formats (prometheus-adapter's
/// `resourceRules`: cpu/memory × containerQuery/nodeQuery) can be converted
/// into it. Request scoping (namespace, pod, node) is added to every vector
/// selector of a query as label matchers, never pasted into its text.
///
/// Result shape the queries must have:
/// - container queries: one series per container, labelled with
///   `namespaceLabel`, `podLabel` and `containerLabel`;
/// - node queries: one series per node, labelled with `nodeLabel`.
/// CPU is in cores (a rate of CPU seconds), memory in bytes.
public struct ResourceMetricsQueries: Sendable, Hashable {
    public var containerCPU: String
    public var containerMemory: String
    public var nodeCPU: String
    public var nodeMemory: String
    /// What the API reports as `window`: the range the CPU rate is taken
    /// over. metrics-server reports the gap between the two kubelet samples
    /// it used; a PromQL `rate` instead spans this whole window, so keep it
    /// equal to the range written in the CPU queries.
    public var windowMilliseconds: Int64
    /// Newest-sample age beyond which a pod's or node's values are refused;
    /// nil means the metrics API's default max age.
    public var maxAgeSeconds: Int64?
    public var namespaceLabel: String
    public var podLabel: String
    public var containerLabel: String
    public var nodeLabel: String
    /// Series carrying each pod's Kubernetes labels as `<labelPrefix><name>`
    /// (kube-state-metrics' `kube_pod_labels`), used to answer
    /// `labelSelector` on pods; nil refuses pod label selectors (400).
    public var podLabelsQuery: String?
    /// The same for nodes (`kube_node_labels`).
    public var nodeLabelsQuery: String?
    public var labelPrefix: String

    /// The range of the default CPU queries and the reported window.
    public static let defaultWindowMilliseconds: Int64 = 60_000

    /// Defaults equivalent to metrics-server on the kubelet's resource
    /// endpoint: CPU as `rate` of the cumulative CPU seconds over one
    /// minute (four samples at Prometheus's usual 15 s; metrics-server uses
    /// the last two), memory as the working set. `container!=""` and
    /// `container!="POD"` drop cAdvisor's pod-level and pause-container
    /// series, so the same queries work on cAdvisor's metrics.
    public init(
        containerCPU: String = #"sum by (namespace, pod, container) (rate(container_cpu_usage_seconds_total{container!="",container!="POD"}[1m]))"#,
        containerMemory: String = #"sum by (namespace, pod, container) (container_memory_working_set_bytes{container!="",container!="POD"})"#,
        nodeCPU: String = "sum by (node) (rate(node_cpu_usage_seconds_total[1m]))",
        nodeMemory: String = "sum by (node) (node_memory_working_set_bytes)",
        windowMilliseconds: Int64 = ResourceMetricsQueries.defaultWindowMilliseconds,
        maxAgeSeconds: Int64? = nil,
        namespaceLabel: String = "namespace", podLabel: String = "pod", containerLabel: String = "container",
        nodeLabel: String = "node",
        podLabelsQuery: String? = "kube_pod_labels", nodeLabelsQuery: String? = "kube_node_labels",
        labelPrefix: String = "label_"
    ) {
        self.containerCPU = containerCPU
        self.containerMemory = containerMemory
        self.nodeCPU = nodeCPU
        self.nodeMemory = nodeMemory
        self.windowMilliseconds = windowMilliseconds
        self.maxAgeSeconds = maxAgeSeconds
        self.namespaceLabel = namespaceLabel
        self.podLabel = podLabel
        self.containerLabel = containerLabel
        self.nodeLabel = nodeLabel
        self.podLabelsQuery = podLabelsQuery
        self.nodeLabelsQuery = nodeLabelsQuery
        self.labelPrefix = labelPrefix
    }

    /// Every query, for parsing once at start.
    public var allQueries: [String] {
        [containerCPU, containerMemory, nodeCPU, nodeMemory] + [podLabelsQuery, nodeLabelsQuery].compactMap { $0 }
    }

    /// Checks what can be checked without the PromQL engine.
    func validate() throws(KubeMetricsConfigurationError) {
        let queries: [(String, String?)] = [("containerCPU", containerCPU), ("containerMemory", containerMemory),
                                            ("nodeCPU", nodeCPU), ("nodeMemory", nodeMemory),
                                            ("podLabels", podLabelsQuery), ("nodeLabels", nodeLabelsQuery)]
        for case let (key, query?) in queries where !query.contains(where: { !$0.isWhitespace }) {
            throw Self.error("\(key) query is empty")
        }
        guard windowMilliseconds > 0 else { throw Self.error("window must be positive, got \(windowMilliseconds)ms") }
        if let maxAgeSeconds, maxAgeSeconds <= 0 { throw Self.error("max age must be positive, got \(maxAgeSeconds)s") }
        let labels = [("namespaceLabel", namespaceLabel), ("podLabel", podLabel), ("containerLabel", containerLabel),
                      ("nodeLabel", nodeLabel)]
        for (key, label) in labels where !PrometheusLabelName.isValid(label) {
            throw Self.error("\(key) \"\(label)\" is not a valid Prometheus label name")
        }
        guard labelPrefix.isEmpty || PrometheusLabelName.isValid(labelPrefix) else {
            throw Self.error("labelPrefix \"\(labelPrefix)\" does not start a valid Prometheus label name")
        }
    }

    private static func error(_ message: String) -> KubeMetricsConfigurationError {
        KubeMetricsConfigurationError(metric: nil, "resource metrics: \(message)")
    }
}
