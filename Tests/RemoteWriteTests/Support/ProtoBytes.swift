/// A minimal protobuf writer for hand-made (often malformed) messages that
/// protobuf-c's packer would refuse to produce.
struct ProtoBytes {
    private(set) var bytes: [UInt8] = []

    enum WireType: UInt8 {
        case varint = 0
        case fixed64 = 1
        case lengthDelimited = 2
        case fixed32 = 5
    }

    mutating func varint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7f) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    mutating func tag(_ field: Int, _ wire: WireType) {
        varint(UInt64(field) << 3 | UInt64(wire.rawValue))
    }

    mutating func field(_ number: Int, varint value: UInt64) {
        tag(number, .varint)
        varint(value)
    }

    mutating func field(_ number: Int, bytes value: [UInt8]) {
        tag(number, .lengthDelimited)
        varint(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    mutating func field(_ number: Int, string value: String) {
        field(number, bytes: Array(value.utf8))
    }

    mutating func field(_ number: Int, double value: Double) {
        tag(number, .fixed64)
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func field(_ number: Int, message: ProtoBytes) {
        field(number, bytes: message.bytes)
    }

    static func label(_ name: String, _ value: String) -> ProtoBytes {
        var label = ProtoBytes()
        label.field(1, string: name)
        label.field(2, string: value)
        return label
    }

    static func sample(_ value: Double, _ timestamp: Int64) -> ProtoBytes {
        var sample = ProtoBytes()
        sample.field(1, double: value)
        sample.field(2, varint: UInt64(bitPattern: timestamp))
        return sample
    }
}
