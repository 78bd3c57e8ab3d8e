/// Writes big-endian bit fields into zeroed memory (Prometheus's bstream order).
///
/// The caller guarantees at least 9 writable zero bytes from the current byte,
/// so a field of up to 64 bits is one unaligned 64-bit OR plus one byte.
enum BitWriter {
    @inline(__always)
    static func write(_ data: UnsafeMutableRawPointer, _ bitCount: inout Int, _ value: UInt64, _ count: Int) {
        let aligned = value &<< UInt64(64 &- count)
        let byte = bitCount &>> 3
        let offset = bitCount & 7
        let existing = UInt64(bigEndian: data.loadUnaligned(fromByteOffset: byte, as: UInt64.self))
        data.storeBytes(of: (existing | (aligned &>> UInt64(offset))).bigEndian, toByteOffset: byte, as: UInt64.self)
        if offset &+ count > 64 {
            data.storeBytes(of: UInt8(truncatingIfNeeded: aligned &<< UInt64(8 &- offset)), toByteOffset: byte &+ 8, as: UInt8.self)
        }
        bitCount &+= count
    }

    @inline(__always)
    static func writeUvarint(_ data: UnsafeMutableRawPointer, _ bitCount: inout Int, _ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            write(data, &bitCount, (rest & 0x7F) | 0x80, 8)
            rest &>>= 7
        }
        write(data, &bitCount, rest, 8)
    }

    @inline(__always)
    static func writeVarint(_ data: UnsafeMutableRawPointer, _ bitCount: inout Int, _ value: Int64) {
        // Zig-zag, as Go's binary.PutVarint.
        writeUvarint(data, &bitCount, UInt64(bitPattern: (value &<< 1) ^ (value &>> 63)))
    }
}
