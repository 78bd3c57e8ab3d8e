import CSnappy

/// Snappy (Debian's libsnappy, as remote write uses) for series records:
/// a batch of new series repeats its label names and most values, which
/// is where the WAL's bytes went before samples settle into one-byte steps.
enum WALCompression {
    /// Decompressed series records larger than this are refused as damage.
    static let maxDecompressedBytes = 256 << 20

    /// Appends `source`, compressed, to `writer`.
    static func compress(_ source: UnsafeRawBufferPointer, into writer: inout ByteWriter) {
        guard let input = source.baseAddress?.assumingMemoryBound(to: CChar.self) else { return }
        writer.append(upTo: snappy_max_compressed_length(source.count)) { destination in
            var written = snappy_max_compressed_length(source.count)
            guard snappy_compress(input, source.count, destination.assumingMemoryBound(to: CChar.self), &written) == SNAPPY_OK else {
                return 0
            }
            return written
        }
    }

    /// Decompresses `source` into `buffer` (replaced); false when malformed.
    static func decompress(_ source: UnsafeRawBufferPointer, into buffer: inout [UInt8]) -> Bool {
        guard let input = source.baseAddress?.assumingMemoryBound(to: CChar.self) else { return false }
        var length = 0
        guard snappy_uncompressed_length(input, source.count, &length) == SNAPPY_OK, length <= maxDecompressedBytes else {
            return false
        }
        buffer = [UInt8](repeating: 0, count: length)
        var written = length
        let status = buffer.withUnsafeMutableBytes { destination -> snappy_status in
            guard let base = destination.baseAddress else { return length == 0 ? SNAPPY_OK : SNAPPY_INVALID_INPUT }
            return snappy_uncompress(input, source.count, base.assumingMemoryBound(to: CChar.self), &written)
        }
        return status == SNAPPY_OK && written == length
    }
}
