/// The last value each series logged in the current WAL segment, so a
/// sample is written as the difference from its predecessor (a counter
/// that grew by 15 costs one byte instead of three or nine).
///
/// Scoped to one segment on both sides: the writer resets it whenever a
/// segment starts and replay starts each segment with an empty one, so a
/// segment decodes on its own, whatever checkpoints deleted before it.
/// Open addressing on the series id (ids never equal `UInt32.max`).
struct WALValueTable {
    private static let empty = UInt32.max
    private var keys: [UInt32]
    private var values: [UInt64]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: Self.empty, count: size)
        values = Array(repeating: 0, count: size)
        mask = size - 1
    }

    /// Forgets every series (a new segment begins); keeps the capacity.
    mutating func reset() {
        guard count > 0 else { return }
        for index in keys.indices { keys[index] = Self.empty }
        count = 0
    }

    /// Stores `bits` as the series' value and returns the one it replaces
    /// (the bits of 0.0 when the series has none yet in this segment).
    @inline(__always)
    mutating func exchange(_ id: UInt32, _ bits: UInt64) -> UInt64 {
        let index = slot(id)
        let previous = values[index]
        values[index] = bits
        return previous
    }

    /// Where `id`'s value lives (added as 0.0 when new), valid until the
    /// next `slot` call.
    @inline(__always)
    mutating func slot(_ id: UInt32) -> Int {
        if (count &+ 1) &* 2 > keys.count { grow() }
        var index = Self.home(id) & mask
        while true {
            let key = keys[index]
            if key == id { return index }
            if key == Self.empty {
                keys[index] = id
                values[index] = 0
                count &+= 1
                return index
            }
            index = (index &+ 1) & mask
        }
    }

    subscript(slot: Int) -> UInt64 {
        get { values[slot] }
        set { values[slot] = newValue }
    }

    @inline(__always)
    private static func home(_ id: UInt32) -> Int {
        Int(truncatingIfNeeded: (UInt64(id) &* 0x9E37_79B9_7F4A_7C15) &>> 32)
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = Array(repeating: Self.empty, count: oldKeys.count * 2)
        values = Array(repeating: 0, count: oldKeys.count * 2)
        mask = keys.count - 1
        for index in oldKeys.indices where oldKeys[index] != Self.empty {
            var slot = Self.home(oldKeys[index]) & mask
            while keys[slot] != Self.empty { slot = (slot &+ 1) & mask }
            keys[slot] = oldKeys[index]
            values[slot] = oldValues[index]
        }
    }
}
