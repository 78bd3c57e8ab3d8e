extension HPAWire {
    /// The `autoscaling/v2` shape of a validated autoscaler, defaults spelled out.
    init(_ hpa: HorizontalPodAutoscaler) {
        apiVersion = "autoscaling/v2"
        kind = "HorizontalPodAutoscaler"
        metadata = Metadata(name: hpa.name, namespace: hpa.namespace)
        spec = Spec(
            scaleTargetRef: Reference(hpa.scaleTargetRef),
            minReplicas: hpa.minReplicas,
            maxReplicas: hpa.maxReplicas,
            metrics: hpa.metrics.map(Metric.init),
            behavior: Behavior(scaleUp: Rules(hpa.behavior.scaleUp), scaleDown: Rules(hpa.behavior.scaleDown)),
            targetCPUUtilizationPercentage: nil
        )
    }
}

extension HPAWire.Reference {
    init(_ reference: ObjectReference) {
        self.init(apiVersion: reference.apiVersion, kind: reference.kind, name: reference.name)
    }
}

extension HPAWire.Metric {
    init(_ metric: HPAMetric) {
        self.init(type: metric.typeName)
        let target = HPAWire.Target(metric.target)
        switch metric.source {
        case .resource(let name):
            resource = HPAWire.ResourceSource(name: name, target: target)
        case .containerResource(let name, let container):
            containerResource = HPAWire.ResourceSource(name: name, container: container, target: target)
        case .pods(let id):
            pods = HPAWire.MetricSource(metric: HPAWire.Identifier(id), target: target)
        case .object(let id, let described):
            object = HPAWire.MetricSource(metric: HPAWire.Identifier(id), describedObject: HPAWire.Reference(described), target: target)
        case .external(let id):
            external = HPAWire.MetricSource(metric: HPAWire.Identifier(id), target: target)
        }
    }
}

extension HPAWire.Identifier {
    init(_ id: MetricIdentifier) {
        self.init(name: id.name, selector: id.selector)
    }
}

extension HPAWire.Target {
    init(_ target: MetricTarget) {
        self.init(type: target.typeName)
        switch target {
        case .utilization(let percent): averageUtilization = percent
        case .averageValue(let quantity): averageValue = quantity
        case .value(let quantity): value = quantity
        }
    }
}

extension HPAWire.Rules {
    init(_ rules: HPAScalingRules) {
        self.init(
            stabilizationWindowSeconds: rules.stabilizationWindowSeconds,
            selectPolicy: rules.selectPolicy.rawValue,
            policies: rules.policies.map { HPAWire.Policy(type: $0.kind.rawValue, value: $0.value, periodSeconds: $0.periodSeconds) },
            tolerance: rules.tolerance == HPAScalingRules.defaultTolerance ? nil : Quantity(rules.tolerance)
        )
    }
}
