import TSDB

extension KubeMetricsService {
    /// NodeMetrics: one node by name, or all nodes sorted by name. Stale
    /// nodes are left out of lists (503 when every node is stale) and are
    /// 503 by name.
    func nodeMetrics(_ request: ResourceMetricRequest, queries: ResourceMetricsQueries, at time: Int64) async throws(KubeAPIError)
        -> KubeAPIResponse
    {
        var matchers: [LabelMatcher] = []
        if let name = request.name { matchers.append(.equal(queries.nodeLabel, name)) }
        let selected = request.name == nil
            ? try await objectsMatching(request.labelSelector, of: .nodes, queries: queries, scope: [],
                                        keyLabels: [queries.nodeLabel], at: time)
            : nil

        let cpu = try await evaluateResource("nodeCPU", queries.nodeCPU, matchers: matchers, at: time)
        let memory = try await evaluateResource("nodeMemory", queries.nodeMemory, matchers: matchers, at: time)
        let join = try ResourceUsageJoin<String>(cpu: cpu, memory: memory, shape: queries.nodeLabel) { $0[queries.nodeLabel] }

        let maxAge = queries.maxAgeSeconds ?? configuration.defaultMaxAgeSeconds
        let window = GoDuration.string(milliseconds: queries.windowMilliseconds)
        var items: [NodeMetrics] = []
        var problems: [UsageProblem] = []
        for (node, pair) in join.pairs.sorted(by: { $0.key < $1.key }) {
            if let selected, !selected.contains([node]) { continue }
            switch pair.usage(describing: "node \(node)", maxAgeSeconds: maxAge, at: time) {
            case .success(let (usage, newest)):
                items.append(NodeMetrics(
                    metadata: ResourceObjectMeta(name: node, creationTimestamp: KubeTimestamp(millisecondsSinceEpoch: time)),
                    timestamp: KubeTimestamp(millisecondsSinceEpoch: newest), window: window, usage: usage))
            case .failure(let problem):
                problems.append(problem)
            }
        }

        return try resourceAnswer(items, problems: problems, request: request)
    }
}
