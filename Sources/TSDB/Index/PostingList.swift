/// Set operations on sorted, duplicate-free series-id lists.
enum PostingList {
    /// Inserts keeping order. New ids land at or near the end (ids grow per
    /// shard), so the search runs from the back.
    static func insert(_ id: UInt32, into list: inout [UInt32]) {
        guard let last = list.last, id < last else {
            if list.last != id { list.append(id) }
            return
        }
        var index = list.count - 1
        while index > 0 && list[index - 1] > id { index -= 1 }
        if index > 0 && list[index - 1] == id { return }
        list.insert(id, at: index)
    }

    /// `list` minus the sorted `removed`, in one pass.
    static func subtract(_ removed: [UInt32], from list: inout [UInt32]) {
        guard !removed.isEmpty, !list.isEmpty else { return }
        var write = 0
        var cursor = 0
        for read in 0 ..< list.count {
            let id = list[read]
            while cursor < removed.count && removed[cursor] < id { cursor += 1 }
            if cursor < removed.count && removed[cursor] == id { continue }
            list[write] = id
            write += 1
        }
        list.removeLast(list.count - write)
    }

    static func intersect(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        let (small, large) = a.count <= b.count ? (a, b) : (b, a)
        var result: [UInt32] = []
        result.reserveCapacity(small.count)
        if small.count * 16 < large.count {
            // Galloping: binary search each id of the short list.
            var low = 0
            for id in small {
                var high = large.count
                while low < high {
                    let mid = (low + high) / 2
                    if large[mid] < id { low = mid + 1 } else { high = mid }
                }
                if low < large.count && large[low] == id { result.append(id) }
            }
            return result
        }
        var i = 0
        var j = 0
        while i < small.count && j < large.count {
            let x = small[i]
            let y = large[j]
            if x == y {
                result.append(x)
                i += 1
                j += 1
            } else if x < y {
                i += 1
            } else {
                j += 1
            }
        }
        return result
    }

    /// Union of lists (sorted, possibly overlapping).
    static func union(_ lists: [[UInt32]]) -> [UInt32] {
        switch lists.count {
        case 0: return []
        case 1: return lists[0]
        case 2: return merge(lists[0], lists[1])
        default:
            var all: [UInt32] = []
            all.reserveCapacity(lists.reduce(0) { $0 + $1.count })
            for list in lists { all.append(contentsOf: list) }
            all.sort()
            var write = 0
            for read in 0 ..< all.count where write == 0 || all[write - 1] != all[read] {
                all[write] = all[read]
                write += 1
            }
            all.removeLast(all.count - write)
            return all
        }
    }

    static func merge(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var result: [UInt32] = []
        result.reserveCapacity(a.count + b.count)
        var i = 0
        var j = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                result.append(a[i])
                i += 1
                j += 1
            } else if a[i] < b[j] {
                result.append(a[i])
                i += 1
            } else {
                result.append(b[j])
                j += 1
            }
        }
        result.append(contentsOf: a[i...])
        result.append(contentsOf: b[j...])
        return result
    }
}
