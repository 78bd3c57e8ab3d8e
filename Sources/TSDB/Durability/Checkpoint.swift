#if canImport(Glibc)
import Glibc
#endif

/// A snapshot of the store: every series with its chunks as they are in
/// memory (already XOR-compressed), plus metadata. Restoring one is a copy,
/// not a re-ingest, which is what makes a restart fast.
///
/// Frames as in the WAL: one header, then series frames of up to ~1 MiB:
///
///     header: version, shard bits, chunk-checkpoint size
///     series: count, then per series: id, label count, 2 × label count
///             symbol references (see `CheckpointSymbolWriter`), appender
///             state (last time, delta, value bits, leading, trailing),
///             chunk count, per chunk oldest first: min/max time, sample
///             count, bit count, decode hints, stream bytes
enum Checkpoint {
    static let version: UInt64 = 2
    static let frameTarget = 1 << 20

    /// Writes the store to `path` (via a temporary file, fsynced and
    /// renamed, so a crash leaves either the old or the new checkpoint).
    /// `format` 1 is what earlier builds wrote (for tests of reading it).
    static func write(_ store: MemoryStore, to path: String, format: UInt64 = version) throws(StorageError) -> (series: Int, bytes: Int) {
        let temporary = path + ".tmp"
        let fd = try FileIO.open(temporary, flags: O_WRONLY | O_CREAT | O_TRUNC)
        var total = 0
        var seriesCount = 0
        do throws(StorageError) {
            var writer = ByteWriter(capacity: frameTarget + 65536)
            let header = WALFrame.begin(.checkpointHeader, in: &writer)
            writer.uvarint(format)
            writer.uvarint(UInt64(store.shardBits))
            writer.uvarint(UInt64(MemoryLayout<ChunkCheckpoints>.size))
            WALFrame.finish(at: header, in: &writer)
            let metadata = store.metadataStore.withLock { $0.all }
            if !metadata.isEmpty { WALRecords.appendMetadata(metadata, into: &writer) }
            store.index.withLock { $0.symbols.reuseFrozen = true }
            defer { store.index.withLock { $0.symbols.reuseFrozen = false } }
            var references = CheckpointSymbolWriter(inlineStrings: format == 1)
            for shard in store.shards {
                // Copy under the lock, write outside it.
                let count = shard.state.withLock { state in
                    state.encodeCheckpoint(symbols: store.symbolDirectory, references: &references, into: &writer)
                }
                seriesCount += count
                if writer.count >= frameTarget {
                    try FileIO.write(fd, writer.bytes, path: temporary)
                    total += writer.count
                    writer.removeAll()
                }
            }
            try FileIO.write(fd, writer.bytes, path: temporary)
            total += writer.count
            try FileIO.sync(fd, path: temporary)
            close(fd)
        } catch {
            close(fd)
            FileIO.remove(temporary)
            throw error
        }
        try FileIO.rename(temporary, path)
        try FileIO.syncDirectory(FileIO.directoryName(path))
        return (seriesCount, total)
    }
}

extension ShardState {
    /// Appends this shard's series as checkpoint frames; returns how many.
    func encodeCheckpoint(
        symbols: SymbolDirectory, references: inout CheckpointSymbolWriter, into writer: inout ByteWriter
    ) -> Int {
        var written = 0
        var frame = -1
        var countOffset = 0
        var inFrame = 0
        var chunks: [UnsafeMutableRawPointer] = []
        for entry in byID.entries where entry != 0 {
            let record = records[SlotTable.slot(entry)]
            guard record.head != nil else { continue }
            if frame < 0 {
                frame = WALFrame.begin(.checkpointSeries, in: &writer)
                countOffset = writer.reserveVarint5()
                inFrame = 0
            }
            writer.uvarint(UInt64(record.id))
            writer.uvarint(UInt64(record.labelCount))
            for index in 0 ..< Int(record.labelCount) * 2 {
                references.write(record.labels[index], directory: symbols, into: &writer)
            }
            writer.varint(record.lastTime)
            writer.varint(record.lastDelta)
            writer.fixed64(record.lastValue)
            writer.byte(record.leading)
            writer.byte(record.trailing)
            chunks.removeAll(keepingCapacity: true)
            var chunk = record.head
            while let block = chunk {
                chunks.append(block)
                chunk = Chunk.header(block).pointee.older
            }
            writer.uvarint(UInt64(chunks.count))
            for block in chunks.reversed() {
                let header = Chunk.header(block).pointee
                writer.varint(header.minTime)
                writer.varint(header.maxTime)
                writer.uvarint(UInt64(header.sampleCount))
                writer.uvarint(UInt64(header.bitCount))
                withUnsafeBytes(of: header.checkpoints) { writer.string($0) }
                writer.string(UnsafeRawBufferPointer(start: Chunk.data(block), count: (Int(header.bitCount) + 7) / 8))
            }
            written += 1
            inFrame += 1
            if writer.count - frame >= Checkpoint.frameTarget {
                writer.patchVarint5(UInt32(inFrame), at: countOffset)
                WALFrame.finish(at: frame, in: &writer)
                frame = -1
            }
        }
        if frame >= 0 {
            writer.patchVarint5(UInt32(inFrame), at: countOffset)
            WALFrame.finish(at: frame, in: &writer)
        }
        return written
    }

    /// Gives a restored series its chunks (oldest first) and appender state.
    mutating func restoreChunks(slot: Int, state appender: RestoredAppender, chunks: ArraySlice<RestoredChunk>) -> Int {
        var record = records[slot]
        guard record.head == nil, !chunks.isEmpty else { return 0 }
        var older: UnsafeMutableRawPointer?
        var samples = 0
        for (position, chunk) in chunks.enumerated() {
            let used = chunk.stream.count
            let block: UnsafeMutableRawPointer
            if position == chunks.count - 1 {
                let capacity = Chunk.fittedCapacity(atLeast: used + Chunk.appendSlack)
                guard capacity >= used + Chunk.appendSlack else { break }
                block = Chunk.allocate(capacity: capacity, older: older, time: chunk.minTime)
                counters.chunkBytes &+= Chunk.footprint(capacity: capacity)
            } else {
                let size = Chunk.sealedSize(streamBytes: used)
                block = arena.allocate(size)
                block.bindMemory(to: ChunkHeader.self, capacity: 1).initialize(to: ChunkHeader(
                    older: older, minTime: chunk.minTime, maxTime: chunk.maxTime, bitCount: 0,
                    capacity: 0, sampleCount: 0, checkpoints: ChunkCheckpoints()))
                (Chunk.data(block) + used).initializeMemory(as: UInt8.self, repeating: 0, count: size - Chunk.headerSize - used)
                counters.chunkBytes &+= size
                counters.sealedBytes &+= size
            }
            if let base = chunk.stream.baseAddress { Chunk.data(block).copyMemory(from: base, byteCount: used) }
            let header = Chunk.header(block)
            header.pointee.minTime = chunk.minTime
            header.pointee.maxTime = chunk.maxTime
            header.pointee.bitCount = chunk.bitCount
            header.pointee.sampleCount = chunk.sampleCount
            header.pointee.checkpoints = chunk.hints
            counters.chunks &+= 1
            counters.samples &+= Int(chunk.sampleCount)
            samples += Int(chunk.sampleCount)
            if chunk.minTime < minTime { minTime = chunk.minTime }
            older = block
        }
        record.head = older
        record.lastTime = appender.lastTime
        record.lastDelta = appender.lastDelta
        record.lastValue = appender.lastValue
        record.leading = appender.leading
        record.trailing = appender.trailing
        records[slot] = record
        if appender.lastTime > maxTime { maxTime = appender.lastTime }
        return samples
    }
}

/// The XOR appender's state of a series' head chunk.
struct RestoredAppender {
    var lastTime: Int64
    var lastDelta: Int64
    var lastValue: UInt64
    var leading: UInt8
    var trailing: UInt8
}

/// One chunk read from a checkpoint (the stream borrows the file's bytes).
struct RestoredChunk: @unchecked Sendable {
    var minTime: Int64
    var maxTime: Int64
    var sampleCount: UInt16
    var bitCount: UInt32
    var hints: ChunkCheckpoints
    var stream: UnsafeRawBufferPointer
}

/// A buffer borrowed for one locked call (replay); the caller keeps it alive.
struct Borrowed<Element>: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<Element>
}
