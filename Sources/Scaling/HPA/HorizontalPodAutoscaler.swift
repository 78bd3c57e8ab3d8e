/// An `autoscaling/v2` HorizontalPodAutoscaler, validated and with the API
/// server's defaults filled in.
///
/// Every field the controller reads has its final value here (no optionals),
/// so the replay never has to know which values the operator left out; the
/// one exception worth keeping is `behaviorSpecified`, because a wholly
/// absent `behavior` takes a slightly different path in kube-controller-manager
/// (see `HPABehavior`).
public struct HorizontalPodAutoscaler: Sendable, Hashable {
    public var name: String
    public var namespace: String?
    public var scaleTargetRef: ObjectReference
    public var minReplicas: Int
    public var maxReplicas: Int
    public var metrics: [HPAMetric]
    public var behavior: HPABehavior
    /// False when the YAML had no `spec.behavior` and the defaults were used.
    public var behaviorSpecified: Bool

    /// Builds and validates an autoscaler in code (tests, `/api/v1/scaling`
    /// callers); throws `HPASpecError` for the same mistakes the YAML path catches.
    public init(
        name: String,
        namespace: String? = nil,
        scaleTargetRef: ObjectReference,
        minReplicas: Int = 1,
        maxReplicas: Int,
        metrics: [HPAMetric],
        behavior: HPABehavior? = nil
    ) throws {
        self.name = name
        self.namespace = namespace
        self.scaleTargetRef = scaleTargetRef
        self.minReplicas = minReplicas
        self.maxReplicas = maxReplicas
        self.metrics = metrics.isEmpty ? [HPAMetric.defaultCPU] : metrics
        self.behavior = behavior ?? .default
        self.behaviorSpecified = behavior != nil
        try validate()
    }

    /// Cross-field rules of the API server's validation, checked after defaults.
    func validate() throws {
        if maxReplicas < 1 {
            throw HPASpecError(field: "spec.maxReplicas", .invalid(String(maxReplicas), "must be greater than or equal to 1"))
        }
        // Kubernetes stores these as int32; the bound also keeps replica arithmetic far from overflow.
        if maxReplicas > HorizontalPodAutoscaler.int32Max {
            throw HPASpecError(field: "spec.maxReplicas", .invalid(String(maxReplicas), "must be at most 2147483647"))
        }
        let scalesToZeroWithObjectMetric = minReplicas == 0 && metrics.contains { $0.allowsScaleToZero }
        if minReplicas < 1, !scalesToZeroWithObjectMetric {
            throw HPASpecError(
                field: "spec.minReplicas",
                .invalid(String(minReplicas), "must be greater than or equal to 1 (0 only with an Object or External metric)")
            )
        }
        if minReplicas > maxReplicas {
            throw HPASpecError(
                field: "spec.minReplicas",
                .invalid(String(minReplicas), "must be less than or equal to maxReplicas (\(maxReplicas))")
            )
        }
        for (index, metric) in metrics.enumerated() {
            try metric.validate(field: "spec.metrics[\(index)]")
        }
        try behavior.scaleUp.validate(field: "spec.behavior.scaleUp")
        try behavior.scaleDown.validate(field: "spec.behavior.scaleDown")
    }

    static let int32Max = Int(Int32.max)
}

/// `scaleTargetRef` / `describedObject`: which object a metric or scale refers to.
public struct ObjectReference: Sendable, Hashable, Codable {
    public var apiVersion: String?
    public var kind: String
    public var name: String

    public init(apiVersion: String? = nil, kind: String, name: String) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.name = name
    }
}
