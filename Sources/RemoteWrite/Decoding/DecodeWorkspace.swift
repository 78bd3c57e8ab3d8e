#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TSDB

/// Everything one decode needs that is worth keeping between requests: the
/// decompression buffer, the unpack arena and the batch arrays.
///
/// `@unchecked Sendable` because a workspace is only ever used by the one
/// request that took it from a `WorkspacePool`; the pool's mutex hands it over.
final class DecodeWorkspace: @unchecked Sendable {
    let arena: UnpackArena
    /// The batch handed to the sink, its arrays reused with their capacity.
    var batch = IngestBatch()
    private(set) var buffer: UnsafeMutableRawPointer?
    private(set) var bufferCapacity = 0
    private let retainBytes: Int

    init(limits: RemoteWriteLimits, retainBytes: Int = 16 << 20) {
        self.arena = UnpackArena(limit: limits.maxDecodedBytes, retain: retainBytes)
        self.retainBytes = retainBytes
    }

    deinit { free(buffer) }

    /// A buffer of at least `count` bytes for decompressed data; contents undefined.
    func decompressionBuffer(count: Int) -> UnsafeMutableRawPointer? {
        let needed = max(count, 1)
        if needed > bufferCapacity {
            free(buffer)
            buffer = malloc(needed)
            bufferCapacity = buffer == nil ? 0 : needed
        }
        return buffer
    }

    /// Lends the reusable batch, emptied, to `body` without copy-on-write.
    func withBatch<Result, Failure: Error>(
        _ body: (inout IngestBatch) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        var lent = IngestBatch()
        swap(&lent, &batch)
        defer { swap(&lent, &batch) }
        lent.removeAll()
        return try body(&lent)
    }

    /// Called when the request is done: drops the unpacked message and any
    /// memory a single oversized request grew beyond what is worth keeping.
    func recycle() {
        arena.reset()
        if bufferCapacity > retainBytes {
            free(buffer)
            buffer = nil
            bufferCapacity = 0
        }
        batch.removeAll()
        if batch.labels.capacity > 1 << 20 || batch.samples.capacity > 1 << 21 { batch = IngestBatch() }
    }
}
