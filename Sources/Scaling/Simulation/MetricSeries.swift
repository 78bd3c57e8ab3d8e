/// One sample of an input series.
public struct TimedValue: Sendable, Hashable, Codable {
    /// Seconds: unix time or any relative clock, as long as all series agree.
    public var time: Double
    public var value: Double

    public init(time: Double, value: Double) {
        self.time = time
        self.value = value
    }
}

/// A metric's values over time, sorted, as the simulator reads them.
public struct MetricSeries: Sendable, Hashable, Codable {
    /// Sorted by time; for equal times only the last given value is kept.
    public private(set) var points: [TimedValue]

    /// Sorts the points so callers can pass them in any order.
    public init(_ points: [TimedValue]) {
        let ordered = points.enumerated().sorted {
            $0.element.time != $1.element.time ? $0.element.time < $1.element.time : $0.offset < $1.offset
        }
        var kept: [TimedValue] = []
        kept.reserveCapacity(ordered.count)
        for (_, point) in ordered {
            if let last = kept.last, last.time == point.time {
                kept[kept.count - 1] = point
            } else {
                kept.append(point)
            }
        }
        self.points = kept
    }

    /// Convenience for tests and code-built scenarios: `[(0, 0.5), (60, 0.9)]`.
    public init(_ pairs: [(Double, Double)]) {
        self.init(pairs.map { TimedValue(time: $0.0, value: $0.1) })
    }

    public init(from decoder: any Decoder) throws {
        self.init(try [TimedValue](from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try points.encode(to: encoder)
    }

    /// The latest value at or before `time`, as the metrics API would serve
    /// it then; nil before the first sample or when it is older than `maxAge`.
    public func value(atOrBefore time: Double, maxAge: Double? = nil) -> Double? {
        var low = 0
        var high = points.count
        while low < high {
            let mid = (low + high) / 2
            if points[mid].time <= time { low = mid + 1 } else { high = mid }
        }
        guard low > 0 else { return nil }
        let point = points[low - 1]
        if let maxAge, time - point.time > maxAge { return nil }
        return point.value
    }

    public var firstTime: Double? { points.first?.time }
    public var lastTime: Double? { points.last?.time }
}
