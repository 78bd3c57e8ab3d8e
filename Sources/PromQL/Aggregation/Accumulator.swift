/// One group's running value for the aggregations that fold samples one by
/// one (all but topk, bottomk, quantile and count_values), with Prometheus
/// 2.42's arithmetic: plain summation, incremental mean, Welford variance.
///
/// Shared by the step-by-step `Aggregator` and the streaming aggregation so
/// both perform the same floating-point operations in the same order.
struct Accumulator {
    var value: Double
    var mean: Double
    var count: Double

    /// Whether `op` folds with an `Accumulator`.
    static func supports(_ op: AggregationOperator) -> Bool {
        switch op {
        case .sum, .avg, .count, .min, .max, .group, .stddev, .stdvar: return true
        case .topk, .bottomk, .quantile, .countValues: return false
        }
    }

    /// The state after a group's first sample.
    @inline(__always)
    init(_ op: AggregationOperator, first sample: Double) {
        count = 1
        mean = sample
        switch op {
        case .stddev, .stdvar: value = 0
        case .group: value = 1
        default: value = sample
        }
    }

    @inline(__always)
    mutating func add(_ op: AggregationOperator, _ sample: Double) {
        switch op {
        case .sum:
            value += sample
        case .avg:
            count += 1
            let current = mean
            if current.isInfinite {
                if sample.isInfinite && (current > 0) == (sample > 0) { return }
                if !sample.isInfinite && !sample.isNaN { return }
            }
            mean = current + (sample / count - current / count)
        case .group:
            break
        case .max:
            if value < sample || value.isNaN { value = sample }
        case .min:
            if value > sample || value.isNaN { value = sample }
        case .count, .countValues:
            count += 1
        case .stddev, .stdvar:
            count += 1
            let delta = sample - mean
            mean += delta / count
            value += delta * (sample - mean)
        case .topk, .bottomk, .quantile:
            break
        }
    }

    func result(_ op: AggregationOperator) -> Double {
        switch op {
        case .avg: return mean
        case .count, .countValues: return count
        case .stdvar: return value / count
        case .stddev: return (value / count).squareRoot()
        default: return value
        }
    }
}
