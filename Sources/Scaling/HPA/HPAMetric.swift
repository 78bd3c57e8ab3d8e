/// One entry of `spec.metrics`: where a number comes from and what it should be.
public struct HPAMetric: Sendable, Hashable {
    /// The metric source types of `autoscaling/v2`.
    public enum Source: Sendable, Hashable {
        /// `cpu` or `memory` of the target's pods, against their requests.
        case resource(name: String)
        /// Like `resource` but for one named container of each pod.
        case containerResource(name: String, container: String)
        /// A per-pod custom metric (custom.metrics.k8s.io), averaged over pods.
        case pods(MetricIdentifier)
        /// A metric describing one other object (an Ingress, a queue).
        case object(MetricIdentifier, describedObject: ObjectReference)
        /// A metric not tied to any Kubernetes object (external.metrics.k8s.io),
        /// which is how agent360 serves request rate and error rate.
        case external(MetricIdentifier)
    }

    public var source: Source
    public var target: MetricTarget

    public init(_ source: Source, target: MetricTarget) {
        self.source = source
        self.target = target
    }

    /// The `type:` value in YAML.
    public var typeName: String {
        switch source {
        case .resource: "Resource"
        case .containerResource: "ContainerResource"
        case .pods: "Pods"
        case .object: "Object"
        case .external: "External"
        }
    }

    /// The name an input series must carry to feed this metric: the resource
    /// name (`cpu`), `container/resource` for container metrics, else the
    /// metric name (`agent360_request_rate`).
    public var key: String {
        switch source {
        case .resource(let name): name
        case .containerResource(let name, let container): "\(container)/\(name)"
        case .pods(let id), .object(let id, _), .external(let id): id.name
        }
    }

    /// Series names the simulator accepts for this metric: `key` first, then
    /// agent360's own signal name where one fits, so exported data works
    /// without renaming (`agent360_cpu_utilization_ratio` feeds `cpu`).
    public var seriesNames: [String] {
        switch source {
        case .resource(let name) where target.isUtilization:
            [key, "agent360_\(name)_utilization_ratio"]
        default:
            [key]
        }
    }

    /// Whether the input is a per-pod average, which changes when the same
    /// load is spread over a different number of replicas.
    public var isPerPod: Bool {
        switch source {
        case .resource, .containerResource, .pods: true
        case .object, .external: false
        }
    }

    /// The condition reason the controller sets when it cannot read this metric.
    public var failedGetReason: String { "FailedGet\(typeName)Metric" }

    /// Scale to zero (the HPAScaleToZero gate) is only meaningful with a metric
    /// that does not come from the pods themselves.
    var allowsScaleToZero: Bool {
        switch source {
        case .object, .external: true
        default: false
        }
    }

    /// The API server's default when `spec.metrics` is empty: 80% CPU.
    public static let defaultCPU = HPAMetric(.resource(name: "cpu"), target: .utilization(percent: 80))

    func validate(field: String) throws {
        let sourceField = "\(field).\(typeName.prefix(1).lowercased() + typeName.dropFirst())"
        let targetField = "\(sourceField).target"
        switch source {
        case .resource(let name), .containerResource(let name, _):
            if name.isEmpty { throw HPASpecError(field: "\(sourceField).name", .required) }
            if case .value = target {
                throw HPASpecError(field: "\(targetField).type", .unsupported("Value", ["AverageValue", "Utilization"]))
            }
            if case .containerResource(_, let container) = source, container.isEmpty {
                throw HPASpecError(field: "\(sourceField).container", .required)
            }
        case .pods(let id):
            try id.validate(field: "\(sourceField).metric")
            if !target.isAverageValue {
                throw HPASpecError(field: "\(targetField).type", .unsupported(target.typeName, ["AverageValue"]))
            }
        case .object(let id, let described):
            try id.validate(field: "\(sourceField).metric")
            if described.kind.isEmpty { throw HPASpecError(field: "\(sourceField).describedObject.kind", .required) }
            if described.name.isEmpty { throw HPASpecError(field: "\(sourceField).describedObject.name", .required) }
            if target.isUtilization {
                throw HPASpecError(field: "\(targetField).type", .unsupported("Utilization", ["AverageValue", "Value"]))
            }
        case .external(let id):
            try id.validate(field: "\(sourceField).metric")
            if target.isUtilization {
                throw HPASpecError(field: "\(targetField).type", .unsupported("Utilization", ["AverageValue", "Value"]))
            }
        }
        try target.validate(field: targetField)
    }
}

/// `metric:` of Pods, Object and External sources.
public struct MetricIdentifier: Sendable, Hashable, Codable {
    public var name: String
    public var selector: LabelSelector?

    public init(name: String, selector: LabelSelector? = nil) {
        self.name = name
        self.selector = selector
    }

    func validate(field: String) throws {
        if name.isEmpty { throw HPASpecError(field: "\(field).name", .required) }
    }
}

/// A Kubernetes label selector, kept so the replay can show which series an
/// External metric would select; the simulator itself matches by name only.
public struct LabelSelector: Sendable, Hashable, Codable {
    public struct Requirement: Sendable, Hashable, Codable {
        public var key: String
        public var `operator`: String
        public var values: [String]?

        public init(key: String, operator: String, values: [String]? = nil) {
            self.key = key
            self.operator = `operator`
            self.values = values
        }
    }

    public var matchLabels: [String: String]?
    public var matchExpressions: [Requirement]?

    public init(matchLabels: [String: String]? = nil, matchExpressions: [Requirement]? = nil) {
        self.matchLabels = matchLabels
        self.matchExpressions = matchExpressions
    }
}
