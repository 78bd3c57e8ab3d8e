/// `v1.ResourceList` as metrics-server fills it: `{"cpu": ..., "memory": ...}`.
public struct ResourceUsage: Sendable, Hashable, Codable {
    public var cpu: Quantity
    public var memory: Quantity

    public init(cpu: Quantity, memory: Quantity) {
        self.cpu = cpu
        self.memory = memory
    }

    /// The quantities metrics-server writes: CPU in whole nanocores
    /// (`resource.NewScaledQuantity(n, -9)`, canonical text such as
    /// `12345678n` or `250m`), memory in whole bytes as BinarySI (`100Mi`,
    /// or plain bytes when not a multiple of 1024). Values are rounded to
    /// the nearest unit (metrics-server truncates; a rate computed in
    /// floating point is as likely to land just below an integer as above).
    /// nil for NaN, infinities, negatives and values beyond `Int64`, which
    /// no kubelet reports.
    public init?(cpuCores: Double, memoryBytes: Double) {
        guard let nanocores = Self.wholeUnits(cpuCores * 1e9), let bytes = Self.wholeUnits(memoryBytes) else { return nil }
        cpu = Quantity(amount: ExactDecimal(nanocores).shifted(by: -9), format: .decimalSI)
        memory = Quantity(integerValue: bytes, format: .binarySI)
    }

    private static func wholeUnits(_ value: Double) -> Int64? {
        guard value.isFinite, value >= 0, value < 9.2e18 else { return nil }
        return Int64(value.rounded())
    }
}

/// The part of `metav1.ObjectMeta` metrics-server fills in a metrics
/// object: name, namespace (pods), and a `creationTimestamp` that is the
/// time of the answer (the metrics object is made on request).
public struct ResourceObjectMeta: Sendable, Hashable, Codable {
    public var name: String
    public var namespace: String?
    public var creationTimestamp: KubeTimestamp

    public init(name: String, namespace: String? = nil, creationTimestamp: KubeTimestamp) {
        self.name = name
        self.namespace = namespace
        self.creationTimestamp = creationTimestamp
    }
}
