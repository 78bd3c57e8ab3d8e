/// Variable-length keys of 32-bit ids → dense group numbers, with open
/// addressing over one flat key store (no allocation per key).
struct GroupKeyTable {
    private var slots = [Int32](repeating: -1, count: 16)
    private var hashes: [UInt64] = []
    private var words: [UInt32] = []
    private var starts: [Int] = [0]

    var count: Int { hashes.count }

    /// The group of `key`, created (numbered `count`) when new.
    mutating func findOrInsert(_ key: UnsafeBufferPointer<UInt32>) -> (group: Int, isNew: Bool) {
        let hash = Self.hash(key)
        let mask = slots.count &- 1
        var index = Int(truncatingIfNeeded: hash) & mask
        while true {
            let slot = slots[index]
            if slot < 0 { break }
            if hashes[Int(slot)] == hash && matches(Int(slot), key) { return (Int(slot), false) }
            index = (index &+ 1) & mask
        }
        let group = hashes.count
        slots[index] = Int32(truncatingIfNeeded: group)
        hashes.append(hash)
        words.append(contentsOf: key)
        starts.append(words.count)
        if hashes.count &* 2 > slots.count { grow() }
        return (group, true)
    }

    @inline(__always)
    private func matches(_ group: Int, _ key: UnsafeBufferPointer<UInt32>) -> Bool {
        let start = starts[group]
        guard starts[group + 1] - start == key.count else { return false }
        for offset in 0 ..< key.count where words[start + offset] != key[offset] { return false }
        return true
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (group, hash) in hashes.enumerated() {
            var index = Int(truncatingIfNeeded: hash) & mask
            while slots[index] >= 0 { index = (index + 1) & mask }
            slots[index] = Int32(truncatingIfNeeded: group)
        }
    }

    @inline(__always)
    private static func hash(_ key: UnsafeBufferPointer<UInt32>) -> UInt64 {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for word in key {
            state = (state ^ UInt64(word)) &* 0xBF58_476D_1CE4_E5B9
            state ^= state &>> 29
        }
        return state
    }
}
