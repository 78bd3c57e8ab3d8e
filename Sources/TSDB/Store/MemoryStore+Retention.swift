extension MemoryStore {
    /// Drops chunks wholly before `now - retention`, removes series left
    /// without chunks and their postings, and frees symbols no series uses.
    ///
    /// Works one shard at a time so ingest and queries keep running; the
    /// index lock is taken only for shards that lost series.
    public func applyRetention(now: Int64) -> RetentionResult {
        // Replay adds postings at its end; removing series before that
        // would let them come back.
        guard wal.current != .replaying else { return RetentionResult() }
        let (low, overflow) = now.subtractingReportingOverflow(options.retention)
        let cutoff = overflow ? Int64.min : low
        var result = RetentionResult()
        for shard in shards {
            var removed: [SeriesRef] = []
            shard.state.withLock { state in
                state.dropChunks(before: cutoff, removed: &removed, result: &result)
            }
            guard !removed.isEmpty else { continue }
            index.withLock { index in
                index.postings.remove(removed)
                for series in removed {
                    for symbol in series.symbols { index.symbols.release(symbol) }
                }
                index.activeSeries -= removed.count
            }
        }
        return result
    }
}

extension ShardState {
    mutating func dropChunks(before cutoff: Int64, removed: inout [SeriesRef], result: inout RetentionResult) {
        var oldest = Int64.max
        for slot in records.indices {
            guard let head = records[slot].head else { continue }
            if Chunk.header(head).pointee.maxTime < cutoff {
                var chunk: UnsafeMutableRawPointer? = head
                while let block = chunk {
                    result.removedChunks += 1
                    result.removedSamples += Int(Chunk.header(block).pointee.sampleCount)
                    chunk = Chunk.header(block).pointee.older
                }
                removed.append(remove(slot: slot))
                result.removedSeries += 1
                continue
            }
            // Keep every chunk with a sample at or after the cutoff.
            var keep = head
            while let older = Chunk.header(keep).pointee.older, Chunk.header(older).pointee.maxTime >= cutoff {
                keep = older
            }
            if let drop = Chunk.header(keep).pointee.older {
                Chunk.header(keep).pointee.older = nil
                var chunk: UnsafeMutableRawPointer? = drop
                while let block = chunk {
                    let header = Chunk.header(block).pointee
                    result.removedChunks += 1
                    result.removedSamples += Int(header.sampleCount)
                    chunk = header.older
                    release(chunk: block)
                }
            }
            oldest = min(oldest, Chunk.header(keep).pointee.minTime)
        }
        minTime = oldest
    }
}
