/// Header at the start of every chunk block; the XOR bit stream follows it.
///
/// A chunk is one malloc'd block (header + data) so a series' chunks are a
/// short linked list from the newest (the head, appended in place) to the
/// oldest; retention frees whole blocks from the old end.
struct ChunkHeader {
    /// The next older chunk of the same series.
    var older: UnsafeMutableRawPointer?
    var minTime: Int64
    var maxTime: Int64
    /// Bits of the stream in use.
    var bitCount: UInt32
    /// Bytes of data after the header (the stream plus zeroed slack) of a
    /// head; 0 for a sealed chunk, which lives in its shard's arena.
    var capacity: UInt16
    var sampleCount: UInt16
    /// Where decoding may resume without starting over (see `ChunkCheckpoint`).
    var checkpoints: ChunkCheckpoints
}

/// Decoder state after some sample, so a query for the last minutes of a
/// chunk decodes a few samples instead of up to 120 (recent windows are what
/// rules and autoscaling ask for, over and over).
struct ChunkCheckpoint: Equatable {
    /// Index of the sample decoding resumes at.
    var index: Int
    var bitOffset: Int
    /// Time of the sample before `index`, minus the chunk's `minTime`.
    var timeOffset: UInt32
    var delta: UInt32
    var value: UInt64
    var leading: UInt8
    var trailing: UInt8

    /// Packs into 32 bits (bit offset 14, leading 5, trailing 6, index 7);
    /// nil when a field does not fit (pathological chunks just skip it).
    var packed: UInt32? {
        guard index >= 2, index < 128, bitOffset > 0, bitOffset < 1 << 14, leading < 32, trailing < 64 else { return nil }
        return UInt32(bitOffset) | UInt32(leading) &<< 14 | UInt32(trailing) &<< 19 | UInt32(index) &<< 25
    }

    init(index: Int, bitOffset: Int, timeOffset: UInt32, delta: UInt32, value: UInt64, leading: UInt8, trailing: UInt8) {
        self.index = index
        self.bitOffset = bitOffset
        self.timeOffset = timeOffset
        self.delta = delta
        self.value = value
        self.leading = leading
        self.trailing = trailing
    }

    init(packed: UInt32, timeOffset: UInt32, delta: UInt32, value: UInt64) {
        self.init(
            index: Int(packed &>> 25), bitOffset: Int(packed & 0x3FFF), timeOffset: timeOffset, delta: delta,
            value: value, leading: UInt8(truncatingIfNeeded: (packed &>> 14) & 0x1F),
            trailing: UInt8(truncatingIfNeeded: (packed &>> 19) & 0x3F)
        )
    }
}

/// Two checkpoint slots in 40 bytes: slot 0 is written by the appender at
/// sample 60; slot 1 moves forward only: the appender sets it at samples 80
/// and 100, and queries at the last sample before the window they asked for,
/// so the next evaluation of the same rule starts right there. The stream
/// itself stays a plain Prometheus XOR stream.
struct ChunkCheckpoints {
    static let fixedIndex = 60

    private var values: (UInt64, UInt64) = (0, 0)
    private var times: (UInt32, UInt32) = (0, 0)
    private var deltas: (UInt32, UInt32) = (0, 0)
    /// 0 = empty slot.
    private var packed: (UInt32, UInt32) = (0, 0)

    init() {}

    var fixed: ChunkCheckpoint? {
        packed.0 == 0 ? nil : ChunkCheckpoint(packed: packed.0, timeOffset: times.0, delta: deltas.0, value: values.0)
    }

    var cached: ChunkCheckpoint? {
        packed.1 == 0 ? nil : ChunkCheckpoint(packed: packed.1, timeOffset: times.1, delta: deltas.1, value: values.1)
    }

    var cachedIndex: Int { Int(packed.1 &>> 25) }

    mutating func setFixed(_ checkpoint: ChunkCheckpoint) {
        guard let bits = checkpoint.packed else { return }
        (values.0, times.0, deltas.0, packed.0) = (checkpoint.value, checkpoint.timeOffset, checkpoint.delta, bits)
    }

    mutating func setCached(_ checkpoint: ChunkCheckpoint) {
        guard let bits = checkpoint.packed else { return }
        (values.1, times.1, deltas.1, packed.1) = (checkpoint.value, checkpoint.timeOffset, checkpoint.delta, bits)
    }
}

/// Allocation and sizing of chunk blocks.
enum Chunk {
    /// Prometheus cuts a head chunk at 120 samples: about the point where
    /// compression stops improving and decoding cost per query keeps growing.
    static let samplesPerChunk = 120
    static let headerSize = MemoryLayout<ChunkHeader>.stride
    /// Free bytes a head must have before one more sample: the worst sample is
    /// 20 bytes and its last field's 64-bit write may reach 8 bytes past its
    /// start (readers' 8-byte loads stay within that).
    static let appendSlack = 28
    /// Readers load whole 64-bit words, so a sealed chunk keeps 8 zero bytes.
    static let readPadding = 8
    static let maxCapacity = Int(UInt16.max)
    /// malloc's per-block overhead on glibc (for memory estimates).
    static let mallocOverhead = 8

    @inline(__always)
    static func header(_ block: UnsafeMutableRawPointer) -> UnsafeMutablePointer<ChunkHeader> {
        block.assumingMemoryBound(to: ChunkHeader.self)
    }

    @inline(__always)
    static func data(_ block: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer {
        block + headerSize
    }

    /// Data capacity that fills a glibc malloc chunk exactly (16n + 8 bytes).
    static func fittedCapacity(atLeast bytes: Int) -> Int {
        let total = headerSize + bytes
        let rounded = ((total + 8 + 15) / 16) * 16 - 8
        return min(rounded - headerSize, maxCapacity)
    }

    /// A new empty chunk with zeroed data.
    static func allocate(capacity: Int, older: UnsafeMutableRawPointer?, time: Int64) -> UnsafeMutableRawPointer {
        let block = UnsafeMutableRawPointer.allocate(byteCount: headerSize + capacity, alignment: 16)
        block.bindMemory(to: ChunkHeader.self, capacity: 1).initialize(to: ChunkHeader(
            older: older, minTime: time, maxTime: time, bitCount: 0,
            capacity: UInt16(capacity), sampleCount: 0, checkpoints: ChunkCheckpoints()
        ))
        data(block).initializeMemory(as: UInt8.self, repeating: 0, count: capacity)
        return block
    }

    /// Moves a chunk to a block of `capacity` data bytes (growing a head, or
    /// shrinking a sealed chunk to fit). Returns the new block.
    static func resize(_ block: UnsafeMutableRawPointer, capacity: Int) -> UnsafeMutableRawPointer {
        let old = header(block).pointee
        let used = (Int(old.bitCount) + 7) / 8
        let moved = UnsafeMutableRawPointer.allocate(byteCount: headerSize + capacity, alignment: 16)
        var head = old
        head.capacity = UInt16(capacity)
        moved.bindMemory(to: ChunkHeader.self, capacity: 1).initialize(to: head)
        data(moved).copyMemory(from: data(block), byteCount: used)
        (data(moved) + used).initializeMemory(as: UInt8.self, repeating: 0, count: capacity - used)
        block.deallocate()
        return moved
    }

    @inline(__always)
    static func isSealed(_ block: UnsafeMutableRawPointer) -> Bool {
        header(block).pointee.capacity == 0
    }

    /// Arena bytes of a sealed chunk: header, stream, read padding, 16-aligned.
    static func sealedSize(streamBytes: Int) -> Int {
        (headerSize + streamBytes + readPadding + 15) & ~15
    }

    /// Bytes of the block including malloc overhead (for memory estimates).
    static func footprint(capacity: Int) -> Int {
        headerSize + capacity + mallocOverhead
    }
}
