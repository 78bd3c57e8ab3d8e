/// Word-at-a-time reads of short byte strings.
///
/// Label names and values are mostly a few bytes long, so the tail after the
/// last whole eight-byte word is where hashing, comparing and validating
/// spend their time; reading it with two overlapping loads instead of a
/// byte loop keeps those paths branch-light.
public enum ByteWords {
    /// The `count` (0...8) bytes at `base` as a little-endian word, zero above
    /// them. Reads only those bytes (two overlapping loads at most).
    @inlinable @inline(__always)
    public static func partial(_ base: UnsafeRawPointer, count: Int) -> UInt64 {
        if count >= 4 {
            let low = UInt64(UInt32(littleEndian: base.loadUnaligned(as: UInt32.self)))
            let high = UInt64(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self)))
            return low | high &<< UInt64((count &- 4) &* 8)
        }
        if count >= 2 {
            let low = UInt64(UInt16(littleEndian: base.loadUnaligned(as: UInt16.self)))
            let high = UInt64(UInt16(littleEndian: base.loadUnaligned(fromByteOffset: count &- 2, as: UInt16.self)))
            return low | high &<< UInt64((count &- 2) &* 8)
        }
        return count == 1 ? UInt64(base.load(as: UInt8.self)) : 0
    }
}
