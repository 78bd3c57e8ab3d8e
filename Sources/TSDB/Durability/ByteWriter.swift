/// A growable byte buffer with the few encodings the WAL and checkpoints use
/// (little-endian fixed widths, LEB128 varints, zigzag for signed deltas).
///
/// Reused across records (`removeAll` keeps the capacity), so steady-state
/// logging allocates nothing.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    var count: Int { bytes.count }

    mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    @inline(__always)
    mutating func byte(_ value: UInt8) { bytes.append(value) }

    @inline(__always)
    mutating func uvarint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest &>>= 7
        }
        bytes.append(UInt8(truncatingIfNeeded: rest))
    }

    @inline(__always)
    mutating func varint(_ value: Int64) {
        uvarint(UInt64(bitPattern: (value &<< 1) ^ (value &>> 63)))
    }

    @inline(__always)
    mutating func fixed64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    @inline(__always)
    mutating func fixed32(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func raw(_ buffer: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: buffer)
    }

    /// Lets `body` write up to `capacity` bytes at the end; it returns how
    /// many it wrote.
    mutating func append(upTo capacity: Int, _ body: (UnsafeMutableRawPointer) -> Int) {
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: capacity))
        let used = bytes.withUnsafeMutableBytes { buffer -> Int in
            guard let base = buffer.baseAddress else { return 0 }
            return min(max(body(base + start), 0), capacity)
        }
        bytes.removeLast(capacity - used)
    }

    /// Length-prefixed bytes.
    mutating func string(_ buffer: UnsafeRawBufferPointer) {
        uvarint(UInt64(buffer.count))
        bytes.append(contentsOf: buffer)
    }

    mutating func string(_ text: String) {
        var copy = text
        copy.withUTF8 { string(UnsafeRawBufferPointer($0)) }
    }

    /// Reserves a five-byte varint (a count known only once a record is
    /// complete) and returns its offset for `patchVarint5`.
    mutating func reserveVarint5() -> Int {
        let offset = bytes.count
        bytes.append(contentsOf: [0x80, 0x80, 0x80, 0x80, 0])
        return offset
    }

    /// Writes `value` as a five-byte varint over bytes reserved earlier
    /// (a count known only once a record is complete).
    mutating func patchVarint5(_ value: UInt32, at offset: Int) {
        var rest = value
        for index in 0 ..< 5 {
            let low = UInt8(truncatingIfNeeded: rest & 0x7F)
            rest >>= 7
            bytes[offset + index] = index < 4 ? low | 0x80 : low
        }
    }

    /// Overwrites four bytes written earlier (a frame's length or checksum).
    mutating func patch32(_ value: UInt32, at offset: Int) {
        withUnsafeBytes(of: value.littleEndian) { source in
            for index in 0 ..< 4 { bytes[offset + index] = source[index] }
        }
    }

    /// A sample value as a difference from the series' previous value in
    /// the segment (`previous`, as bits; those of 0.0 for its first): when
    /// both are integers (most counters and gauges), the zigzag difference
    /// shifted left by one (a counter that grew by 15 takes one byte);
    /// otherwise a 1 bit under the XOR's trailing-zero count, then the XOR
    /// without those zeros (Gorilla's observation: neighbouring floats share
    /// their high bits). Negative zero and the stale marker take the XOR form.
    @inline(__always)
    mutating func value(_ value: Double, previous: UInt64) {
        if let integer = ByteWriter.integer(value), let base = ByteWriter.integer(Double(bitPattern: previous)) {
            let delta = integer &- base
            uvarint(UInt64(bitPattern: (delta &<< 1) ^ (delta &>> 63)) &<< 1)
        } else {
            let xor = value.bitPattern ^ previous
            let shift = xor == 0 ? 0 : xor.trailingZeroBitCount
            uvarint(UInt64(shift) &<< 1 | 1)
            uvarint(xor &>> UInt64(shift))
        }
    }

    /// The value as an integer when it is one exactly representable both
    /// ways (|v| < 2^52, not negative zero).
    @inline(__always)
    static func integer(_ value: Double) -> Int64? {
        guard value == value.rounded(.towardZero), abs(value) < 0x1p52,
              value.bitPattern != (-0.0 as Double).bitPattern else { return nil }
        return Int64(value)
    }
}
