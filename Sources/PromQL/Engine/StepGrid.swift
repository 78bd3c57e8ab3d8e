/// The evaluation timestamps of a query: `start`, `start + interval`, …, ≤ `end`.
struct StepGrid: Sendable, Equatable {
    let start: Int64
    let end: Int64
    let interval: Int64
    let count: Int

    init(start: Int64, end: Int64, interval: Int64) {
        self.start = start
        self.end = end
        self.interval = Swift.max(interval, 1)
        let (span, overflow) = end.subtractingReportingOverflow(start)
        if end < start {
            self.count = 0
        } else if overflow {
            self.count = Int.max
        } else {
            self.count = Int(span / self.interval) + 1
        }
    }

    static func instant(_ time: Int64) -> StepGrid {
        StepGrid(start: time, end: time, interval: 1)
    }

    @inline(__always) func time(_ step: Int) -> Int64 {
        start + Int64(step) * interval
    }

    /// The step a point timestamp belongs to (points are always on the grid).
    @inline(__always) func step(of time: Int64) -> Int {
        Int((time - start) / interval)
    }
}
