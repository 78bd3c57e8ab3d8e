/// What a head chunk needs to append without decoding: the previous sample,
/// the previous timestamp delta and the XOR window (Gorilla paper / Prometheus
/// `xorAppender`). Kept in the series record (which adopts this protocol so
/// its fields pack tightly), not in the chunk.
protocol XORAppendState {
    var lastTime: Int64 { get set }
    var lastDelta: Int64 { get set }
    var lastValue: UInt64 { get set }
    /// 0xFF until the first XOR window is written.
    var leading: UInt8 { get set }
    var trailing: UInt8 { get set }
}

/// A free-standing appender state (tests, tools).
struct AppenderState: XORAppendState {
    var lastTime: Int64 = 0
    var lastDelta: Int64 = 0
    var lastValue: UInt64 = 0
    var leading: UInt8 = 0xFF
    var trailing: UInt8 = 0
}

/// Prometheus XOR chunk encoding, bit for bit (minus its 2-byte count header,
/// which lives in `ChunkHeader`):
/// - sample 0: zig-zag varint timestamp, 64 raw value bits;
/// - sample 1: uvarint timestamp delta, XOR value;
/// - then delta-of-delta in buckets `0` / `10`+14 / `110`+17 / `1110`+20 /
///   `1111`+64 bits, and the XOR value: `0` same value, `10` + meaningful bits
///   inside the previous leading/trailing window, `11` + 5 bits leading + 6
///   bits length (64 written as 0) + meaningful bits.
enum XORChunk {
    /// Appends one sample to `block`, which has `Chunk.appendSlack` free bytes.
    /// Timestamps must increase strictly.
    @inline(__always)
    static func append<State: XORAppendState>(
        _ block: UnsafeMutableRawPointer, _ state: inout State, time: Int64, value: UInt64
    ) {
        let header = Chunk.header(block)
        let data = Chunk.data(block)
        var bits = Int(header.pointee.bitCount)
        let count = header.pointee.sampleCount
        if count >= UInt16(ChunkCheckpoints.fixedIndex) && count % 20 == 0 {
            saveCheckpoint(header, state, index: Int(count), bits: bits)
        }
        if count == 0 {
            BitWriter.writeVarint(data, &bits, time)
            BitWriter.write(data, &bits, value, 64)
            header.pointee.minTime = time
            state.leading = 0xFF
            state.trailing = 0
            state.lastDelta = 0
        } else if count == 1 {
            let delta = time &- state.lastTime
            BitWriter.writeUvarint(data, &bits, UInt64(bitPattern: delta))
            writeValue(data, &bits, value, &state)
            state.lastDelta = delta
        } else {
            let delta = time &- state.lastTime
            let dod = delta &- state.lastDelta
            if dod == 0 {
                BitWriter.write(data, &bits, 0, 1)
            } else if fits(dod, 14) {
                BitWriter.write(data, &bits, 0b10 &<< 14 | (UInt64(bitPattern: dod) & 0x3FFF), 16)
            } else if fits(dod, 17) {
                BitWriter.write(data, &bits, 0b110 &<< 17 | (UInt64(bitPattern: dod) & 0x1_FFFF), 20)
            } else if fits(dod, 20) {
                BitWriter.write(data, &bits, 0b1110 &<< 20 | (UInt64(bitPattern: dod) & 0xF_FFFF), 24)
            } else {
                BitWriter.write(data, &bits, 0b1111, 4)
                BitWriter.write(data, &bits, UInt64(bitPattern: dod), 64)
            }
            writeValue(data, &bits, value, &state)
            state.lastDelta = delta
        }
        state.lastTime = time
        state.lastValue = value
        header.pointee.bitCount = UInt32(bits)
        header.pointee.sampleCount = count &+ 1
        header.pointee.maxTime = time
    }

    /// Sample 60 fills the fixed slot; 80 and 100 move the cache slot forward
    /// (unless a query already moved it further), so even the first query
    /// of a recent window decodes at most ~20 samples before it.
    private static func saveCheckpoint<State: XORAppendState>(
        _ header: UnsafeMutablePointer<ChunkHeader>, _ state: State, index: Int, bits: Int
    ) {
        let offset = state.lastTime &- header.pointee.minTime
        guard offset >= 0, offset <= Int64(UInt32.max), state.lastDelta >= 0, state.lastDelta <= Int64(UInt32.max) else {
            return
        }
        let checkpoint = ChunkCheckpoint(
            index: index, bitOffset: bits, timeOffset: UInt32(offset), delta: UInt32(state.lastDelta),
            value: state.lastValue, leading: state.leading == 0xFF ? 0 : state.leading, trailing: state.trailing
        )
        if index == ChunkCheckpoints.fixedIndex {
            header.pointee.checkpoints.setFixed(checkpoint)
        } else if index > header.pointee.checkpoints.cachedIndex {
            header.pointee.checkpoints.setCached(checkpoint)
        }
    }

    /// Prometheus's `bitRange`: -(2^(n-1) - 1) ... 2^(n-1).
    @inline(__always)
    static func fits(_ x: Int64, _ bits: Int64) -> Bool {
        let half = Int64(1) &<< (bits &- 1)
        return x >= -(half &- 1) && x <= half
    }

    @inline(__always)
    static func writeValue<State: XORAppendState>(
        _ data: UnsafeMutableRawPointer, _ bits: inout Int, _ value: UInt64, _ state: inout State
    ) {
        let delta = value ^ state.lastValue
        if delta == 0 {
            BitWriter.write(data, &bits, 0, 1)
            return
        }
        var leading = UInt8(truncatingIfNeeded: delta.leadingZeroBitCount)
        let trailing = UInt8(truncatingIfNeeded: delta.trailingZeroBitCount)
        if leading >= 32 { leading = 31 }
        if state.leading != 0xFF && leading >= state.leading && trailing >= state.trailing {
            let meaningful = 64 &- Int(state.leading) &- Int(state.trailing)
            BitWriter.write(data, &bits, 0b10, 2)
            BitWriter.write(data, &bits, delta &>> UInt64(state.trailing), meaningful)
            return
        }
        state.leading = leading
        state.trailing = trailing
        let meaningful = 64 &- Int(leading) &- Int(trailing)
        // '11', 5 bits leading, 6 bits length (64 wraps to 0): one 13-bit field.
        let control = UInt64(0b11) &<< 11 | UInt64(leading) &<< 6 | UInt64(meaningful & 63)
        BitWriter.write(data, &bits, control, 13)
        BitWriter.write(data, &bits, delta &>> UInt64(trailing), meaningful)
    }
}
