/// Memory for the C structs the encoder builds, freed all at once.
///
/// Only trivial C types live here (protobuf-c structs, pointers, bytes), so
/// nothing needs deinitialising; allocation failure traps like any Swift
/// allocation, which is acceptable for a sender.
final class PackArena {
    private var chunks: [UnsafeMutableRawPointer] = []
    private var cursor: UnsafeMutableRawPointer?
    private var remaining = 0
    private static let chunkSize = 1 << 20

    deinit {
        for chunk in chunks { chunk.deallocate() }
    }

    func allocate<T>(_ type: T.Type, count: Int) -> UnsafeMutablePointer<T> {
        let alignment = max(MemoryLayout<T>.alignment, 8)
        let bytes = MemoryLayout<T>.stride * max(count, 1)
        let start: UnsafeMutableRawPointer
        if let cursor, remaining >= bytes + alignment {
            start = cursor
        } else {
            let size = max(PackArena.chunkSize, bytes + alignment)
            start = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
            chunks.append(start)
            remaining = size
        }
        let aligned = start.alignedUp(toMultipleOf: alignment)
        let used = start.distance(to: aligned) + bytes
        cursor = start + used
        remaining -= used
        return aligned.bindMemory(to: T.self, capacity: max(count, 1))
    }

    /// A copy of `bytes` that lives as long as the arena.
    func copy(_ bytes: [UInt8], nulTerminated: Bool = false) -> UnsafeMutablePointer<UInt8> {
        let target = allocate(UInt8.self, count: bytes.count + (nulTerminated ? 1 : 0))
        bytes.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { target.update(from: base, count: source.count) }
        }
        if nulTerminated { target[bytes.count] = 0 }
        return target
    }
}
