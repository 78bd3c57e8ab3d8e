extension HPAWire {
    static let supportedVersions = ["autoscaling/v2", "autoscaling/v2beta2", "autoscaling/v1"]

    /// Applies the API server's defaults and validation.
    func autoscaler() throws -> HorizontalPodAutoscaler {
        if let kind, kind != "HorizontalPodAutoscaler" {
            throw HPASpecError(field: "kind", .unsupported(kind, ["HorizontalPodAutoscaler"]))
        }
        let version = apiVersion ?? "autoscaling/v2"
        guard HPAWire.supportedVersions.contains(version) else {
            throw HPASpecError(field: "apiVersion", .unsupported(version, HPAWire.supportedVersions))
        }
        guard let spec else { throw HPASpecError(field: "spec", .required) }
        guard let maxReplicas = spec.maxReplicas else { throw HPASpecError(field: "spec.maxReplicas", .required) }
        let target = try spec.scaleTargetRef.model(field: "spec.scaleTargetRef")

        var metrics: [HPAMetric]
        if version == "autoscaling/v1" {
            let percent = spec.targetCPUUtilizationPercentage ?? 80
            metrics = [HPAMetric(.resource(name: "cpu"), target: .utilization(percent: percent))]
        } else {
            metrics = []
            for (index, metric) in (spec.metrics ?? []).enumerated() {
                metrics.append(try metric.model(field: "spec.metrics[\(index)]"))
            }
        }
        // Policy and select-policy spellings are checked before the model
        // exists, because the model cannot hold an unknown spelling.
        try spec.behavior?.scaleUp?.checkSpellings(field: "spec.behavior.scaleUp")
        try spec.behavior?.scaleDown?.checkSpellings(field: "spec.behavior.scaleDown")
        let behavior = spec.behavior.map { behavior in
            HPABehavior(
                scaleUp: behavior.scaleUp.rules(defaults: .defaultScaleUp),
                scaleDown: behavior.scaleDown.rules(defaults: .defaultScaleDown)
            )
        }

        return try HorizontalPodAutoscaler(
            name: metadata?.name ?? target.name,
            namespace: metadata?.namespace,
            scaleTargetRef: target,
            minReplicas: spec.minReplicas ?? 1,
            maxReplicas: maxReplicas,
            metrics: metrics,
            behavior: behavior
        )
    }
}

extension HPAWire.Reference? {
    func model(field: String) throws -> ObjectReference {
        guard let self else { throw HPASpecError(field: field, .required) }
        guard let kind = self.kind, !kind.isEmpty else { throw HPASpecError(field: "\(field).kind", .required) }
        guard let name = self.name, !name.isEmpty else { throw HPASpecError(field: "\(field).name", .required) }
        return ObjectReference(apiVersion: self.apiVersion, kind: kind, name: name)
    }
}

extension HPAWire.Metric {
    static let types = ["ContainerResource", "External", "Object", "Pods", "Resource"]

    func model(field: String) throws -> HPAMetric {
        guard let type else { throw HPASpecError(field: "\(field).type", .required) }
        switch type {
        case "Resource":
            guard let resource else { throw HPASpecError(field: "\(field).resource", .required) }
            let target = try resource.target.model(field: "\(field).resource.target")
            return HPAMetric(.resource(name: resource.name ?? ""), target: target)
        case "ContainerResource":
            guard let source = containerResource else { throw HPASpecError(field: "\(field).containerResource", .required) }
            let target = try source.target.model(field: "\(field).containerResource.target")
            return HPAMetric(.containerResource(name: source.name ?? "", container: source.container ?? ""), target: target)
        case "Pods":
            guard let pods else { throw HPASpecError(field: "\(field).pods", .required) }
            let id = try pods.metric.model(field: "\(field).pods.metric")
            return HPAMetric(.pods(id), target: try pods.target.model(field: "\(field).pods.target"))
        case "Object":
            guard let object else { throw HPASpecError(field: "\(field).object", .required) }
            let id = try object.metric.model(field: "\(field).object.metric")
            let described = try object.describedObject.model(field: "\(field).object.describedObject")
            return HPAMetric(.object(id, describedObject: described), target: try object.target.model(field: "\(field).object.target"))
        case "External":
            guard let external else { throw HPASpecError(field: "\(field).external", .required) }
            let id = try external.metric.model(field: "\(field).external.metric")
            return HPAMetric(.external(id), target: try external.target.model(field: "\(field).external.target"))
        default:
            throw HPASpecError(field: "\(field).type", .unsupported(type, HPAWire.Metric.types))
        }
    }
}

extension HPAWire.Identifier? {
    func model(field: String) throws -> MetricIdentifier {
        guard let self else { throw HPASpecError(field: field, .required) }
        guard let name = self.name, !name.isEmpty else { throw HPASpecError(field: "\(field).name", .required) }
        return MetricIdentifier(name: name, selector: self.selector)
    }
}

extension HPAWire.Target? {
    static let types = ["AverageValue", "Utilization", "Value"]

    func model(field: String) throws -> MetricTarget {
        guard let self else { throw HPASpecError(field: field, .required) }
        guard let type = self.type else { throw HPASpecError(field: "\(field).type", .required) }
        switch type {
        case "Utilization":
            guard let percent = self.averageUtilization else {
                throw HPASpecError(field: "\(field).averageUtilization", .required)
            }
            return .utilization(percent: percent)
        case "AverageValue":
            guard let quantity = self.averageValue else { throw HPASpecError(field: "\(field).averageValue", .required) }
            return .averageValue(quantity)
        case "Value":
            guard let quantity = self.value else { throw HPASpecError(field: "\(field).value", .required) }
            return .value(quantity)
        default:
            throw HPASpecError(field: "\(field).type", .unsupported(type, HPAWire.Target?.types))
        }
    }
}

extension HPAWire.Rules? {
    /// Field-by-field defaulting, as `copyHPAScalingRules` does.
    func rules(defaults: HPAScalingRules) -> HPAScalingRules {
        guard let self else { return defaults }
        var rules = defaults
        if let window = self.stabilizationWindowSeconds { rules.stabilizationWindowSeconds = window }
        if let select = self.selectPolicy.flatMap(HPAScalingRules.SelectPolicy.init(rawValue:)) {
            rules.selectPolicy = select
        }
        if let policies = self.policies {
            rules.policies = policies.compactMap { policy in
                guard let kind = policy.type.flatMap(HPAScalingPolicy.Kind.init(rawValue:)) else { return nil }
                return HPAScalingPolicy(kind, value: policy.value ?? 0, periodSeconds: policy.periodSeconds ?? 0)
            }
        }
        if let tolerance = self.tolerance { rules.tolerance = tolerance.value }
        return rules
    }
}

extension HPAWire.Rules {
    func checkSpellings(field: String) throws {
        if let selectPolicy, HPAScalingRules.SelectPolicy(rawValue: selectPolicy) == nil {
            throw HPASpecError(
                field: "\(field).selectPolicy",
                .unsupported(selectPolicy, HPAScalingRules.SelectPolicy.allCases.map(\.rawValue))
            )
        }
        for (index, policy) in (policies ?? []).enumerated() {
            let policyField = "\(field).policies[\(index)]"
            guard let type = policy.type else { throw HPASpecError(field: "\(policyField).type", .required) }
            if HPAScalingPolicy.Kind(rawValue: type) == nil {
                throw HPASpecError(field: "\(policyField).type", .unsupported(type, HPAScalingPolicy.Kind.allCases.map(\.rawValue)))
            }
            if policy.value == nil { throw HPASpecError(field: "\(policyField).value", .required) }
            if policy.periodSeconds == nil { throw HPASpecError(field: "\(policyField).periodSeconds", .required) }
        }
    }
}
