/// Per-shard storage for series' label symbol arrays.
///
/// Label arrays live as long as their series, so taking them from malloc
/// would scatter long-lived 64-byte blocks among the growing head chunks and
/// pin the holes those leave. Here they are carved from 16 KiB pages, with a
/// free list per length for reuse after series removal; no per-array header.
struct LabelPool: ~Copyable {
    static let pageWords = 4096
    /// Arrays longer than this come from malloc.
    static let maxPooledWords = 128

    private var pages: [UnsafeMutablePointer<UInt32>] = []
    private var used = LabelPool.pageWords
    private var free: [[UnsafeMutablePointer<UInt32>]] = Array(repeating: [], count: LabelPool.maxPooledWords + 1)
    private(set) var allocatedBytes = 0

    init() {}

    deinit {
        for page in pages { page.deallocate() }
    }

    mutating func allocate(words: Int) -> UnsafeMutablePointer<UInt32> {
        let words = max(words, 1)
        guard words <= LabelPool.maxPooledWords else {
            allocatedBytes += words * 4 + 16
            return .allocate(capacity: words)
        }
        if let reused = free[words].popLast() { return reused }
        if used + words > LabelPool.pageWords {
            pages.append(.allocate(capacity: LabelPool.pageWords))
            used = 0
            allocatedBytes += LabelPool.pageWords * 4
        }
        guard let page = pages.last else { return .allocate(capacity: words) }
        let block = page + used
        used += words
        return block
    }

    mutating func release(_ block: UnsafeMutablePointer<UInt32>, words: Int) {
        let words = max(words, 1)
        guard words <= LabelPool.maxPooledWords else {
            allocatedBytes -= words * 4 + 16
            block.deallocate()
            return
        }
        free[words].append(block)
    }
}
