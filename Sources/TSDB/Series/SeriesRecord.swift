/// One series in a shard: identity, label symbols, chunk list and the head
/// chunk's appender state.
///
/// A plain 56-byte struct of pointers and integers so the shard's record
/// array is one flat block that the hot path updates in place without
/// reference counting. `@unchecked Sendable`: copies only travel within a
/// shard's critical section, where its pointers are valid.
struct SeriesRecord: XORAppendState, @unchecked Sendable {
    var hash: UInt64
    /// `labelCount` (name, value) symbol id pairs, sorted by name.
    var labels: UnsafeMutablePointer<UInt32>
    /// Newest chunk; each chunk links to the next older one.
    var head: UnsafeMutableRawPointer?
    var lastTime: Int64 = 0
    var lastDelta: Int64 = 0
    var lastValue: UInt64 = 0
    var id: UInt32
    var labelCount: UInt16
    var leading: UInt8 = 0xFF
    var trailing: UInt8 = 0

    init(hash: UInt64, labels: UnsafeMutablePointer<UInt32>, id: UInt32, labelCount: UInt16) {
        self.hash = hash
        self.labels = labels
        self.id = id
        self.labelCount = labelCount
    }

    var labelSymbols: UnsafeBufferPointer<UInt32> {
        UnsafeBufferPointer(start: labels, count: Int(labelCount) * 2)
    }

    /// Time of the oldest sample held (walks the short chunk list).
    var minTime: Int64 {
        var chunk = head
        var time = lastTime
        while let block = chunk {
            time = Chunk.header(block).pointee.minTime
            chunk = Chunk.header(block).pointee.older
        }
        return time
    }

    var maxTime: Int64 { lastTime }
}

/// Where a series lives: its shard and its local number there.
///
/// Series ids are `local << shardBits | shard`, so a query holding an id goes
/// straight to the shard, and ids are never reused (a query that resolved an
/// id before the series was removed simply does not find it).
enum SeriesID {
    @inline(__always)
    static func shard(_ id: UInt32, mask: UInt32) -> Int { Int(id & mask) }

}
