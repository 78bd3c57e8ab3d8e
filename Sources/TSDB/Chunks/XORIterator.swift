/// Decodes one XOR chunk sample by sample, without allocating.
///
/// Decoding is a serial chain (each field's length depends on its bits), so
/// the upcoming bits are kept in a register and shifted; memory is read only
/// when fewer bits remain than the next field may need.
struct XORIterator {
    private let data: UnsafeRawPointer
    /// Bit position of `buffer`'s first bit.
    private var position = 0
    /// Upcoming bits, left-aligned; `available` of them are valid.
    private var buffer: UInt64 = 0
    private var available = 0
    private let count: Int
    private var index = 0
    private var delta: Int64 = 0
    private var leading: UInt64 = 0
    private var trailing: UInt64 = 0
    private(set) var time: Int64 = 0
    private(set) var valueBits: UInt64 = 0

    init(_ block: UnsafeRawPointer) {
        data = block + Chunk.headerSize
        count = Int(block.assumingMemoryBound(to: ChunkHeader.self).pointee.sampleCount)
    }

    /// Starts at `checkpoint.index`, with the state saved after the sample before it.
    init(_ block: UnsafeRawPointer, resumingAt checkpoint: ChunkCheckpoint, minTime: Int64) {
        self.init(block)
        index = checkpoint.index
        position = checkpoint.bitOffset
        time = minTime &+ Int64(checkpoint.timeOffset)
        delta = Int64(checkpoint.delta)
        valueBits = checkpoint.value
        leading = UInt64(checkpoint.leading)
        trailing = UInt64(checkpoint.trailing)
    }

    /// Where the next `next()` starts, to resume there later; nil before
    /// sample 2 or when the numbers do not fit a checkpoint.
    func checkpoint(chunkMinTime: Int64) -> ChunkCheckpoint? {
        let offset = time &- chunkMinTime
        guard index >= 2, offset >= 0, offset <= Int64(UInt32.max), delta >= 0, delta <= Int64(UInt32.max) else { return nil }
        let checkpoint = ChunkCheckpoint(
            index: index, bitOffset: position, timeOffset: UInt32(offset), delta: UInt32(delta), value: valueBits,
            leading: UInt8(truncatingIfNeeded: leading), trailing: UInt8(truncatingIfNeeded: trailing)
        )
        return checkpoint.packed == nil ? nil : checkpoint
    }

    var nextIndex: Int { index }

    var value: Double { Double(bitPattern: valueBits) }

    /// Advances to the next sample; false at the end of the chunk.
    @inline(__always)
    mutating func next() -> Bool {
        guard index < count else { return false }
        if index >= 2 {
            delta &+= readDeltaOfDelta()
            time &+= delta
            readValue()
        } else if index == 0 {
            refill()
            time = readVarint()
            valueBits = readWide(64)
        } else {
            delta = Int64(bitPattern: readUvarint())
            time &+= delta
            readValue()
        }
        index &+= 1
        return true
    }

    // MARK: bit buffer

    @inline(__always)
    private mutating func refill() {
        let offset = position & 7
        buffer = UInt64(bigEndian: data.loadUnaligned(fromByteOffset: position &>> 3, as: UInt64.self))
            &<< UInt64(offset)
        available = 64 &- offset
    }

    /// Drops `count` (< 64) bits.
    @inline(__always)
    private mutating func consume(_ count: Int) {
        buffer &<<= UInt64(count)
        available &-= count
        position &+= count
    }

    /// Reads `count` bits, 1...64.
    @inline(__always)
    private mutating func readWide(_ count: Int) -> UInt64 {
        if count <= 56 { return readShort(count) }
        let high = readShort(count &- 32)
        return (high &<< 32) | readShort(32)
    }

    /// Reads `count` bits, 1...56.
    @inline(__always)
    private mutating func readShort(_ count: Int) -> UInt64 {
        if available < count { refill() }
        let bits = buffer &>> UInt64(64 &- count)
        consume(count)
        return bits
    }

    @inline(__always)
    private mutating func readUvarint() -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while shift < 70 {
            let byte = readWide(8)
            result |= (byte & 0x7F) &<< shift
            if byte < 0x80 { break }
            shift &+= 7
        }
        return result
    }

    @inline(__always)
    private mutating func readVarint() -> Int64 {
        let zigzag = readUvarint()
        return Int64(bitPattern: zigzag &>> 1) ^ (0 &- Int64(bitPattern: zigzag & 1))
    }

    // MARK: fields

    /// Delta-of-delta buckets, decoded with selects rather than a branch per
    /// bucket: scrape timestamps jitter by a few ms, so `0` and `10` prefixes
    /// alternate unpredictably.
    @inline(__always)
    private mutating func readDeltaOfDelta() -> Int64 {
        if available < 24 { refill() }
        let ones = (~buffer).leadingZeroBitCount
        if ones >= 4 {
            consume(4)
            return Int64(bitPattern: readWide(64))
        }
        // ones: 0 → '0' (dod 0), 1 → '10'+14, 2 → '110'+17, 3 → '1110'+20.
        let size = ((0x14_11_0E_00 as UInt64) &>> UInt64(ones &* 8)) & 0xFF
        let prefix = UInt64(ones &+ 1)
        let mask: UInt64 = size == 0 ? 0 : ~0
        let raw = ((buffer &<< prefix) &>> (64 &- size)) & mask
        // Prometheus: values above 2^(n-1) are negative.
        let half = (UInt64(1) &<< (size &- 1)) | ~mask
        let wrap = raw > half ? UInt64(1) &<< size : 0
        consume(Int(prefix &+ size))
        return Int64(bitPattern: raw &- wrap)
    }

    @inline(__always)
    private mutating func readValue() {
        if available < 13 { refill() }
        let changed = buffer &>> 63
        let fresh = changed & (buffer &>> 62)
        let newLeading = (buffer &>> 57) & 0x1F
        var newMeaningful = (buffer &>> 51) & 0x3F
        newMeaningful = newMeaningful == 0 ? 64 : newMeaningful
        leading = fresh != 0 ? newLeading : leading
        trailing = fresh != 0 ? 64 &- newLeading &- newMeaningful : trailing
        // Control: '0' (1 bit), '10' (2) or '11' + 5 + 6 (13).
        consume(Int(1 &+ changed &+ fresh &* 11))
        guard changed != 0 else { return }
        valueBits ^= readWide(Int(64 &- leading &- trailing)) &<< trailing
    }
}

extension XORChunk {
    /// The latest checkpoint whose sample lies before `minTime` (every
    /// sample before it is older than the window), if any.
    @inline(__always)
    static func checkpoint(_ block: UnsafeRawPointer, before minTime: Int64) -> ChunkCheckpoint? {
        let header = block.assumingMemoryBound(to: ChunkHeader.self).pointee
        var best: ChunkCheckpoint?
        if let fixed = header.checkpoints.fixed, header.minTime &+ Int64(fixed.timeOffset) < minTime { best = fixed }
        if let cached = header.checkpoints.cached, header.minTime &+ Int64(cached.timeOffset) < minTime,
           cached.index > (best?.index ?? 0) {
            best = cached
        }
        return best
    }

    /// The stream bit where `iterator(_:from:)` starts decoding.
    @inline(__always)
    static func resumeBit(_ block: UnsafeRawPointer, from minTime: Int64) -> Int {
        checkpoint(block, before: minTime)?.bitOffset ?? 0
    }

    /// An iterator positioned at `checkpoint(_:before:)`, or at the start.
    @inline(__always)
    static func iterator(_ block: UnsafeRawPointer, from minTime: Int64) -> XORIterator {
        guard let checkpoint = checkpoint(block, before: minTime) else { return XORIterator(block) }
        let header = block.assumingMemoryBound(to: ChunkHeader.self).pointee
        return XORIterator(block, resumingAt: checkpoint, minTime: header.minTime)
    }
}

extension XORChunk {
    /// Saves `iterator`'s position as the chunk's query checkpoint when it
    /// is further along than the one there (caller holds the shard lock).
    @inline(__always)
    static func cacheCheckpoint(_ block: UnsafeMutableRawPointer, _ iterator: XORIterator) {
        let header = Chunk.header(block)
        guard iterator.nextIndex > header.pointee.checkpoints.cachedIndex,
              let checkpoint = iterator.checkpoint(chunkMinTime: header.pointee.minTime)
        else { return }
        header.pointee.checkpoints.setCached(checkpoint)
    }
}
