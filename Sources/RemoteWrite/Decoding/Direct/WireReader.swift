/// A bounds-checked cursor over protobuf wire-format bytes.
///
/// Accepts and refuses exactly what protobuf-c's unpacker does (tags of at most
/// five bytes with a non-zero field number in the first byte, varints of at
/// most ten bytes, length prefixes of at most five bytes, no groups), so the
/// direct reader and the protobuf-c path answer every input alike.
struct WireReader {
    typealias Malformed = DirectDecodeError

    enum WireType: UInt8 {
        case varint = 0
        case fixed64 = 1
        case lengthDelimited = 2
        case fixed32 = 5
    }

    private let bytes: UnsafeRawBufferPointer
    private var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { offset >= bytes.count }

    @inline(__always)
    private func byte(_ index: Int) -> UInt8 {
        bytes.load(fromByteOffset: index, as: UInt8.self)
    }

    /// The next field's number and wire type.
    @inline(__always)
    mutating func field() throws(Malformed) -> (number: UInt32, wire: WireType) {
        guard offset < bytes.count else { throw .malformed }
        let first = byte(offset)
        guard first & 0xf8 != 0 else { throw .malformed }
        guard let wire = WireType(rawValue: first & 7) else { throw .malformed }
        offset += 1
        var number = UInt32(first & 0x7f) >> 3
        if first < 0x80 { return (number, wire) }
        var shift: UInt32 = 4
        for _ in 1..<5 {
            guard offset < bytes.count else { throw .malformed }
            let next = byte(offset)
            offset += 1
            number |= UInt32(next & 0x7f) << shift
            if next < 0x80 { return (number, wire) }
            shift += 7
        }
        throw .malformed
    }

    @inline(__always)
    mutating func varint() throws(Malformed) -> UInt64 {
        guard offset < bytes.count else { throw .malformed }
        let first = byte(offset)
        offset += 1
        if first < 0x80 { return UInt64(first) }
        var result = UInt64(first & 0x7f)
        var shift: UInt64 = 7
        for _ in 1..<10 {
            guard offset < bytes.count else { throw .malformed }
            let next = byte(offset)
            offset += 1
            result |= UInt64(next & 0x7f) << shift
            if next < 0x80 { return result }
            shift += 7
        }
        throw .malformed
    }

    @inline(__always)
    mutating func fixed64() throws(Malformed) -> UInt64 {
        guard bytes.count - offset >= 8 else { throw .malformed }
        let value = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        offset += 8
        return UInt64(littleEndian: value)
    }

    /// A length-delimited field's bytes (a view into the same buffer).
    @inline(__always)
    mutating func lengthDelimited() throws(Malformed) -> UnsafeRawBufferPointer {
        guard offset < bytes.count else { throw .malformed }
        var length = 0
        var shift = 0
        var terminated = false
        for _ in 0..<5 {
            guard offset < bytes.count else { throw .malformed }
            let next = byte(offset)
            offset += 1
            length |= Int(next & 0x7f) << shift
            shift += 7
            if next < 0x80 {
                terminated = true
                break
            }
        }
        guard terminated, length <= Int(Int32.max), length <= bytes.count - offset else { throw .malformed }
        let start = offset
        offset += length
        return UnsafeRawBufferPointer(rebasing: bytes[start..<(start + length)])
    }

    /// Skips a field this reader does not interpret.
    @inline(__always)
    mutating func skip(_ wire: WireType) throws(Malformed) {
        switch wire {
        case .varint: _ = try varint()
        case .fixed64: _ = try fixed64()
        case .lengthDelimited: _ = try lengthDelimited()
        case .fixed32:
            guard bytes.count - offset >= 4 else { throw .malformed }
            offset += 4
        }
    }

    /// Checks a repeated numeric field (packed or one value) without keeping it.
    mutating func skipRepeatedVarints(_ wire: WireType) throws(Malformed) {
        switch wire {
        case .varint: _ = try varint()
        case .lengthDelimited:
            var packed = WireReader(try lengthDelimited())
            while !packed.isAtEnd { _ = try packed.varint() }
        default: throw .malformed
        }
    }

    mutating func skipRepeatedFixed64(_ wire: WireType) throws(Malformed) {
        switch wire {
        case .fixed64: _ = try fixed64()
        case .lengthDelimited:
            guard try lengthDelimited().count % 8 == 0 else { throw .malformed }
        default: throw .malformed
        }
    }

    /// Requires `wire` for a known field, as protobuf-c does.
    @inline(__always)
    static func expect(_ wire: WireType, _ expected: WireType) throws(Malformed) {
        guard wire == expected else { throw .malformed }
    }
}

/// Why the direct reader gave up on a request.
enum DirectDecodeError: Error {
    /// Not a well-formed WriteRequest (what protobuf-c would refuse too).
    case malformed
    case tooManySeries
    /// The batch would outgrow maxDecodedBytes.
    case tooLarge
}
