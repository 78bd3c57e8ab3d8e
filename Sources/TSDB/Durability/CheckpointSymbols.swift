/// How a checkpoint names label strings: each distinct string is written
/// once, where a series first uses it, and referred to by its number after
/// that. Loading then hashes and interns each string once instead of once
/// per series label, which was the largest part of a clean restart.
///
/// A reference is a varint: 0 = a new string follows (length-prefixed) and
/// takes the next number; n > 0 = string number n − 1.
struct CheckpointSymbolWriter {
    /// Checkpoint numbers by store symbol id (−1: not written yet). Store
    /// ids are not reused while a checkpoint is written (`reuseFrozen`).
    private var numbers: [Int32] = []
    private var next: Int32 = 0
    /// Version 1's layout (every string in full), kept so tests can write
    /// what earlier builds wrote.
    let inlineStrings: Bool

    init(inlineStrings: Bool = false) { self.inlineStrings = inlineStrings }

    mutating func write(_ symbol: UInt32, directory: SymbolDirectory, into writer: inout ByteWriter) {
        if inlineStrings {
            writer.string(directory.bytes(symbol))
            return
        }
        let index = Int(symbol)
        if index >= numbers.count {
            numbers.append(contentsOf: repeatElement(-1, count: max(index + 1 - numbers.count, numbers.count, 1024)))
        }
        let known = numbers[index]
        if known >= 0 {
            writer.uvarint(UInt64(known) + 1)
            return
        }
        numbers[index] = next
        next += 1
        writer.uvarint(0)
        writer.string(directory.bytes(symbol))
    }
}

/// The loading side: checkpoint string numbers → store symbols. Each entry
/// holds one reference of its own while loading (`releaseAll` drops them),
/// so a string whose series were all outside retention is freed again.
struct CheckpointSymbolTable {
    static let missing = UInt32.max
    private(set) var symbols: [UInt32] = []
    /// Strings defined in the frame being parsed, interned at its commit.
    private(set) var pending: [UnsafeRawBufferPointer] = []

    /// Numbers defined so far, including the frame being parsed.
    var defined: Int { symbols.count + pending.count }

    /// Version 1 checkpoints (earlier builds) wrote every label string in
    /// full: each is then a definition of its own.
    var inlineStrings = false

    /// Reads one reference; nil when malformed.
    mutating func read(_ reader: inout ByteReader) -> UInt32? {
        if inlineStrings {
            guard let text = reader.string() else { return nil }
            pending.append(text)
            return UInt32(defined - 1)
        }
        guard let reference = reader.uvarint() else { return nil }
        if reference == 0 {
            guard let text = reader.string() else { return nil }
            pending.append(text)
            return UInt32(defined - 1)
        }
        guard reference <= UInt64(defined) else { return nil }
        return UInt32(reference - 1)
    }

    /// Interns the frame's new strings (under the index lock).
    mutating func commit(into table: inout SymbolTable) {
        for text in pending { symbols.append(table.retain(text) ?? Self.missing) }
        pending.removeAll(keepingCapacity: true)
    }

    subscript(number: UInt32) -> UInt32 { symbols[Int(number)] }

    mutating func releaseAll(from table: inout SymbolTable) {
        for symbol in symbols where symbol != Self.missing { table.release(symbol) }
        symbols = []
    }
}
