import TSDB

/// An aggregation's accumulators for every group at every step, filled
/// series by series (the streaming path) rather than step by step.
///
/// Each (group, step) slot still receives its samples in series order, so
/// the arithmetic is the step-by-step `Aggregator`'s. The output lists groups
/// as that path would create them: by the first step with a value, then by
/// the first series contributing at that step.
struct StepAccumulators {
    let op: AggregationOperator
    let steps: Int
    private var slots: [Accumulator] = []
    private var filled: [Bool] = []
    /// Per group: first step with a value, and the series that gave it.
    private var firstStep: [Int] = []
    private var firstSeries: [Int] = []

    init(op: AggregationOperator, steps: Int) {
        self.op = op
        self.steps = steps
    }

    @inline(__always)
    mutating func add(_ value: Double, group: Int, step: Int, series: Int) {
        if group >= firstStep.count { addGroups(through: group) }
        let slot = group &* steps &+ step
        if filled[slot] {
            slots[slot].add(op, value)
            return
        }
        slots[slot] = Accumulator(op, first: value)
        filled[slot] = true
        // Series arrive in order: an earlier step wins, a tie keeps the first.
        if step < firstStep[group] {
            firstStep[group] = step
            firstSeries[group] = series
        }
    }

    private mutating func addGroups(through group: Int) {
        let added = group + 1 - firstStep.count
        slots.append(contentsOf: repeatElement(Accumulator(op, first: 0), count: added * steps))
        filled.append(contentsOf: repeatElement(false, count: added * steps))
        firstStep.append(contentsOf: repeatElement(Int.max, count: added))
        firstSeries.append(contentsOf: repeatElement(Int.max, count: added))
    }

    /// The result series, labelled by `labelsOfGroup`.
    func build(_ grid: StepGrid, labelsOfGroup: [Labels]) -> SeriesSet {
        let order = firstStep.indices
            .filter { firstStep[$0] != Int.max }
            .sorted { (firstStep[$0], firstSeries[$0]) < (firstStep[$1], firstSeries[$1]) }
        var result = SeriesSet(reservingSeries: order.count, points: order.count * Swift.min(steps, 16))
        for group in order {
            for step in 0..<steps where filled[group * steps + step] {
                result.points.append(Sample(timestamp: grid.time(step), value: slots[group * steps + step].result(op)))
            }
            result.closeSeries(SeriesMetric(labelsOfGroup[group]))
        }
        return result
    }
}
