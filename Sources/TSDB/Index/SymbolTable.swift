/// Interns label names and values so each distinct string is stored once.
///
/// Lives under the index lock. Lookups hash the bytes and compare them with
/// the entries, so finding an existing symbol needs no Swift `String`; a
/// `String` is made only when a symbol is created. Symbols are reference
/// counted by the series that use them and freed when the last one goes, so
/// label churn (pods coming and going) does not leak memory.
struct SymbolTable {
    let directory: SymbolDirectory
    /// Open addressing: 0 = empty, otherwise id + 1.
    private var slots: [UInt32]
    private(set) var count = 0
    private var freeIDs: [UInt32] = []
    /// Ids below this were handed out at least once.
    private(set) var highWater: UInt32 = 0
    private(set) var stringBytes = 0
    /// While a checkpoint is written, freed ids are not handed out again:
    /// it names each symbol by id once and refers to it later by that id,
    /// which must not change its string in between.
    var reuseFrozen = false

    init(directory: SymbolDirectory) {
        self.directory = directory
        self.slots = Array(repeating: 0, count: 1024)
    }

    /// Finds an existing symbol for `bytes`.
    func find(_ bytes: UnsafeRawBufferPointer) -> UInt32? {
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: LabelHash.hash(bytes: bytes)) & mask
        while true {
            let slot = slots[index]
            if slot == 0 { return nil }
            if bytesEqual(directory.bytes(slot - 1), bytes) { return slot - 1 }
            index = (index + 1) & mask
        }
    }

    func find(_ string: String) -> UInt32? {
        var copy = string
        return copy.withUTF8 { find(UnsafeRawBufferPointer($0)) }
    }

    /// Returns the symbol for `bytes` with one more reference, creating it if
    /// needed; nil only when the directory is full.
    mutating func retain(_ bytes: UnsafeRawBufferPointer) -> UInt32? {
        if let id = find(bytes) {
            directory.entry(id).pointee.references += 1
            return id
        }
        guard bytes.count <= Int(Int32.max) else { return nil }
        let id: UInt32
        if !reuseFrozen, let reused = freeIDs.popLast() {
            id = reused
        } else {
            guard Int(highWater) < SymbolDirectory.capacity else { return nil }
            id = highWater
            highWater += 1
            directory.ensurePage(for: id)
        }
        let storage = UnsafeMutableRawPointer.allocate(byteCount: max(bytes.count, 1), alignment: 8)
        if let base = bytes.baseAddress, bytes.count > 0 {
            storage.copyMemory(from: base, byteCount: bytes.count)
        }
        let string = String(decoding: bytes, as: UTF8.self)
        directory.entry(id).initialize(to: SymbolEntry(
            bytes: storage, length: Int32(bytes.count), references: 1, string: string
        ))
        stringBytes += bytes.count
        count += 1
        if count * 2 > slots.count { grow() }
        insertSlot(id)
        return id
    }

    /// One more reference to a symbol the caller knows is alive.
    mutating func retain(id: UInt32) {
        directory.entry(id).pointee.references += 1
    }

    /// Drops one reference; frees the symbol when none is left.
    mutating func release(_ id: UInt32) {
        let entry = directory.entry(id)
        entry.pointee.references -= 1
        guard entry.pointee.references == 0 else { return }
        removeSlot(id)
        stringBytes -= Int(entry.pointee.length)
        entry.pointee.bytes.deallocate()
        entry.deinitialize(count: 1)
        freeIDs.append(id)
        count -= 1
    }

    var estimatedBytes: Int {
        slots.count * 4 + freeIDs.capacity * 4 + directory.allocatedBytes + stringBytes + count * 16
    }

    /// Releases every entry (store deinit).
    func destroy() {
        let free = Set(freeIDs)
        directory.destroy(highWater: Int(highWater)) { free.contains($0) }
    }

    private func home(_ id: UInt32, mask: Int) -> Int {
        Int(truncatingIfNeeded: LabelHash.hash(bytes: directory.bytes(id))) & mask
    }

    private mutating func insertSlot(_ id: UInt32) {
        let mask = slots.count - 1
        var index = home(id, mask: mask)
        while slots[index] != 0 { index = (index + 1) & mask }
        slots[index] = id + 1
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: 0, count: old.count * 2)
        for slot in old where slot != 0 { insertSlot(slot - 1) }
    }

    /// Backward-shift deletion keeps probe chains unbroken without tombstones.
    private mutating func removeSlot(_ id: UInt32) {
        let mask = slots.count - 1
        var index = home(id, mask: mask)
        while slots[index] != id + 1 {
            if slots[index] == 0 { return }
            index = (index + 1) & mask
        }
        var hole = index
        var next = (hole + 1) & mask
        while slots[next] != 0 {
            let ideal = home(slots[next] - 1, mask: mask)
            // Move `next` into the hole unless its home lies cyclically in (hole, next].
            let distanceToNext = (next - ideal) & mask
            let distanceToHole = (hole - ideal) & mask
            if distanceToHole < distanceToNext {
                slots[hole] = slots[next]
                hole = next
            }
            next = (next + 1) & mask
        }
        slots[hole] = 0
    }
}
