import TSDB

/// Slides a range function's window over one series' samples, step by
/// step, with a reusable buffer for series that hold stale markers.
struct WindowScratch {
    private var filtered: [Sample] = []

    /// Calls `emit(step, value)` for every step whose window
    /// `[ref - range, ref]` has samples and a function value. `samples` must
    /// hold every sample the windows may need (more is fine); stale markers
    /// are dropped first, as Prometheus does.
    @inline(__always)
    mutating func forEachWindow(
        _ function: RangeFunction, _ samples: UnsafeBufferPointer<Sample>, _ argument: Evaluator.RangeArgument,
        _ scalarArgs: [[Double]], _ grid: StepGrid, _ emit: (Int, Double) throws -> Void
    ) throws {
        guard Self.containsStaleMarker(samples) else {
            try Self.slide(function, samples, argument, scalarArgs, grid, emit)
            return
        }
        filtered.removeAll(keepingCapacity: true)
        for sample in samples where !StaleMarker.isStale(sample.value) { filtered.append(sample) }
        try filtered.withUnsafeBufferPointer { clean in
            try Self.slide(function, clean, argument, scalarArgs, grid, emit)
        }
    }

    @inline(__always)
    private static func containsStaleMarker(_ samples: UnsafeBufferPointer<Sample>) -> Bool {
        for sample in samples where StaleMarker.isStale(sample.value) { return true }
        return false
    }

    @inline(__always)
    private static func slide(
        _ function: RangeFunction, _ samples: UnsafeBufferPointer<Sample>, _ argument: Evaluator.RangeArgument,
        _ scalarArgs: [[Double]], _ grid: StepGrid, _ emit: (Int, Double) throws -> Void
    ) throws {
        // The first window is found by binary search, later ones by sliding.
        let firstStart = argument.span(grid).firstStart
        var low = samples.count > 8 ? Evaluator.lastIndex(samples, atOrBefore: firstStart.minus(1)) + 1 : 0
        var high = low
        for step in 0..<grid.count {
            let time = grid.time(step)
            let ref = argument.pinned ?? time.minus(argument.offset)
            let start = ref.minus(argument.range)
            while low < samples.count && samples[low].timestamp < start { low += 1 }
            if high < low { high = low }
            if samples.count > 0 && samples[samples.count - 1].timestamp <= ref {
                high = samples.count // the window reaches the last sample (instant queries)
            } else {
                while high < samples.count && samples[high].timestamp <= ref { high += 1 }
            }
            if high == low { continue }
            let context = RangeFunction.Context(
                stepTime: time, rangeStart: start, rangeEnd: ref, range: argument.range,
                scalars: (scalarArgs.first?[step] ?? 0, scalarArgs.count > 1 ? scalarArgs[1][step] : 0))
            let window = UnsafeBufferPointer(rebasing: samples[low..<high])
            if let value = try function.evaluate(window, context) {
                try emit(step, value)
            }
        }
    }
}
