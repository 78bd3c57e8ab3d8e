/// Per-step accumulators of one aggregation, one slot per group, using
/// Prometheus 2.42's arithmetic (`Accumulator`, and Go heaps for
/// topk/bottomk).
struct Aggregator {
    let op: AggregationOperator
    private let grid: StepGrid
    private var step = -1
    private var k = 0
    private var stamp: [Int]
    private var accumulators: [Accumulator]
    private var lists: [[(Double, Int)]]
    private(set) var touchedGroups: [Int] = []

    init(op: AggregationOperator, groupCount: Int, grid: StepGrid) {
        self.op = op
        self.grid = grid
        stamp = [Int](repeating: -1, count: groupCount)
        accumulators = [Accumulator](repeating: Accumulator(.sum, first: 0), count: groupCount)
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
            switch op {
            case .topk, .bottomk, .quantile:
                lists[group].removeAll(keepingCapacity: true)
                lists[group].append((sample, series))
            default:
                accumulators[group] = Accumulator(op, first: sample)
            }
            return
        }
        switch op {
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
        default:
            accumulators[group].add(op, sample)
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
        case .quantile:
            var values = lists[group].map(\.0)
            return Quantile.ofValues(q, &values)
        default: return accumulators[group].result(op)
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
