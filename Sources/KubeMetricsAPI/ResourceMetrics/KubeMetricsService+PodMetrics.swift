import TSDB

/// A container's identity in the container queries' results.
struct ContainerKey: Hashable, Sendable {
    var namespace: String
    var pod: String
    var container: String
}

/// A pod's identity.
struct PodKey: Hashable, Sendable, Comparable {
    var namespace: String
    var name: String

    static func < (lhs: PodKey, rhs: PodKey) -> Bool {
        (lhs.namespace, lhs.name) < (rhs.namespace, rhs.name)
    }
}

extension KubeMetricsService {
    /// PodMetrics: one pod by name, or the pods of a namespace (or of all
    /// namespaces), sorted by namespace and name, containers by name. A pod
    /// is listed only when every container has fresh CPU and memory values.
    func podMetrics(_ request: ResourceMetricRequest, queries: ResourceMetricsQueries, at time: Int64) async throws(KubeAPIError)
        -> KubeAPIResponse
    {
        var matchers: [LabelMatcher] = []
        if let namespace = request.namespace { matchers.append(.equal(queries.namespaceLabel, namespace)) }
        if let name = request.name { matchers.append(.equal(queries.podLabel, name)) }
        let selected = request.name == nil
            ? try await objectsMatching(request.labelSelector, of: .pods, queries: queries, scope: matchers,
                                        keyLabels: [queries.namespaceLabel, queries.podLabel], at: time)
            : nil

        let cpu = try await evaluateResource("containerCPU", queries.containerCPU, matchers: matchers, at: time)
        let memory = try await evaluateResource("containerMemory", queries.containerMemory, matchers: matchers, at: time)
        let join = try ResourceUsageJoin<ContainerKey>(
            cpu: cpu, memory: memory, shape: "\(queries.namespaceLabel), \(queries.podLabel), \(queries.containerLabel)"
        ) { labels in
            guard let namespace = labels[queries.namespaceLabel], let pod = labels[queries.podLabel],
                  let container = labels[queries.containerLabel] else { return nil }
            return ContainerKey(namespace: namespace, pod: pod, container: container)
        }

        var containersByPod: [PodKey: [(String, UsagePair)]] = [:]
        for (key, pair) in join.pairs {
            let pod = PodKey(namespace: key.namespace, name: key.pod)
            if let selected, !selected.contains([pod.namespace, pod.name]) { continue }
            containersByPod[pod, default: []].append((key.container, pair))
        }

        let maxAge = queries.maxAgeSeconds ?? configuration.defaultMaxAgeSeconds
        let window = GoDuration.string(milliseconds: queries.windowMilliseconds)
        var items: [PodMetrics] = []
        var problems: [UsageProblem] = []
        for pod in containersByPod.keys.sorted() {
            var containers: [ContainerMetrics] = []
            var oldest = Int64.max
            var problem: UsageProblem?
            for (name, pair) in (containersByPod[pod] ?? []).sorted(by: { $0.0 < $1.0 }) {
                switch pair.usage(describing: "pod \(pod.namespace)/\(pod.name) container \(name)", maxAgeSeconds: maxAge, at: time) {
                case .success(let (usage, newest)):
                    containers.append(ContainerMetrics(name: name, usage: usage))
                    oldest = min(oldest, newest)
                case .failure(let failure):
                    problem = problem ?? failure
                }
            }
            if let problem {
                problems.append(problem)
                continue
            }
            items.append(PodMetrics(
                metadata: ResourceObjectMeta(name: pod.name, namespace: pod.namespace,
                                             creationTimestamp: KubeTimestamp(millisecondsSinceEpoch: time)),
                timestamp: KubeTimestamp(millisecondsSinceEpoch: oldest), window: window, containers: containers))
        }

        return try resourceAnswer(items, problems: problems, request: request)
    }
}
