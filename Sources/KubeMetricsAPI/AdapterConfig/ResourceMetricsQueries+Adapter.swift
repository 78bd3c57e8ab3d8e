extension ResourceMetricsQueries {
    /// The resource metrics API's queries from prometheus-adapter's
    /// `resourceRules`, so an adapter file moved to agent360 keeps serving
    /// `kubectl top` and HPA `Resource` metrics from the same PromQL.
    ///
    /// The templates are rendered with the placeholder matcher where the
    /// adapter pastes `.LabelMatchers`; at request time the evaluator puts the
    /// namespace, pod or node matchers there in the parsed query. Container
    /// queries are grouped by namespace, pod and container (the adapter
    /// groups by pod and container and knows the namespace from the request;
    /// agent360 also answers all-namespace lists from one query). Labels not
    /// in `resourceRules` (label-selector series, max age) keep `base`'s.
    public init(adapter rules: AdapterResourceRuleSet, base: ResourceMetricsQueries = ResourceMetricsQueries())
        throws(AdapterConfigError) {
        let cpu = rules.cpu, memory = rules.memory
        let labels = [cpu.namespaceLabel, cpu.podLabel, cpu.containerLabel, cpu.nodeLabel]
        guard labels == [memory.namespaceLabel, memory.podLabel, memory.containerLabel, memory.nodeLabel] else {
            throw AdapterConfigError(.invalidResource, field: "resourceRules.memory.resources",
                                     "must map namespace, pod, container and node to the labels cpu maps them to (\(labels.joined(separator: ", ")))")
        }
        let containerGroups = [cpu.namespaceLabel, cpu.podLabel, cpu.containerLabel]
        self = base
        containerCPU = cpu.containerQueryText(groupBy: containerGroups)
        containerMemory = memory.containerQueryText(groupBy: containerGroups)
        nodeCPU = cpu.nodeQueryText(groupBy: [cpu.nodeLabel])
        nodeMemory = memory.nodeQueryText(groupBy: [cpu.nodeLabel])
        namespaceLabel = cpu.namespaceLabel
        podLabel = cpu.podLabel
        containerLabel = cpu.containerLabel
        nodeLabel = cpu.nodeLabel
        if let window = rules.windowSeconds { windowMilliseconds = window * 1000 }
    }
}
