/// An open-addressing table of (32-bit tag, record slot) entries.
///
/// Linear probing over one flat array of `UInt64`s: a lookup touches one or
/// two cache lines. Several entries may share a tag (or a whole 64-bit hash):
/// probing simply continues, which is how hash collisions chain. Deletion
/// shifts entries back instead of leaving tombstones.
struct SlotTable {
    private(set) var entries: ContiguousArray<UInt64>
    private(set) var count = 0

    init(capacity: Int = 16) {
        entries = ContiguousArray(repeating: 0, count: capacity)
    }

    var mask: Int { entries.count &- 1 }

    @inline(__always)
    static func entry(tag: UInt32, slot: Int) -> UInt64 {
        UInt64(tag) &<< 32 | UInt64(UInt32(truncatingIfNeeded: slot &+ 1))
    }

    @inline(__always)
    static func slot(_ entry: UInt64) -> Int { Int(entry & 0xFFFF_FFFF) &- 1 }

    @inline(__always)
    static func tag(_ entry: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: entry &>> 32) }

    /// Keeps the load at or below 70 %, rehashing with `home`.
    mutating func reserveOne(home: (UInt64) -> Int) {
        guard (count &+ 1) &* 10 > entries.count &* 7 else { return }
        let old = entries
        entries = ContiguousArray(repeating: 0, count: old.count &* 2)
        let mask = self.mask
        for entry in old where entry != 0 {
            var index = home(entry) & mask
            while entries[index] != 0 { index = (index &+ 1) & mask }
            entries[index] = entry
        }
    }

    /// Call `reserveOne` first.
    mutating func insert(_ entry: UInt64, home: Int) {
        let mask = self.mask
        var index = home & mask
        while entries[index] != 0 { index = (index &+ 1) & mask }
        entries[index] = entry
        count &+= 1
    }

    mutating func remove(_ entry: UInt64, home: (UInt64) -> Int) {
        let mask = self.mask
        var index = home(entry) & mask
        while entries[index] != entry {
            if entries[index] == 0 { return }
            index = (index &+ 1) & mask
        }
        var hole = index
        var next = (hole &+ 1) & mask
        while entries[next] != 0 {
            let ideal = home(entries[next]) & mask
            if (hole &- ideal) & mask < (next &- ideal) & mask {
                entries[hole] = entries[next]
                hole = next
            }
            next = (next &+ 1) & mask
        }
        entries[hole] = 0
        count &-= 1
    }

    var allocatedBytes: Int { entries.count * 8 }
}
