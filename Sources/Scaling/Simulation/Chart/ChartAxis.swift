import Foundation

/// A linear axis: maps data values onto a pixel range and picks round tick
/// values (1-2-5 steps for values, clock-friendly steps for time).
struct ChartAxis {
    var lower: Double
    var upper: Double
    var pixelStart: Double
    var pixelEnd: Double
    var ticks: [Double]
    var step: Double

    func pixel(_ value: Double) -> Double {
        pixelStart + (value - lower) / (upper - lower) * (pixelEnd - pixelStart)
    }

    /// A value axis spanning `values` and always 0, so a small change in a
    /// flat series does not look like a cliff; widened to round ticks.
    static func values(_ values: [Double], pixels: (Double, Double), tickCount: Int = 5) -> ChartAxis {
        // Clamped so that no arithmetic below can overflow to ±Inf.
        let usable = values.filter(\.isFinite).map { min(max($0, -1e300), 1e300) }
        var low = min(usable.min() ?? 0, 0)
        var high = usable.max() ?? 1
        if high <= low { high = low + 1 }
        high += (high - low) * 0.05
        let step = roundStep((high - low) / Double(tickCount))
        low = (low / step).rounded(.down) * step
        high = (high / step).rounded(.up) * step
        let count = Int(((high - low) / step).rounded())
        let ticks = (0...count).map { low + Double($0) * step }
        return ChartAxis(lower: low, upper: high, pixelStart: pixels.0, pixelEnd: pixels.1, ticks: ticks, step: step)
    }

    /// A time axis from `start` to `end` with ticks at whole clock steps after `start`.
    static func time(start: Double, end: Double, pixels: (Double, Double)) -> ChartAxis {
        let span = max(end - start, 1)
        let steps: [Double] = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400]
        let step = steps.first { span / $0 <= 8 } ?? roundStep(span / 8 / 86_400) * 86_400
        let count = Int((span / step).rounded(.down))
        let ticks = (0...count).map { start + Double($0) * step }
        return ChartAxis(lower: start, upper: start + span, pixelStart: pixels.0, pixelEnd: pixels.1, ticks: ticks, step: step)
    }

    /// 1, 2 or 5 times a power of ten, at least `raw`.
    static func roundStep(_ raw: Double) -> Double {
        guard raw.isFinite, raw > 0 else { return 1 }
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let normalized = raw / magnitude
        let factor: Double = normalized <= 1 ? 1 : normalized <= 2 ? 2 : normalized <= 5 ? 5 : 10
        return factor * magnitude
    }

    /// Tick label with as many decimals as the step needs (`0.25`, `1500`),
    /// SI-abbreviated once steps reach thousands (`2k`, `2.5M`).
    func label(_ value: Double) -> String {
        if step >= 1000 {
            for (suffix, factor) in [("G", 1e9), ("M", 1e6), ("k", 1e3)] where abs(value) >= factor {
                return NumberText.compact(value / factor) + suffix
            }
        }
        let decimals = max(0, Int((-log10(step) - 1e-9).rounded(.up)))
        return NumberText.fixed(value, decimals)
    }
}
