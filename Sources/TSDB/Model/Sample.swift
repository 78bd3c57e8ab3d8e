/// One float sample: milliseconds since the Unix epoch and a value.
public struct Sample: Sendable, Equatable {
    public var timestamp: Int64
    public var value: Double

    public init(timestamp: Int64, value: Double) {
        self.timestamp = timestamp
        self.value = value
    }

    /// Bit-exact equality: NaNs (and the stale marker) compare by their bits.
    public static func == (lhs: Sample, rhs: Sample) -> Bool {
        lhs.timestamp == rhs.timestamp && lhs.value.bitPattern == rhs.value.bitPattern
    }

    public var isStaleMarker: Bool { StaleMarker.isStale(value) }
}

/// Prometheus marks a series that vanished from a scrape with one special NaN.
///
/// Any NaN arithmetic would lose the distinction from an ordinary NaN, so the
/// marker is only ever recognised by its bit pattern.
public enum StaleMarker {
    public static let bitPattern: UInt64 = 0x7ff0_0000_0000_0002
    public static let value = Double(bitPattern: bitPattern)

    @inlinable
    public static func isStale(_ value: Double) -> Bool {
        value.bitPattern == bitPattern
    }
}
