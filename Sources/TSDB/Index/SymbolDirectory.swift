/// One interned label string: its exact bytes (identity) and a Swift `String`
/// (made once, handed out to queries by copy).
struct SymbolEntry {
    var bytes: UnsafeMutableRawPointer
    var length: Int32
    /// How many series labels (names and values) point at this symbol.
    var references: UInt32
    var string: String
}

/// Symbol id → entry, in memory that never moves.
///
/// Synchronisation contract (why this is `@unchecked Sendable`): entries are
/// written only under the index lock, when a symbol is created or freed. A
/// symbol is created before any series that uses it is published in a shard,
/// and freed only after every such series has left its shard, so a thread
/// holding a shard lock may read the entries of that shard's live series
/// without the index lock. Pages are fixed-size and never reallocated, so a
/// concurrent creation cannot move an entry under a reader.
final class SymbolDirectory: @unchecked Sendable {
    static let pageBits = 12
    static let pageSize = 1 << pageBits
    static let maxPages = 1 << 16
    /// 2^28 distinct live symbols.
    static let capacity = maxPages * pageSize

    private let pages: UnsafeMutablePointer<UnsafeMutablePointer<SymbolEntry>>
    /// Pages allocated so far (index lock).
    private var pageCount = 0

    init() {
        // Left uninitialised: only slots below `pageCount` are ever read.
        pages = .allocate(capacity: SymbolDirectory.maxPages)
    }

    /// Frees the entries below `highWater` that are in use; `free` marks freed ids.
    func destroy(highWater: Int, isFree: (UInt32) -> Bool) {
        for id in 0 ..< highWater where !isFree(UInt32(id)) {
            let entry = self.entry(UInt32(id))
            entry.pointee.bytes.deallocate()
            entry.deinitialize(count: 1)
        }
        for page in 0 ..< pageCount {
            pages[page].deallocate()
        }
        pages.deallocate()
    }

    @inline(__always)
    func entry(_ id: UInt32) -> UnsafeMutablePointer<SymbolEntry> {
        pages[Int(id >> UInt32(SymbolDirectory.pageBits))] + Int(id & UInt32(SymbolDirectory.pageSize - 1))
    }

    @inline(__always)
    func bytes(_ id: UInt32) -> UnsafeRawBufferPointer {
        let entry = self.entry(id)
        return UnsafeRawBufferPointer(start: entry.pointee.bytes, count: Int(entry.pointee.length))
    }

    @inline(__always)
    func string(_ id: UInt32) -> String {
        entry(id).pointee.string
    }

    /// Index lock only. Makes sure the page holding `id` exists.
    func ensurePage(for id: UInt32) {
        let page = Int(id >> UInt32(SymbolDirectory.pageBits))
        while pageCount <= page {
            // Uninitialised too: an entry is initialised when its symbol is created.
            pages[pageCount] = .allocate(capacity: SymbolDirectory.pageSize)
            pageCount += 1
        }
    }

    var allocatedBytes: Int { pageCount * SymbolDirectory.pageSize * MemoryLayout<SymbolEntry>.stride }
}

/// Byte-wise equality for short strings, without Foundation's `memcmp`.
@inline(__always)
func bytesEqual(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
    let count = a.count
    guard count == b.count else { return false }
    guard count > 0, let pa = a.baseAddress, let pb = b.baseAddress else { return true }
    var i = 0
    while i &+ 8 <= count {
        if pa.loadUnaligned(fromByteOffset: i, as: UInt64.self) != pb.loadUnaligned(fromByteOffset: i, as: UInt64.self) {
            return false
        }
        i &+= 8
    }
    return ByteWords.partial(pa + i, count: count &- i) == ByteWords.partial(pb + i, count: count &- i)
}
