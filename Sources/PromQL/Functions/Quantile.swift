/// Quantile computations shared by `quantile`, `quantile_over_time` and
/// `histogram_quantile`.
enum Quantile {
    /// Prometheus's `vectorByValueHeap.Less`: NaN sorts first.
    @inline(__always)
    static func nanFirstLess(_ a: Double, _ b: Double) -> Bool {
        if a.isNaN { return true }
        return a < b
    }

    /// `quantile(q, values)`: linear interpolation between the closest ranks,
    /// after sorting with Go's algorithm and Prometheus's NaN-first order.
    static func ofValues(_ q: Double, _ values: inout [Double]) -> Double {
        if values.isEmpty { return .nan }
        if q < 0 { return -.infinity }
        if q > 1 { return .infinity }
        if q.isNaN { return .nan }
        GoSort.sort(&values, by: nanFirstLess)
        let n = Double(values.count)
        let rank = q * (n - 1)
        let lowerIndex = Swift.max(0, rank.rounded(.down))
        let upperIndex = Swift.min(n - 1, lowerIndex + 1)
        let weight = rank - rank.rounded(.down)
        return values[Int(lowerIndex)] * (1 - weight) + values[Int(upperIndex)] * weight
    }

    struct Bucket {
        var upperBound: Double
        var count: Double
    }

    /// `bucketQuantile` for classic histograms (`le` buckets).
    static func ofBuckets(_ q: Double, _ input: [Bucket]) -> Double {
        if q.isNaN { return .nan }
        if q < 0 { return -.infinity }
        if q > 1 { return .infinity }
        var buckets = input
        GoSort.sort(&buckets) { $0.upperBound < $1.upperBound }
        guard let last = buckets.last, last.upperBound == .infinity else { return .nan }
        buckets = coalesce(buckets)
        ensureMonotonic(&buckets)
        if buckets.count < 2 { return .nan }
        let observations = buckets[buckets.count - 1].count
        if observations == 0 { return .nan }
        var rank = q * observations
        // sort.Search over all but the +Inf bucket.
        var low = 0
        var high = buckets.count - 1
        while low < high {
            let mid = Int(UInt(low + high) >> 1)
            if !(buckets[mid].count >= rank) { low = mid + 1 } else { high = mid }
        }
        let b = low
        if b == buckets.count - 1 { return buckets[buckets.count - 2].upperBound }
        if b == 0 && buckets[0].upperBound <= 0 { return buckets[0].upperBound }
        var bucketStart = 0.0
        let bucketEnd = buckets[b].upperBound
        var count = buckets[b].count
        if b > 0 {
            bucketStart = buckets[b - 1].upperBound
            count -= buckets[b - 1].count
            rank -= buckets[b - 1].count
        }
        return bucketStart + (bucketEnd - bucketStart) * (rank / count)
    }

    /// Merges buckets with the same upper bound by adding their counts.
    private static func coalesce(_ buckets: [Bucket]) -> [Bucket] {
        var result: [Bucket] = []
        result.reserveCapacity(buckets.count)
        var last = buckets[0]
        for bucket in buckets.dropFirst() {
            if bucket.upperBound == last.upperBound {
                last.count += bucket.count
            } else {
                result.append(last)
                last = bucket
            }
        }
        result.append(last)
        return result
    }

    /// Counts must not decrease with the upper bound (they may, through
    /// scrape timing or precision loss); raise them to the running maximum.
    private static func ensureMonotonic(_ buckets: inout [Bucket]) {
        var maximum = -Double.infinity
        for index in buckets.indices {
            if buckets[index].count > maximum {
                maximum = buckets[index].count
            } else if buckets[index].count < maximum {
                buckets[index].count = maximum
            }
        }
    }
}
