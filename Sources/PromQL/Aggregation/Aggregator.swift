/// Per-step accumulators of one aggregation, one slot per group, using
/// Prometheus 2.42's arithmetic (plain summation, incremental mean, Welford
/// variance, Go heaps for topk/bottomk).
struct Aggregator {
    let op: AggregationOperator
    private let grid: StepGrid
    private var step = -1
    private var k = 0
    private var stamp: [Int]
    private var value: [Double]
    private var mean: [Double]
    private var count: [Double]
    private var lists: [[(Double, Int)]]
    private(set) var touchedGroups: [Int] = []

    init(op: AggregationOperator, groupCount: Int, grid: StepGrid) {
        self.op = op
        self.grid = grid
        stamp = [Int](repeating: -1, count: groupCount)
        value = [Double](repeating: 0, count: groupCount)
        mean = [Double](repeating: 0, count: groupCount)
        count = [Double](repeating: 0, count: groupCount)
        let needsLists = op == .topk || op == .bottomk || op == .quantile
        lists = needsLists ? [[(Double, Int)]](repeating: [], count: groupCount) : []
    }

    mutating func beginStep(_ step: Int, k: Int) {
        self.step = step
        self.k = k
        touchedGroups.removeAll(keepingCapacity: true)
    }

    @inline(__always)
    mutating func add(_ sample: Double, series: Int, group: Int) {
        if stamp[group] != step {
            stamp[group] = step
            touchedGroups.append(group)
            count[group] = 1
            mean[group] = sample
            switch op {
            case .stddev, .stdvar: value[group] = 0
            case .group: value[group] = 1
            case .topk, .bottomk, .quantile:
                lists[group].removeAll(keepingCapacity: true)
                lists[group].append((sample, series))
            default: value[group] = sample
            }
            return
        }
        switch op {
        case .sum:
            value[group] += sample
        case .avg:
            count[group] += 1
            let current = mean[group]
            if current.isInfinite {
                if sample.isInfinite && (current > 0) == (sample > 0) { return }
                if !sample.isInfinite && !sample.isNaN { return }
            }
            mean[group] = current + (sample / count[group] - current / count[group])
        case .group:
            break
        case .max:
            if value[group] < sample || value[group].isNaN { value[group] = sample }
        case .min:
            if value[group] > sample || value[group].isNaN { value[group] = sample }
        case .count, .countValues:
            count[group] += 1
        case .stddev, .stdvar:
            count[group] += 1
            let delta = sample - mean[group]
            mean[group] += delta / count[group]
            value[group] += delta * (sample - mean[group])
        case .topk:
            var heap = lists[group]
            lists[group] = []
            if heap.count < k || heap[0].0 < sample || heap[0].0.isNaN {
                if heap.count == k {
                    if heap.count == 1 {
                        heap[0] = (sample, series)
                        lists[group] = heap
                        return
                    }
                    GoHeap.pop(&heap, less: Aggregator.valueLess)
                }
                GoHeap.push(&heap, (sample, series), less: Aggregator.valueLess)
            }
            lists[group] = heap
        case .bottomk:
            var heap = lists[group]
            lists[group] = []
            if heap.count < k || heap[0].0 > sample || heap[0].0.isNaN {
                if heap.count == k {
                    if heap.count == 1 {
                        heap[0] = (sample, series)
                        lists[group] = heap
                        return
                    }
                    GoHeap.pop(&heap, less: Aggregator.reverseValueLess)
                }
                GoHeap.push(&heap, (sample, series), less: Aggregator.reverseValueLess)
            }
            lists[group] = heap
        case .quantile:
            lists[group].append((sample, series))
        }
    }

    /// `vectorByValueHeap.Less`.
    static func valueLess(_ a: (Double, Int), _ b: (Double, Int)) -> Bool {
        a.0.isNaN || a.0 < b.0
    }

    /// `vectorByReverseValueHeap.Less`.
    static func reverseValueLess(_ a: (Double, Int), _ b: (Double, Int)) -> Bool {
        a.0.isNaN || a.0 > b.0
    }

    func result(_ group: Int, quantile q: Double) -> Double {
        switch op {
        case .avg: return mean[group]
        case .count, .countValues: return count[group]
        case .stdvar: return value[group] / count[group]
        case .stddev: return (value[group] / count[group]).squareRoot()
        case .quantile:
            var values = lists[group].map(\.0)
            return Quantile.ofValues(q, &values)
        default: return value[group]
        }
    }

    /// topk/bottomk's kept samples, best first (Go's reverse sort of the heap).
    func rankedEntries(_ group: Int) -> [(Double, Int)] {
        var entries = lists[group]
        if entries.count > 1 {
            if op == .topk {
                GoSort.sort(&entries) { a, b in Aggregator.valueLess(b, a) }
            } else {
                GoSort.sort(&entries) { a, b in Aggregator.reverseValueLess(b, a) }
            }
        }
        return entries
    }
}
