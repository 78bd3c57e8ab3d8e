import CSnappy

/// Snappy block-format decompression with the size checked before allocating.
enum SnappyBlock {
    /// The stream-identifier chunk that opens every framed snappy stream.
    static let framedStreamIdentifier: [UInt8] = [0xff, 0x06, 0x00, 0x00, 0x73, 0x4e, 0x61, 0x50, 0x70, 0x59]

    static func isFramed(_ body: UnsafeRawBufferPointer) -> Bool {
        guard body.count >= framedStreamIdentifier.count else { return false }
        for (index, byte) in framedStreamIdentifier.enumerated() where body[index] != byte {
            return false
        }
        return true
    }

    /// The decompressed size the block's varint header declares. Reading it
    /// costs nothing, so a body claiming 4 GiB is refused before any allocation.
    static func declaredLength(_ body: UnsafeRawBufferPointer) throws(RemoteWriteError) -> Int {
        guard let base = body.baseAddress?.assumingMemoryBound(to: CChar.self) else { throw .emptyBody }
        var length = 0
        guard snappy_uncompressed_length(base, body.count, &length) == SNAPPY_OK else {
            throw .corruptSnappy("the length header is not a valid varint")
        }
        return length
    }

    /// Decompresses into `destination`, which holds at least `length` bytes.
    /// snappy checks every copy against the bounds and that the output is
    /// exactly `length` bytes, so truncated and corrupt input both fail here.
    static func decompress(
        _ body: UnsafeRawBufferPointer,
        declaredLength length: Int,
        into destination: UnsafeMutableRawPointer
    ) throws(RemoteWriteError) {
        guard let base = body.baseAddress?.assumingMemoryBound(to: CChar.self) else { throw .emptyBody }
        var written = length
        let status = snappy_uncompress(base, body.count, destination.assumingMemoryBound(to: CChar.self), &written)
        guard status == SNAPPY_OK, written == length else {
            throw .corruptSnappy("the data is truncated or corrupt (declared \(length) decompressed bytes)")
        }
    }

    /// Block-format compression, for the encoder.
    static func compress(_ input: UnsafeRawBufferPointer) -> [UInt8] {
        // An empty block is just its length varint, 0.
        guard !input.isEmpty else { return [0] }
        let bound = snappy_max_compressed_length(input.count)
        return [UInt8](unsafeUninitializedCapacity: max(bound, 1)) { output, count in
            guard let out = output.baseAddress else {
                count = 0
                return
            }
            var written = bound
            let source = input.baseAddress?.assumingMemoryBound(to: CChar.self)
            let status = out.withMemoryRebound(to: CChar.self, capacity: bound) { destination in
                snappy_compress(source, input.count, destination, &written)
            }
            // Compression only fails when the output is smaller than
            // snappy_max_compressed_length, which it never is here.
            count = status == SNAPPY_OK ? written : 0
        }
    }
}
