/// The 64-bit series hash, computed from label bytes.
///
/// The same function runs over protobuf-c's C strings (remote write) and over
/// the UTF-8 of Swift `Labels` (recording rules, tests), so a series has one
/// identity whichever way it arrives. Labels with an empty value are skipped:
/// Prometheus treats them as absent. The hash only picks a shard and a table
/// slot; identity is always confirmed by comparing the bytes.
enum LabelHash {
    static let seed: UInt64 = 0x243F_6A88_85A3_08D3

    @inline(__always)
    static func round(_ state: UInt64, _ word: UInt64) -> UInt64 {
        var x = state ^ (word &* 0x87C3_7B91_1142_53D5)
        x = (x << 31) | (x >> 33)
        return x &* 0x4CF5_AD43_2745_937F &+ 0x52DC_E729
    }

    /// Folds one byte string (and its length) into `state`.
    @inline(__always)
    static func mix(_ state: UInt64, _ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h = state
        let count = bytes.count
        guard let base = bytes.baseAddress, count > 0 else { return round(h, 0xFF00_0000_0000_0000) }
        var i = 0
        while i &+ 8 <= count {
            h = round(h, base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i &+= 8
        }
        let tail = ByteWords.partial(base + i, count: count &- i)
        return round(h, tail ^ (UInt64(truncatingIfNeeded: count) << 56))
    }

    /// Avalanches the state so every output bit depends on every input bit
    /// (shards use the top bits, tables the bottom ones).
    @inline(__always)
    static func finish(_ state: UInt64) -> UInt64 {
        var h = state
        h ^= h >> 33
        h &*= 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h &*= 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }

    /// Hash of one series' raw labels; empty values are skipped.
    @inline(__always)
    static func hash(_ labels: UnsafeBufferPointer<RawLabel>) -> UInt64 {
        var h = seed
        for label in labels where label.value.count > 0 {
            h = mix(h, label.name)
            h = mix(h, label.value)
        }
        return finish(h)
    }

    /// Hash of a lone byte string (symbol table lookups).
    @inline(__always)
    static func hash(bytes: UnsafeRawBufferPointer) -> UInt64 {
        finish(mix(seed, bytes))
    }

    /// The same hash as for the raw bytes of `labels`.
    static func hash(_ labels: Labels) -> UInt64 {
        labels.withRawLabels { raw in hash(raw) }
    }
}

extension Labels {
    /// Calls `body` with the labels as `RawLabel`s pointing into one buffer,
    /// so Swift label sets take exactly the remote-write identity path.
    func withRawLabels<R>(_ body: (UnsafeBufferPointer<RawLabel>) throws -> R) rethrows -> R {
        var bytes: [UInt8] = []
        var bounds: [(Int, Int, Int, Int)] = []
        bounds.reserveCapacity(count)
        for label in self {
            let nameStart = bytes.count
            bytes.append(contentsOf: label.name.utf8)
            let valueStart = bytes.count
            bytes.append(contentsOf: label.value.utf8)
            bounds.append((nameStart, valueStart - nameStart, valueStart, bytes.count - valueStart))
        }
        return try bytes.withUnsafeBytes { buffer in
            let raw = bounds.map { bound in
                RawLabel(
                    name: UnsafeRawBufferPointer(rebasing: buffer[bound.0 ..< bound.0 + bound.1]),
                    value: UnsafeRawBufferPointer(rebasing: buffer[bound.2 ..< bound.2 + bound.3])
                )
            }
            return try raw.withUnsafeBufferPointer { try body($0) }
        }
    }
}
