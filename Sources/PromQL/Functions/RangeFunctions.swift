import TSDB

/// Functions over a range vector (`rate(x[5m])`, `avg_over_time(x[1h])`):
/// each turns the samples of one series in one window into at most one value.
enum RangeFunction: Sendable {
    case rate, increase, delta, irate, idelta, deriv, predictLinear, resets, changes
    case avgOverTime, minOverTime, maxOverTime, sumOverTime, countOverTime, lastOverTime
    case presentOverTime, stddevOverTime, stdvarOverTime, quantileOverTime, holtWinters, absentOverTime

    init?(name: String) {
        switch name {
        case "rate": self = .rate
        case "increase": self = .increase
        case "delta": self = .delta
        case "irate": self = .irate
        case "idelta": self = .idelta
        case "deriv": self = .deriv
        case "predict_linear": self = .predictLinear
        case "resets": self = .resets
        case "changes": self = .changes
        case "avg_over_time": self = .avgOverTime
        case "min_over_time": self = .minOverTime
        case "max_over_time": self = .maxOverTime
        case "sum_over_time": self = .sumOverTime
        case "count_over_time": self = .countOverTime
        case "last_over_time": self = .lastOverTime
        case "present_over_time": self = .presentOverTime
        case "stddev_over_time": self = .stddevOverTime
        case "stdvar_over_time": self = .stdvarOverTime
        case "quantile_over_time": self = .quantileOverTime
        case "holt_winters": self = .holtWinters
        case "absent_over_time": self = .absentOverTime
        default: return nil
        }
    }

    /// `last_over_time` acts like an offset and keeps the metric name.
    var keepsMetricName: Bool { self == .lastOverTime }

    /// Everything a window evaluation needs besides the samples.
    struct Context {
        /// The evaluation step's time (used by `predict_linear`).
        var stepTime: Int64
        /// The window `[rangeStart, rangeEnd]` (after offset and `@`).
        var rangeStart: Int64
        var rangeEnd: Int64
        var range: Int64
        /// Scalar arguments at this step, in argument order (excluding the range).
        var scalars: (Double, Double)
    }

    /// The value for one non-empty window (stale markers already removed),
    /// or nil when the function yields nothing.
    func evaluate(_ window: UnsafeBufferPointer<Sample>, _ context: Context) throws -> Double? {
        switch self {
        case .rate: return RangeMath.extrapolatedRate(window, context, isCounter: true, isRate: true)
        case .increase: return RangeMath.extrapolatedRate(window, context, isCounter: true, isRate: false)
        case .delta: return RangeMath.extrapolatedRate(window, context, isCounter: false, isRate: false)
        case .irate: return RangeMath.instantValue(window, isRate: true)
        case .idelta: return RangeMath.instantValue(window, isRate: false)
        case .deriv:
            guard window.count >= 2 else { return nil }
            return RangeMath.linearRegression(window, interceptTime: window[0].timestamp).slope
        case .predictLinear:
            guard window.count >= 2 else { return nil }
            let (slope, intercept) = RangeMath.linearRegression(window, interceptTime: context.stepTime)
            return slope * context.scalars.0 + intercept
        case .resets:
            var resets = 0
            var previous = window[0].value
            for sample in window.dropFirst() {
                if sample.value < previous { resets += 1 }
                previous = sample.value
            }
            return Double(resets)
        case .changes:
            var changes = 0
            var previous = window[0].value
            for sample in window.dropFirst() {
                let current = sample.value
                if current != previous && !(current.isNaN && previous.isNaN) { changes += 1 }
                previous = current
            }
            return Double(changes)
        case .avgOverTime: return RangeMath.average(window)
        case .minOverTime:
            var minimum = window[0].value
            for sample in window where sample.value < minimum || minimum.isNaN { minimum = sample.value }
            return minimum
        case .maxOverTime:
            var maximum = window[0].value
            for sample in window where sample.value > maximum || maximum.isNaN { maximum = sample.value }
            return maximum
        case .sumOverTime:
            var sum = 0.0
            var compensation = 0.0
            for sample in window { RangeMath.kahanAdd(sample.value, &sum, &compensation) }
            return sum.isInfinite ? sum : sum + compensation
        case .countOverTime:
            return Double(window.count)
        case .lastOverTime:
            return window[window.count - 1].value
        case .presentOverTime, .absentOverTime:
            return 1
        case .stddevOverTime:
            return RangeMath.variance(window).squareRoot()
        case .stdvarOverTime:
            return RangeMath.variance(window)
        case .quantileOverTime:
            var values = window.map(\.value)
            return Quantile.ofValues(context.scalars.0, &values)
        case .holtWinters:
            return try RangeMath.holtWinters(window, smoothing: context.scalars.0, trend: context.scalars.1)
        }
    }
}

/// The numerical kernels, written to perform the same floating-point
/// operations in the same order as Prometheus 2.42.
enum RangeMath {
    /// Go's `time.Duration.Seconds()`: whole seconds plus the fraction,
    /// rounded separately (not the same bits as `ms / 1000` in general).
    static func seconds(milliseconds: Int64) -> Double {
        let whole = milliseconds / 1000
        let nanoseconds = (milliseconds % 1000) * 1_000_000
        return Double(whole) + Double(nanoseconds) / 1e9
    }

    /// Neumaier-improved Kahan step (`kahanSumInc`).
    @inline(__always)
    static func kahanAdd(_ increment: Double, _ sum: inout Double, _ compensation: inout Double) {
        let total = sum + increment
        if sum.magnitude >= increment.magnitude {
            compensation += (sum - total) + increment
        } else {
            compensation += (increment - total) + sum
        }
        sum = total
    }

    /// `extrapolatedRate`: the increase between the first and last sample
    /// (with counter resets added back), extrapolated towards the window
    /// edges by at most half an average sample interval, never below zero for
    /// counters, and divided by the range for `rate`.
    static func extrapolatedRate(_ samples: UnsafeBufferPointer<Sample>, _ context: RangeFunction.Context, isCounter: Bool, isRate: Bool) -> Double? {
        guard samples.count >= 2 else { return nil }
        let first = samples[0]
        let last = samples[samples.count - 1]
        var result = last.value - first.value
        if isCounter {
            var previous = first.value
            for index in 1..<samples.count {
                let current = samples[index].value
                if current < previous { result += previous }
                previous = current
            }
        }
        // Wrapping arithmetic: absurd query times give absurd numbers, not traps.
        var durationToStart = Double(first.timestamp &- context.rangeStart) / 1000
        let durationToEnd = Double(context.rangeEnd &- last.timestamp) / 1000
        let sampledInterval = Double(last.timestamp - first.timestamp) / 1000
        let averageDurationBetweenSamples = sampledInterval / Double(samples.count - 1)

        if isCounter && result > 0 && first.value >= 0 {
            // Counters cannot go below zero: don't extrapolate past the point
            // where the counter would have been zero.
            let durationToZero = sampledInterval * (first.value / result)
            if durationToZero < durationToStart { durationToStart = durationToZero }
        }
        let extrapolationThreshold = averageDurationBetweenSamples * 1.1
        var extrapolateToInterval = sampledInterval
        if durationToStart < extrapolationThreshold {
            extrapolateToInterval += durationToStart
        } else {
            extrapolateToInterval += averageDurationBetweenSamples / 2
        }
        if durationToEnd < extrapolationThreshold {
            extrapolateToInterval += durationToEnd
        } else {
            extrapolateToInterval += averageDurationBetweenSamples / 2
        }
        var factor = extrapolateToInterval / sampledInterval
        if isRate { factor /= RangeMath.seconds(milliseconds: context.range) }
        return result * factor
    }

    /// `irate` / `idelta` from the last two samples.
    static func instantValue(_ samples: UnsafeBufferPointer<Sample>, isRate: Bool) -> Double? {
        guard samples.count >= 2 else { return nil }
        let last = samples[samples.count - 1]
        let previous = samples[samples.count - 2]
        var result: Double
        if isRate && last.value < previous.value {
            result = last.value // counter reset
        } else {
            result = last.value - previous.value
        }
        let interval = last.timestamp - previous.timestamp
        if interval == 0 { return nil }
        if isRate { result /= Double(interval) / 1000 }
        return result
    }

    /// Least squares with x in seconds relative to `interceptTime`, Kahan sums.
    static func linearRegression(_ samples: UnsafeBufferPointer<Sample>, interceptTime: Int64) -> (slope: Double, intercept: Double) {
        var n = 0.0
        var sumX = 0.0, cX = 0.0
        var sumY = 0.0, cY = 0.0
        var sumXY = 0.0, cXY = 0.0
        var sumX2 = 0.0, cX2 = 0.0
        let initY = samples[0].value
        var constY = true
        for (index, sample) in samples.enumerated() {
            if constY && index > 0 && sample.value != initY { constY = false }
            n += 1
            let x = Double(sample.timestamp &- interceptTime) / 1e3
            kahanAdd(x, &sumX, &cX)
            kahanAdd(sample.value, &sumY, &cY)
            kahanAdd(x * sample.value, &sumXY, &cXY)
            kahanAdd(x * x, &sumX2, &cX2)
        }
        if constY {
            if initY.isInfinite { return (.nan, .nan) }
            return (0, initY)
        }
        sumX += cX
        sumY += cY
        sumXY += cXY
        sumX2 += cX2
        let covXY = sumXY - sumX * sumY / n
        let varX = sumX2 - sumX * sumX / n
        let slope = covXY / varX
        let intercept = sumY / n - slope * sumX / n
        return (slope, intercept)
    }

    /// `avg_over_time`: incremental mean with Kahan compensation, keeping an
    /// infinite mean once reached (Inf - Inf would give NaN).
    static func average(_ samples: UnsafeBufferPointer<Sample>) -> Double {
        var mean = 0.0
        var count = 0.0
        var compensation = 0.0
        for sample in samples {
            count += 1
            let value = sample.value
            if mean.isInfinite {
                if value.isInfinite && (mean > 0) == (value > 0) { continue }
                if !value.isInfinite && !value.isNaN { continue }
            }
            kahanAdd(value / count - mean / count, &mean, &compensation)
        }
        if mean.isInfinite { return mean }
        return mean + compensation
    }

    /// Population variance, Welford's method with Kahan-compensated mean and sum.
    static func variance(_ samples: UnsafeBufferPointer<Sample>) -> Double {
        var count = 0.0
        var mean = 0.0, cMean = 0.0
        var aux = 0.0, cAux = 0.0
        for sample in samples {
            count += 1
            let delta = sample.value - (mean + cMean)
            kahanAdd(delta / count, &mean, &cMean)
            kahanAdd(delta * (sample.value - (mean + cMean)), &aux, &cAux)
        }
        return (aux + cAux) / count
    }

    static func holtWinters(_ samples: UnsafeBufferPointer<Sample>, smoothing: Double, trend: Double) throws -> Double? {
        if smoothing <= 0 || smoothing >= 1 {
            throw QueryError.execution("invalid smoothing factor. Expected: 0 < sf < 1, got: \(GoFixedFormat.format(smoothing))")
        }
        if trend <= 0 || trend >= 1 {
            throw QueryError.execution("invalid trend factor. Expected: 0 < tf < 1, got: \(GoFixedFormat.format(trend))")
        }
        guard samples.count >= 2 else { return nil }
        var s0 = 0.0
        var s1 = samples[0].value
        var b = samples[1].value - samples[0].value
        for index in 1..<samples.count {
            let x = smoothing * samples[index].value
            if index - 1 != 0 {
                b = trend * (s1 - s0) + (1 - trend) * b
            }
            let y = (1 - smoothing) * (s1 + b)
            s0 = s1
            s1 = x + y
        }
        return s1
    }
}
