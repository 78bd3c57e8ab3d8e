/// `target:` of a metric: the level the controller steers towards.
public enum MetricTarget: Sendable, Hashable {
    /// Percent of the pods' resource requests (Resource / ContainerResource only).
    case utilization(percent: Int)
    /// Per-pod average: the total is divided by the replica count.
    case averageValue(Quantity)
    /// The metric value itself (Object / External only).
    case value(Quantity)

    /// The `type:` value in YAML.
    public var typeName: String {
        switch self {
        case .utilization: "Utilization"
        case .averageValue: "AverageValue"
        case .value: "Value"
        }
    }

    /// The target in the units the simulator's input uses: utilization as a
    /// ratio (70% → 0.7, like agent360_cpu_utilization_ratio), values as numbers.
    public var inputUnitValue: Double {
        switch self {
        case .utilization(let percent): Double(percent) / 100
        case .averageValue(let quantity), .value(let quantity): quantity.value
        }
    }

    /// The target as the operator wrote it (`70%`, `1k`, `50m`).
    public var displayText: String {
        switch self {
        case .utilization(let percent): "\(percent)%"
        case .averageValue(let quantity), .value(let quantity): quantity.text
        }
    }

    var isUtilization: Bool {
        if case .utilization = self { return true }
        return false
    }

    var isAverageValue: Bool {
        if case .averageValue = self { return true }
        return false
    }

    func validate(field: String) throws {
        switch self {
        case .utilization(let percent):
            if percent <= 0 || percent > HorizontalPodAutoscaler.int32Max {
                throw HPASpecError(
                    field: "\(field).averageUtilization", .invalid(String(percent), "must be greater than 0 and at most 2147483647")
                )
            }
        case .averageValue(let quantity):
            if quantity.value <= 0 {
                throw HPASpecError(field: "\(field).averageValue", .invalid(quantity.text, "must be positive"))
            }
        case .value(let quantity):
            if quantity.value <= 0 {
                throw HPASpecError(field: "\(field).value", .invalid(quantity.text, "must be positive"))
            }
        }
    }
}
