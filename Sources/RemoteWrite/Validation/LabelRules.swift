import TSDB

/// Byte-level checks on label names and values, run on the decoder's borrowed
/// bytes so a valid series costs no Swift string.
enum LabelRules {
    /// `[a-zA-Z_][a-zA-Z0-9_]*`, non-empty. Also rules out any non-ASCII
    /// (hence any invalid UTF-8) in names. Checks eight bytes at a time.
    @inline(__always)
    static func isValidName(_ name: UnsafeRawBufferPointer) -> Bool {
        guard let base = name.baseAddress, name.count > 0 else { return false }
        let first = base.load(as: UInt8.self)
        guard first < 0x30 || first > 0x39 else { return false }
        var index = 0
        while index + 8 <= name.count {
            guard nameWordIsValid(base.loadUnaligned(fromByteOffset: index, as: UInt64.self), count: 8) else { return false }
            index += 8
        }
        let rest = name.count - index
        return rest == 0 || nameWordIsValid(ByteWords.partial(base + index, count: rest), count: rest)
    }

    /// Whether the low `count` bytes of `word` are all in `[a-zA-Z0-9_]`.
    /// Per byte (all ASCII), `x + (0x80 - c)` sets the byte's top bit exactly
    /// when `x >= c`, with no carry into the next byte, so each class is two
    /// such comparisons.
    @inline(__always)
    private static func nameWordIsValid(_ word: UInt64, count: Int) -> Bool {
        let high: UInt64 = 0x8080_8080_8080_8080
        guard word & high == 0 else { return false }
        @inline(__always) func atLeast(_ c: UInt64) -> UInt64 { (word &+ (0x80 &- c) &* 0x0101_0101_0101_0101) & high }
        let digit = atLeast(0x30) & ~atLeast(0x3a)
        let upper = atLeast(0x41) & ~atLeast(0x5b)
        let underscore = atLeast(0x5f) & ~atLeast(0x60)
        let lower = atLeast(0x61) & ~atLeast(0x7b)
        let required = count >= 8 ? high : high & ((1 &<< UInt64(count &* 8)) &- 1)
        return (digit | upper | underscore | lower) & required == required
    }

    /// "__name__" read as a little-endian UInt64.
    private static let metricNameWord: UInt64 = 0x5f5f_656d_616e_5f5f

    @inline(__always)
    static func isMetricName(_ name: UnsafeRawBufferPointer) -> Bool {
        guard name.count == 8, let base = name.baseAddress else { return false }
        return UInt64(littleEndian: base.loadUnaligned(as: UInt64.self)) == metricNameWord
    }

    /// Strict UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
    /// Label values are nearly always ASCII: that check is inlined and runs
    /// eight bytes at a time; anything else goes to the full validator.
    @inline(__always)
    static func isValidUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var index = 0
        var high: UInt64 = 0
        while index + 8 <= count {
            high |= base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            index += 8
        }
        high |= ByteWords.partial(base + index, count: count - index)
        return high & 0x8080_8080_8080_8080 == 0 || isValidMultibyteUTF8(bytes)
    }

    @inline(never)
    private static func isValidMultibyteUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var index = 0
        while index < count {
            let lead = base.load(fromByteOffset: index, as: UInt8.self)
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xbf
            switch lead {
            case 0xc2...0xdf: length = 2
            case 0xe0: length = 3; low = 0xa0
            case 0xe1...0xec, 0xee...0xef: length = 3
            case 0xed: length = 3; high = 0x9f
            case 0xf0: length = 4; low = 0x90
            case 0xf1...0xf3: length = 4
            case 0xf4: length = 4; high = 0x8f
            default: return false
            }
            guard index + length <= count else { return false }
            let second = base.load(fromByteOffset: index + 1, as: UInt8.self)
            guard second >= low, second <= high else { return false }
            var offset = 2
            while offset < length {
                let next = base.load(fromByteOffset: index + offset, as: UInt8.self)
                guard next & 0xc0 == 0x80 else { return false }
                offset += 1
            }
            index += length
        }
        return true
    }

    /// Orders names by their bytes, as Prometheus orders label sets. Names
    /// are short: compare eight bytes at a time as big-endian integers.
    @inline(__always)
    static func compare(_ lhs: UnsafeRawBufferPointer, _ rhs: UnsafeRawBufferPointer) -> Int {
        let shared = min(lhs.count, rhs.count)
        if shared > 0, let left = lhs.baseAddress, let right = rhs.baseAddress {
            var index = 0
            while index + 8 <= shared {
                let a = UInt64(bigEndian: left.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let b = UInt64(bigEndian: right.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                if a != b { return a < b ? -1 : 1 }
                index += 8
            }
            if index < shared {
                // Byte-swapped, the first differing byte is the most significant.
                let a = ByteWords.partial(left + index, count: shared - index).byteSwapped
                let b = ByteWords.partial(right + index, count: shared - index).byteSwapped
                if a != b { return a < b ? -1 : 1 }
            }
        }
        return lhs.count - rhs.count
    }

    @inline(__always)
    static func equal(_ lhs: UnsafeRawBufferPointer, _ rhs: UnsafeRawBufferPointer) -> Bool {
        lhs.count == rhs.count && compare(lhs, rhs) == 0
    }
}
