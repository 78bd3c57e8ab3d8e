/// A month's bill split by category, with what could be saved.
public struct CostReport: Sendable, Hashable, Codable {
    public var currency: String
    /// Sum of the lines, rounded to cents.
    public var total: Double
    /// `cpu`, `memory`, `storage`, `network`, then one line per fixed service.
    public var breakdown: [CostLine]
    public var recommendations: [CostRecommendation]
    /// All recommendations applied together (downsize first, then reserve
    /// what remains), which is less than their sum.
    public var combinedEstimatedMonthlySaving: Double
}

/// One category of the bill.
public struct CostLine: Sendable, Hashable, Codable {
    public enum Category: String, Sendable, Hashable, Codable {
        case cpu, memory, storage, network, service
    }

    public var category: Category
    /// The category again, or the service's name for `service` lines.
    public var name: String
    /// Rounded to cents.
    public var amount: Double
    /// Share of the total in percent, two decimals; the lines sum to exactly 100.
    public var percent: Double
}

/// One way to pay less, with the monthly saving it would bring.
public struct CostRecommendation: Sendable, Hashable, Codable {
    public enum Action: String, Sendable, Hashable, Codable, CaseIterable {
        case downsize
        case reservedCapacity = "reserved_capacity"
    }

    public var action: Action
    public var reason: String
    /// Rounded to cents.
    public var estimatedMonthlySaving: Double
}
