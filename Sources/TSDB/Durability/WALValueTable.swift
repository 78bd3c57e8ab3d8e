/// The last value each series logged in the current WAL segment, so a
/// sample is written as the difference from its predecessor (a counter
/// that grew by 15 costs one byte instead of three or nine).
///
/// Scoped to one segment on both sides: the writer resets it whenever a
/// segment starts and replay starts each segment with an empty one, so a
/// segment decodes on its own, whatever checkpoints deleted before it.
///
/// Open addressing on the id's own bits, the store shard first: each store
/// shard gets a region, in which its series sit in id order. A request's
/// series were mostly created together and come in the same order every
/// time, so within each shard they are neighbours and the walk through a
/// record stays in a few dozen cache lines; a scattering hash (and the raw
/// id, which puts a shard's neighbours 2^shardBits entries apart) measured
/// about 2× slower replay. Ids never equal `UInt32.max` (an empty entry).
struct WALValueTable {
    private struct Entry {
        var id: UInt32
        var bits: UInt64
    }

    private static let empty = Entry(id: .max, bits: 0)
    private var entries: [Entry]
    private var mask: Int
    private var regionBits = 0
    private let shardBits: Int
    private(set) var count = 0

    /// `shardBits` as the store's: ids carry their shard in the low bits.
    init(capacity: Int = 1024, shardBits: Int = 0) {
        self.shardBits = shardBits
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        entries = Array(repeating: Self.empty, count: size)
        mask = size - 1
        regionBits = max(size.trailingZeroBitCount - shardBits, 0)
    }

    @inline(__always)
    private func home(_ id: UInt32) -> Int {
        let id = Int(id)
        return ((id &>> shardBits) | ((id & ((1 &<< shardBits) &- 1)) &<< regionBits)) & mask
    }

    /// Forgets every series (a new segment begins); keeps the capacity.
    mutating func reset() {
        guard count > 0 else { return }
        for index in entries.indices { entries[index] = Self.empty }
        count = 0
    }

    /// Stores `bits` as the series' value and returns the one it replaces
    /// (the bits of 0.0 when the series has none yet in this segment).
    @inline(__always)
    mutating func exchange(_ id: UInt32, _ bits: UInt64) -> UInt64 {
        let index = slot(id)
        let previous = entries[index].bits
        entries[index].bits = bits
        return previous
    }

    /// Where `id`'s value lives (added as 0.0 when new), valid until the
    /// next `slot` call.
    @inline(__always)
    mutating func slot(_ id: UInt32) -> Int {
        if (count &+ 1) &* 2 > entries.count { grow() }
        var index = home(id)
        while true {
            let key = entries[index].id
            if key == id { return index }
            if key == .max {
                entries[index] = Entry(id: id, bits: 0)
                count &+= 1
                return index
            }
            index = (index &+ 1) & mask
        }
    }

    subscript(slot: Int) -> UInt64 {
        get { entries[slot].bits }
        set { entries[slot].bits = newValue }
    }

    private mutating func grow() {
        let old = entries
        entries = Array(repeating: Self.empty, count: old.count * 2)
        mask = entries.count - 1
        regionBits = max(entries.count.trailingZeroBitCount - shardBits, 0)
        for entry in old where entry.id != .max {
            var index = home(entry.id)
            while entries[index].id != .max { index = (index &+ 1) & mask }
            entries[index] = entry
        }
    }
}
