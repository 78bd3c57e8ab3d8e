/// The Kubernetes JSON/YAML shape of a HorizontalPodAutoscaler, every field
/// optional, so that decoding never fails on an omission and validation can
/// name exactly which field is missing or wrong.
struct HPAWire: Codable {
    var apiVersion: String?
    var kind: String?
    var metadata: Metadata?
    var spec: Spec?

    struct Metadata: Codable {
        var name: String?
        var namespace: String?
    }

    struct Spec: Codable {
        var scaleTargetRef: Reference?
        var minReplicas: Int?
        var maxReplicas: Int?
        var metrics: [Metric]?
        var behavior: Behavior?
        /// autoscaling/v1 only.
        var targetCPUUtilizationPercentage: Int?
    }

    struct Reference: Codable {
        var apiVersion: String?
        var kind: String?
        var name: String?
    }

    struct Metric: Codable {
        var type: String?
        var resource: ResourceSource?
        var containerResource: ResourceSource?
        var pods: MetricSource?
        var object: MetricSource?
        var external: MetricSource?
    }

    struct ResourceSource: Codable {
        var name: String?
        var container: String?
        var target: Target?
    }

    struct MetricSource: Codable {
        var metric: Identifier?
        var describedObject: Reference?
        var target: Target?
    }

    struct Identifier: Codable {
        var name: String?
        var selector: LabelSelector?
    }

    struct Target: Codable {
        var type: String?
        var value: Quantity?
        var averageValue: Quantity?
        var averageUtilization: Int?
    }

    struct Behavior: Codable {
        var scaleUp: Rules?
        var scaleDown: Rules?
    }

    struct Rules: Codable {
        var stabilizationWindowSeconds: Int?
        var selectPolicy: String?
        var policies: [Policy]?
        var tolerance: Quantity?
    }

    struct Policy: Codable {
        var type: String?
        var value: Int?
        var periodSeconds: Int?
    }
}

extension HorizontalPodAutoscaler: Codable {
    /// Decodes the Kubernetes shape (from YAML via Yams, or JSON) and validates
    /// it; throws `HPASpecError` for anything the API server would reject.
    public init(from decoder: any Decoder) throws {
        self = try HPAWire(from: decoder).autoscaler()
    }

    /// Encodes the Kubernetes `autoscaling/v2` shape with all defaults spelled
    /// out, so `/api/v1/scaling` can show the effective spec.
    public func encode(to encoder: any Encoder) throws {
        try HPAWire(self).encode(to: encoder)
    }
}
