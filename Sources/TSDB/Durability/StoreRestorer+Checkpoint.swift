extension StoreRestorer {
    /// Loads a checkpoint's series and metadata. Damage stops loading at the
    /// damaged frame (what came before stays) and is reported, never fatal.
    mutating func loadCheckpoint(_ bytes: UnsafeRawBufferPointer, name: String) {
        var offset = 0
        var labels: [RawLabel] = []
        var chunks: [RestoredChunk] = []
        let hintSize = MemoryLayout<ChunkCheckpoints>.size
        var hintsUsable = false
        while offset < bytes.count {
            switch WALFrame.read(bytes, at: offset) {
            case .failure(let error):
                noteDamage(name, at: error.offset, of: bytes.count, error.damage.description)
                return
            case .success(let record):
                var reader = ByteReader(record.payload)
                var good = true
                switch record.type {
                case .checkpointHeader:
                    let version = reader.uvarint()
                    _ = reader.uvarint()
                    let hints = reader.uvarint()
                    good = version == Checkpoint.version
                    hintsUsable = hints == UInt64(hintSize)
                case .metadata:
                    good = metadata(record.payload)
                case .checkpointSeries:
                    guard let count = reader.count(minBytes: 8) else { good = false; break }
                    for _ in 0 ..< count {
                        guard let id = reader.uvarint(), id <= UInt64(UInt32.max), let labelCount = reader.count(minBytes: 2) else {
                            good = false; break
                        }
                        labels.removeAll(keepingCapacity: true)
                        for _ in 0 ..< labelCount {
                            guard let name = reader.string(), let value = reader.string() else { good = false; break }
                            labels.append(RawLabel(name: name, value: value))
                        }
                        guard good, let lastTime = reader.varint(), let lastDelta = reader.varint(),
                              let lastValue = reader.fixed64(), let leading = reader.byte(), let trailing = reader.byte(),
                              let chunkCount = reader.count(minBytes: 6)
                        else { good = false; break }
                        chunks.removeAll(keepingCapacity: true)
                        for _ in 0 ..< chunkCount {
                            guard let minTime = reader.varint(), let maxTime = reader.varint(),
                                  let sampleCount = reader.uvarint(), sampleCount <= UInt64(UInt16.max),
                                  let bitCount = reader.uvarint(), bitCount <= UInt64(UInt32.max),
                                  let hintBytes = reader.string(), let stream = reader.string(),
                                  stream.count == (Int(bitCount) + 7) / 8
                            else { good = false; break }
                            var hints = ChunkCheckpoints()
                            if hintsUsable && hintBytes.count == hintSize {
                                withUnsafeMutableBytes(of: &hints) { $0.copyMemory(from: hintBytes) }
                            }
                            chunks.append(RestoredChunk(
                                minTime: minTime, maxTime: maxTime, sampleCount: UInt16(sampleCount),
                                bitCount: UInt32(bitCount), hints: hints, stream: stream))
                        }
                        guard good else { break }
                        // Chunks wholly before retention are not restored.
                        let kept = chunks.filter { $0.maxTime >= bounds.oldest }
                        guard !kept.isEmpty, let (shard, slot) = series(id: UInt32(id), labels: labels) else { continue }
                        let appender = RestoredAppender(lastTime: lastTime, lastDelta: lastDelta, lastValue: lastValue,
                                                     leading: leading, trailing: trailing)
                        let restored = store.shards[shard].state.withLock { state in
                            state.restoreChunks(slot: slot, state: appender, chunks: kept)
                        }
                        addCheckpointSamples(restored)
                    }
                    if good { good = reader.isAtEnd }
                default:
                    good = false
                }
                guard good else {
                    noteDamage(name, at: offset, of: bytes.count, "malformed \(record.type) record")
                    return
                }
                offset = record.end
            }
        }
    }
}
