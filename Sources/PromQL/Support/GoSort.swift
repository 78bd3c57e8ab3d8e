/// Go's `sort.Sort` (pattern-defeating quicksort, Go 1.19+) and
/// `container/heap`, reproduced step for step.
///
/// Prometheus sorts with comparison functions that are not strict weak
/// orders (NaN compares "less" than everything, including NaN) and relies on
/// unstable sorting for ties, so the exact order of `topk`, `sort()` and the
/// inputs of `quantile` depends on the algorithm. Using the same algorithm
/// gives the same results.
enum GoSort {
    /// `sort.Sort` with `less(a, b)` as `Interface.Less`.
    static func sort<T>(_ data: inout [T], by less: (T, T) -> Bool) {
        let n = data.count
        guard n > 1 else { return }
        let limit = Int.bitWidth - n.leadingZeroBitCount
        withoutActuallyEscaping(less) { less in
            data.withUnsafeMutableBufferPointer { buffer in
                var sorter = Sorter(data: buffer, less: less)
                sorter.pdqsort(0, n, limit)
            }
        }
    }

    private struct Sorter<T> {
        let data: UnsafeMutableBufferPointer<T>
        let less: (T, T) -> Bool

        @inline(__always) func lessAt(_ i: Int, _ j: Int) -> Bool { less(data[i], data[j]) }
        @inline(__always) func swapAt(_ i: Int, _ j: Int) { data.swapAt(i, j) }

        func insertionSort(_ a: Int, _ b: Int) {
            var i = a + 1
            while i < b {
                var j = i
                while j > a && lessAt(j, j - 1) {
                    swapAt(j, j - 1)
                    j -= 1
                }
                i += 1
            }
        }

        func siftDown(_ lo: Int, _ hi: Int, _ first: Int) {
            var root = lo
            while true {
                var child = 2 * root + 1
                if child >= hi { return }
                if child + 1 < hi && lessAt(first + child, first + child + 1) { child += 1 }
                if !lessAt(first + root, first + child) { return }
                swapAt(first + root, first + child)
                root = child
            }
        }

        func heapSort(_ a: Int, _ b: Int) {
            let first = a
            let hi = b - a
            var i = (hi - 1) / 2
            while i >= 0 {
                siftDown(i, hi, first)
                i -= 1
            }
            i = hi - 1
            while i >= 0 {
                swapAt(first, first + i)
                siftDown(0, i, first)
                i -= 1
            }
        }

        enum Hint { case unknown, increasing, decreasing }

        mutating func pdqsort(_ a0: Int, _ b0: Int, _ limit0: Int) {
            var a = a0
            var b = b0
            var limit = limit0
            let maxInsertion = 12
            var wasBalanced = true
            var wasPartitioned = true
            while true {
                let length = b - a
                if length <= maxInsertion {
                    insertionSort(a, b)
                    return
                }
                if limit == 0 {
                    heapSort(a, b)
                    return
                }
                if !wasBalanced {
                    breakPatterns(a, b)
                    limit -= 1
                }
                var (pivot, hint) = choosePivot(a, b)
                if hint == .decreasing {
                    reverseRange(a, b)
                    pivot = (b - 1) - (pivot - a)
                    hint = .increasing
                }
                if wasBalanced && wasPartitioned && hint == .increasing {
                    if partialInsertionSort(a, b) { return }
                }
                if a > 0 && !lessAt(a - 1, pivot) {
                    a = partitionEqual(a, b, pivot)
                    continue
                }
                let (mid, alreadyPartitioned) = partition(a, b, pivot)
                wasPartitioned = alreadyPartitioned
                let leftLength = mid - a
                let rightLength = b - mid
                let balanceThreshold = length / 8
                if leftLength < rightLength {
                    wasBalanced = leftLength >= balanceThreshold
                    pdqsort(a, mid, limit)
                    a = mid + 1
                } else {
                    wasBalanced = rightLength >= balanceThreshold
                    pdqsort(mid + 1, b, limit)
                    b = mid
                }
            }
        }

        func partition(_ a: Int, _ b: Int, _ pivot: Int) -> (Int, Bool) {
            swapAt(a, pivot)
            var i = a + 1
            var j = b - 1
            while i <= j && lessAt(i, a) { i += 1 }
            while i <= j && !lessAt(j, a) { j -= 1 }
            if i > j {
                swapAt(j, a)
                return (j, true)
            }
            swapAt(i, j)
            i += 1
            j -= 1
            while true {
                while i <= j && lessAt(i, a) { i += 1 }
                while i <= j && !lessAt(j, a) { j -= 1 }
                if i > j { break }
                swapAt(i, j)
                i += 1
                j -= 1
            }
            swapAt(j, a)
            return (j, false)
        }

        func partitionEqual(_ a: Int, _ b: Int, _ pivot: Int) -> Int {
            swapAt(a, pivot)
            var i = a + 1
            var j = b - 1
            while true {
                while i <= j && !lessAt(a, i) { i += 1 }
                while i <= j && lessAt(a, j) { j -= 1 }
                if i > j { break }
                swapAt(i, j)
                i += 1
                j -= 1
            }
            return i
        }

        func partialInsertionSort(_ a: Int, _ b: Int) -> Bool {
            let maxSteps = 5
            let shortestShifting = 50
            var i = a + 1
            for _ in 0..<maxSteps {
                while i < b && !lessAt(i, i - 1) { i += 1 }
                if i == b { return true }
                if b - a < shortestShifting { return false }
                swapAt(i, i - 1)
                if i - a >= 2 {
                    var j = i - 1
                    while j >= 1 {
                        if !lessAt(j, j - 1) { break }
                        swapAt(j, j - 1)
                        j -= 1
                    }
                }
                if b - i >= 2 {
                    var j = i + 1
                    while j < b {
                        if !lessAt(j, j - 1) { break }
                        swapAt(j, j - 1)
                        j += 1
                    }
                }
            }
            return false
        }

        func breakPatterns(_ a: Int, _ b: Int) {
            let length = b - a
            guard length >= 8 else { return }
            var random = UInt64(length)
            let modulus = UInt(1) << UInt(Int.bitWidth - length.leadingZeroBitCount)
            let idx = a + (length / 4) * 2 - 1
            for i in 0..<3 {
                random ^= random << 13
                random ^= random >> 7
                random ^= random << 17
                var other = Int(UInt(truncatingIfNeeded: random) & (modulus - 1))
                if other >= length { other -= length }
                swapAt(idx - 1 + i, a + other)
            }
        }

        func choosePivot(_ a: Int, _ b: Int) -> (Int, Hint) {
            let shortestNinther = 50
            let maxSwaps = 4 * 3
            let l = b - a
            var swaps = 0
            var i = a + l / 4 * 1
            var j = a + l / 4 * 2
            var k = a + l / 4 * 3
            if l >= 8 {
                if l >= shortestNinther {
                    i = medianAdjacent(i, &swaps)
                    j = medianAdjacent(j, &swaps)
                    k = medianAdjacent(k, &swaps)
                }
                j = median(i, j, k, &swaps)
            }
            switch swaps {
            case 0: return (j, .increasing)
            case maxSwaps: return (j, .decreasing)
            default: return (j, .unknown)
            }
        }

        func order2(_ a: Int, _ b: Int, _ swaps: inout Int) -> (Int, Int) {
            if lessAt(b, a) {
                swaps += 1
                return (b, a)
            }
            return (a, b)
        }

        func median(_ a0: Int, _ b0: Int, _ c0: Int, _ swaps: inout Int) -> Int {
            var (a, b) = order2(a0, b0, &swaps)
            var c: Int
            (b, c) = order2(b, c0, &swaps)
            _ = c
            (a, b) = order2(a, b, &swaps)
            return b
        }

        func medianAdjacent(_ a: Int, _ swaps: inout Int) -> Int {
            median(a - 1, a, a + 1, &swaps)
        }

        func reverseRange(_ a: Int, _ b: Int) {
            var i = a
            var j = b - 1
            while i < j {
                swapAt(i, j)
                i += 1
                j -= 1
            }
        }
    }
}

/// Go's `container/heap` over an array with an explicit `less`.
enum GoHeap {
    static func push<T>(_ heap: inout [T], _ element: T, less: (T, T) -> Bool) {
        heap.append(element)
        up(&heap, heap.count - 1, less: less)
    }

    @discardableResult
    static func pop<T>(_ heap: inout [T], less: (T, T) -> Bool) -> T {
        let n = heap.count - 1
        heap.swapAt(0, n)
        down(&heap, 0, n, less: less)
        return heap.removeLast()
    }

    private static func up<T>(_ heap: inout [T], _ start: Int, less: (T, T) -> Bool) {
        var j = start
        while true {
            let i = (j - 1) / 2
            if i == j || !less(heap[j], heap[i]) { break }
            heap.swapAt(i, j)
            j = i
        }
    }

    private static func down<T>(_ heap: inout [T], _ i0: Int, _ n: Int, less: (T, T) -> Bool) {
        var i = i0
        while true {
            let j1 = 2 * i + 1
            if j1 >= n || j1 < 0 { break }
            var j = j1
            let j2 = j1 + 1
            if j2 < n && less(heap[j2], heap[j1]) { j = j2 }
            if !less(heap[j], heap[i]) { break }
            heap.swapAt(i, j)
            i = j
        }
    }
}
