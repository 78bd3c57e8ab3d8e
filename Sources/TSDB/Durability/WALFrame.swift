import CZlib

/// The kinds of record in WAL segments and checkpoint files.
enum WALRecordType: UInt8 {
    /// New series: id and labels (uncompressed; written by earlier builds,
    /// still replayed).
    case series = 1
    /// Samples with absolute values (earlier builds; still replayed).
    case samples = 2
    /// Metric metadata (type, help, unit).
    case metadata = 3
    /// Samples with values as differences within the segment (written now).
    case sampleDeltas = 4
    /// New series, the `series` payload snappy-compressed (written now:
    /// label names and shared values repeat across a batch's series).
    case seriesCompressed = 5
    /// Checkpoint header: format version and store geometry.
    case checkpointHeader = 16
    /// Checkpoint body: series with their chunks.
    case checkpointSeries = 17
}

/// How every record is framed on disk:
///
///     length: UInt32 LE (payload bytes) | crc32: UInt32 LE (type + payload) | type: UInt8 | payload
///
/// A record is written with one `write` and never spans segments, so a
/// crash leaves at most one torn frame at a segment's end; a frame whose
/// length runs past the file or whose checksum does not match marks where
/// the good part of the segment ends.
enum WALFrame {
    static let headerSize = 9
    /// Bigger frames are refused as corrupt when reading (a flipped length
    /// byte must not make the reader allocate gigabytes).
    static let maxPayload = 256 * 1024 * 1024

    /// Starts a frame in `writer`; returns its offset for `finish`.
    static func begin(_ type: WALRecordType, in writer: inout ByteWriter) -> Int {
        let start = writer.count
        writer.fixed32(0)
        writer.fixed32(0)
        writer.byte(type.rawValue)
        return start
    }

    /// Fills in length and checksum of the frame begun at `start`.
    static func finish(at start: Int, in writer: inout ByteWriter) {
        let payload = writer.count - start - headerSize
        let crc = writer.bytes.withUnsafeBytes { bytes in
            checksum(UnsafeRawBufferPointer(rebasing: bytes[(start + 8)...]))
        }
        writer.patch32(UInt32(payload), at: start)
        writer.patch32(crc, at: start + 4)
    }

    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return 0 }
        return UInt32(truncatingIfNeeded: crc32(0, base.assumingMemoryBound(to: Bytef.self), uInt(bytes.count)))
    }

    /// One frame read from a buffer.
    struct Record {
        var type: WALRecordType
        var payload: UnsafeRawBufferPointer
        /// Offset just past the frame.
        var end: Int
    }

    /// Why a buffer's frames stop before its end.
    enum Damage: Equatable, CustomStringConvertible {
        /// The last frame is cut short (a write interrupted by a crash).
        case torn
        case checksumMismatch
        case unknownType(UInt8)
        case oversized(Int)

        var description: String {
            switch self {
            case .torn: "torn record (cut short)"
            case .checksumMismatch: "checksum mismatch"
            case .unknownType(let type): "unknown record type \(type)"
            case .oversized(let length): "implausible record length \(length)"
            }
        }
    }

    /// The frame at `offset`, or why there is none.
    static func read(_ buffer: UnsafeRawBufferPointer, at offset: Int) -> Result<Record, FrameError> {
        guard buffer.count - offset >= headerSize else { return .failure(FrameError(offset: offset, damage: .torn)) }
        let length = Int(UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
        let crc = UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self))
        guard length <= maxPayload else { return .failure(FrameError(offset: offset, damage: .oversized(length))) }
        let end = offset + headerSize + length
        guard end <= buffer.count else { return .failure(FrameError(offset: offset, damage: .torn)) }
        guard checksum(UnsafeRawBufferPointer(rebasing: buffer[(offset + 8) ..< end])) == crc else {
            return .failure(FrameError(offset: offset, damage: .checksumMismatch))
        }
        let rawType = buffer[offset + 8]
        guard let type = WALRecordType(rawValue: rawType) else {
            return .failure(FrameError(offset: offset, damage: .unknownType(rawType)))
        }
        return .success(Record(type: type, payload: UnsafeRawBufferPointer(rebasing: buffer[(offset + headerSize) ..< end]), end: end))
    }

    struct FrameError: Error {
        var offset: Int
        var damage: Damage
    }
}
