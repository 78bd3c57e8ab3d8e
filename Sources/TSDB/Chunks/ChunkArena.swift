/// Where sealed chunks live: 16 KiB pages per shard, filled in seal order.
///
/// Every series seals its head at 120 samples, so without this the malloc
/// heap would interleave long-lived sealed chunks with the holes left by
/// growing heads, and RSS would carry that fragmentation forever. Chunks
/// sealed together are dropped together by retention (same time range), so
/// a page empties as a whole and is freed. Sealed chunks are exactly sized
/// (stream + read padding), with no malloc header.
struct ChunkArena: ~Copyable {
    static let pageSize = 16 * 1024
    /// Page bases, sorted by address (to find a chunk's page when freeing).
    private var bases: [UnsafeMutableRawPointer] = []
    /// Live chunks per page, parallel to `bases`.
    private var live: [Int32] = []
    private var current: UnsafeMutableRawPointer?
    private var used = 0
    private(set) var allocatedBytes = 0

    init() {}

    deinit {
        for base in bases { base.deallocate() }
    }

    /// `byteCount` bytes, 16-byte aligned; chunks are far smaller than a page.
    mutating func allocate(_ byteCount: Int) -> UnsafeMutableRawPointer {
        let size = (byteCount + 15) & ~15
        if current == nil || used + size > ChunkArena.pageSize {
            let page = UnsafeMutableRawPointer.allocate(byteCount: ChunkArena.pageSize, alignment: 16)
            let index = insertionIndex(page)
            bases.insert(page, at: index)
            live.insert(0, at: index)
            current = page
            used = 0
            allocatedBytes += ChunkArena.pageSize
        }
        guard let page = current else { return UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16) }
        let block = page + used
        used += size
        live[pageIndex(of: block)] += 1
        return block
    }

    /// Releases a chunk; its page is freed once nothing in it is alive
    /// (unless it is the page still being filled).
    mutating func free(_ block: UnsafeMutableRawPointer) {
        let index = pageIndex(of: block)
        guard index >= 0 else { return }
        live[index] -= 1
        if live[index] == 0 && bases[index] != current {
            bases[index].deallocate()
            bases.remove(at: index)
            live.remove(at: index)
            allocatedBytes -= ChunkArena.pageSize
        }
    }

    /// Index of the page holding `block` (binary search), or -1.
    private func pageIndex(of block: UnsafeMutableRawPointer) -> Int {
        var low = 0
        var high = bases.count
        while low < high {
            let mid = (low + high) / 2
            if bases[mid] <= block { low = mid + 1 } else { high = mid }
        }
        let index = low - 1
        guard index >= 0, block < bases[index] + ChunkArena.pageSize else { return -1 }
        return index
    }

    private func insertionIndex(_ page: UnsafeMutableRawPointer) -> Int {
        var low = 0
        var high = bases.count
        while low < high {
            let mid = (low + high) / 2
            if bases[mid] < page { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
