/// What resources cost. Cloud list prices change and differ per region, so
/// they come from configuration; nothing here assumes a provider.
public struct CostPrices: Sendable, Hashable, Codable {
    public var currency: String
    public var vcpuHour: Double
    public var memoryGiBHour: Double
    public var storageGiBMonth: Double
    public var networkEgressGiB: Double
    /// Flat monthly charges (managed database, DNS, monitoring) by name.
    public var fixedServicesMonthly: [String: Double]
    /// Fraction saved by reserved/committed capacity over on-demand (0.3 = 30%).
    public var reservedDiscount: Double

    public init(
        currency: String = "USD",
        vcpuHour: Double,
        memoryGiBHour: Double,
        storageGiBMonth: Double = 0,
        networkEgressGiB: Double = 0,
        fixedServicesMonthly: [String: Double] = [:],
        reservedDiscount: Double = 0.3
    ) {
        self.currency = currency
        self.vcpuHour = vcpuHour
        self.memoryGiBHour = memoryGiBHour
        self.storageGiBMonth = storageGiBMonth
        self.networkEgressGiB = networkEgressGiB
        self.fixedServicesMonthly = fixedServicesMonthly
        self.reservedDiscount = reservedDiscount
    }

    /// Only the compute prices are required in a config file.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            currency: try container.decodeIfPresent(String.self, forKey: .currency) ?? "USD",
            vcpuHour: try container.decode(Double.self, forKey: .vcpuHour),
            memoryGiBHour: try container.decode(Double.self, forKey: .memoryGiBHour),
            storageGiBMonth: try container.decodeIfPresent(Double.self, forKey: .storageGiBMonth) ?? 0,
            networkEgressGiB: try container.decodeIfPresent(Double.self, forKey: .networkEgressGiB) ?? 0,
            fixedServicesMonthly: try container.decodeIfPresent([String: Double].self, forKey: .fixedServicesMonthly) ?? [:],
            reservedDiscount: try container.decodeIfPresent(Double.self, forKey: .reservedDiscount) ?? 0.3
        )
    }
}

/// Usage over the last 30 days (one billing month).
public struct CostUsage: Sendable, Hashable, Codable {
    public var vcpuHours: Double
    public var memoryGiBHours: Double
    /// Provisioned storage, GiB (billed per month).
    public var storageGiB: Double
    public var networkEgressGiB: Double
    /// Instance-hours billed on-demand; 720 is one machine all month.
    public var onDemandHours: Double
    /// Average share of the paid compute actually used, 0–1; nil if unknown.
    public var computeUtilization: Double?

    public init(
        vcpuHours: Double, memoryGiBHours: Double, storageGiB: Double = 0, networkEgressGiB: Double = 0,
        onDemandHours: Double = 0, computeUtilization: Double? = nil
    ) {
        self.vcpuHours = vcpuHours
        self.memoryGiBHours = memoryGiBHours
        self.storageGiB = storageGiB
        self.networkEgressGiB = networkEgressGiB
        self.onDemandHours = onDemandHours
        self.computeUtilization = computeUtilization
    }
}
