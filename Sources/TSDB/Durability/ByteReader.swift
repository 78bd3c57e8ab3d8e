/// Reads what `ByteWriter` wrote, failing (nil) instead of trapping on
/// truncated or malformed input: WAL and checkpoint bytes come from disk and
/// may be torn or flipped.
struct ByteReader {
    let buffer: UnsafeRawBufferPointer
    private(set) var offset = 0

    init(_ buffer: UnsafeRawBufferPointer) { self.buffer = buffer }

    var isAtEnd: Bool { offset >= buffer.count }
    var remaining: Int { buffer.count - offset }

    @inline(__always)
    mutating func byte() -> UInt8? {
        guard offset < buffer.count else { return nil }
        defer { offset &+= 1 }
        return buffer[offset]
    }

    @inline(__always)
    mutating func uvarint() -> UInt64? {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while offset < buffer.count {
            let byte = buffer[offset]
            offset &+= 1
            guard shift < 64 else { return nil }
            result |= UInt64(byte & 0x7F) &<< shift
            if byte < 0x80 { return result }
            shift &+= 7
        }
        return nil
    }

    @inline(__always)
    mutating func varint() -> Int64? {
        guard let raw = uvarint() else { return nil }
        return Int64(bitPattern: (raw &>> 1) ^ (0 &- (raw & 1)))
    }

    /// A count that must fit in what is left (each item needs at least `minBytes`).
    mutating func count(minBytes: Int = 1) -> Int? {
        guard let raw = uvarint(), raw <= UInt64(remaining / max(minBytes, 1)) else { return nil }
        return Int(raw)
    }

    @inline(__always)
    mutating func fixed64() -> UInt64? {
        guard remaining >= 8 else { return nil }
        defer { offset &+= 8 }
        return UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    @inline(__always)
    mutating func fixed32() -> UInt32? {
        guard remaining >= 4 else { return nil }
        defer { offset &+= 4 }
        return UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    mutating func bytes(_ count: Int) -> UnsafeRawBufferPointer? {
        guard count >= 0, remaining >= count else { return nil }
        defer { offset &+= count }
        return UnsafeRawBufferPointer(rebasing: buffer[offset ..< offset + count])
    }

    mutating func string() -> UnsafeRawBufferPointer? {
        guard let length = uvarint(), length <= UInt64(remaining) else { return nil }
        return bytes(Int(length))
    }

    mutating func text() -> String? {
        string().map { String(decoding: $0, as: UTF8.self) }
    }

    /// A value as earlier builds wrote it (`samples` records): an integer
    /// as a zigzag varint shifted left by one, or a 1 then the raw bits.
    mutating func absoluteValue() -> Double? {
        guard let first = uvarint() else { return nil }
        if first & 1 == 0 {
            let zigzag = first &>> 1
            return Double(Int64(bitPattern: (zigzag &>> 1) ^ (0 &- (zigzag & 1))))
        }
        guard first == 1, let bits = fixed64() else { return nil }
        return Double(bitPattern: bits)
    }

    /// The counterpart of `ByteWriter.value(_:previous:)`; nil when
    /// malformed (an integer difference from a non-integer, a shift that
    /// loses bits).
    @inline(__always)
    mutating func value(previous: UInt64) -> Double? {
        guard let first = uvarint() else { return nil }
        if first & 1 == 0 {
            let zigzag = first &>> 1
            let delta = Int64(bitPattern: (zigzag &>> 1) ^ (0 &- (zigzag & 1)))
            guard let base = ByteWriter.integer(Double(bitPattern: previous)) else { return nil }
            let (integer, overflow) = base.addingReportingOverflow(delta)
            guard !overflow, integer.magnitude < 1 << 52 else { return nil }
            return Double(integer)
        }
        let shift = first &>> 1
        guard shift < 64, let payload = uvarint() else { return nil }
        let xor = payload &<< shift
        guard xor &>> shift == payload else { return nil }
        return Double(bitPattern: previous ^ xor)
    }
}
