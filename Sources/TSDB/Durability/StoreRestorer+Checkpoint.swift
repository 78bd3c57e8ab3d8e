extension StoreRestorer {
    /// Loads a checkpoint's series and metadata. Damage stops loading at the
    /// damaged frame (what came before stays) and is reported, never fatal.
    mutating func loadCheckpoint(_ bytes: UnsafeRawBufferPointer, name: String) {
        var offset = 0
        var frame = CheckpointFrame()
        var strings = CheckpointSymbolTable()
        defer { store.index.withLock { strings.releaseAll(from: &$0.symbols) } }
        while offset < bytes.count {
            switch WALFrame.read(bytes, at: offset) {
            case .failure(let error):
                noteDamage(name, at: error.offset, of: bytes.count, error.damage.description)
                return
            case .success(let record):
                var good = true
                switch record.type {
                case .checkpointHeader:
                    var reader = ByteReader(record.payload)
                    let version = reader.uvarint()
                    _ = reader.uvarint()
                    let hints = reader.uvarint()
                    // Version 1 (earlier builds) differs only in writing label strings in full.
                    good = version == Checkpoint.version || version == 1
                    strings.inlineStrings = version == 1
                    frame.hintsUsable = hints == UInt64(MemoryLayout<ChunkCheckpoints>.size)
                case .metadata:
                    good = metadata(record.payload)
                case .checkpointSeries:
                    good = frame.parse(record.payload, strings: &strings, oldest: bounds.oldest)
                    if good { restore(frame, strings: &strings) }
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

    /// Restores one parsed frame: its new strings and every label reference
    /// under one index lock, then each run of series of one shard under one
    /// shard lock (a frame normally holds a single shard's series).
    private mutating func restore(_ frame: CheckpointFrame, strings: inout CheckpointSymbolTable) {
        var resolved: [UInt32] = []
        resolved.reserveCapacity(frame.labelNumbers.count)
        var usable: [Bool] = []
        usable.reserveCapacity(frame.series.count)
        store.index.withLock { index in
            strings.commit(into: &index.symbols)
            for series in frame.series {
                for number in frame.labelNumbers[series.labels] { resolved.append(strings[number]) }
                let complete = !resolved[series.labels].contains(CheckpointSymbolTable.missing)
                if complete { for symbol in resolved[series.labels] { index.symbols.retain(id: symbol) } }
                usable.append(complete)
            }
        }
        // Each series' labels as bytes, made once: hashed here, compared in `find` below.
        let directory = store.symbolDirectory
        var labels: [RawLabel] = []
        labels.reserveCapacity(resolved.count / 2)
        var hashes: [UInt64] = []
        var shards: [Int] = []
        for (position, series) in frame.series.enumerated() {
            guard usable[position] else {
                // Keeps `labels` aligned with `resolved`; never read.
                let empty = UnsafeRawBufferPointer(start: nil, count: 0)
                labels.append(contentsOf: repeatElement(RawLabel(name: empty, value: empty), count: series.labels.count / 2))
                report.droppedSeries += 1
                hashes.append(0)
                shards.append(-1)
                continue
            }
            Self.appendLabels(resolved[series.labels], directory, to: &labels)
            let hash = labels[Self.labelRange(series)].withUnsafeBufferPointer { LabelHash.hash($0) } & store.hashMask
            hashes.append(hash)
            shards.append(store.shardIndex(ofHash: hash))
        }
        var unused: [UInt32] = []
        var restoredSamples = 0
        var start = 0
        while start < frame.series.count {
            var end = start + 1
            while end < frame.series.count && shards[end] == shards[start] { end += 1 }
            if shards[start] >= 0 {
                store.shards[shards[start]].state.withLock { state in
                    for position in start ..< end {
                        let series = frame.series[position]
                        let symbols = resolved[series.labels]
                        let existing = labels[Self.labelRange(series)].withUnsafeBufferPointer {
                            state.find(hash: hashes[position], labels: $0, symbols: directory)
                        }
                        let slot: Int
                        if let existing {
                            // Already restored (a malformed checkpoint): keep one.
                            if state.records[existing].id != series.id { remapped[series.id] = state.records[existing].id }
                            unused.append(contentsOf: symbols)
                            slot = existing
                        } else if let placed = symbols.withUnsafeBufferPointer({
                            place(id: series.id, hash: hashes[position], symbols: $0, in: &state)
                        }) {
                            slot = placed
                            created.append(id: state.records[slot].id, symbols: symbols)
                            restoredActive += 1
                            report.series += 1
                        } else {
                            unused.append(contentsOf: symbols)
                            report.droppedSeries += 1
                            continue
                        }
                        restoredSamples += state.restoreChunks(slot: slot, state: series.appender, chunks: frame.chunks[series.chunks])
                    }
                }
            }
            start = end
        }
        if !unused.isEmpty {
            store.index.withLock { index in for symbol in unused { index.symbols.release(symbol) } }
        }
        addCheckpointSamples(restoredSamples)
    }

    /// A series' (name, value) symbol pairs as raw labels, appended.
    private static func appendLabels(_ symbols: ArraySlice<UInt32>, _ directory: SymbolDirectory, to labels: inout [RawLabel]) {
        var index = symbols.startIndex
        while index + 1 < symbols.endIndex {
            labels.append(RawLabel(name: directory.bytes(symbols[index]), value: directory.bytes(symbols[index + 1])))
            index += 2
        }
    }

    /// Where a series' raw labels sit (one per symbol pair).
    private static func labelRange(_ series: CheckpointFrame.Series) -> Range<Int> {
        series.labels.lowerBound / 2 ..< series.labels.upperBound / 2
    }
}

/// One checkpoint series frame, parsed before anything is locked. Series
/// with no chunk inside retention are left out (their strings still count:
/// later series refer to them by number).
struct CheckpointFrame {
    struct Series {
        var id: UInt32
        /// Ranges into `labelNumbers` (name, value pairs) and `chunks`.
        var labels: Range<Int>
        var appender: RestoredAppender
        var chunks: Range<Int>
    }

    var hintsUsable = false
    private(set) var series: [Series] = []
    private(set) var labelNumbers: [UInt32] = []
    private(set) var chunks: [RestoredChunk] = []

    mutating func parse(_ payload: UnsafeRawBufferPointer, strings: inout CheckpointSymbolTable, oldest: Int64) -> Bool {
        series.removeAll(keepingCapacity: true)
        labelNumbers.removeAll(keepingCapacity: true)
        chunks.removeAll(keepingCapacity: true)
        var reader = ByteReader(payload)
        guard let count = reader.count(minBytes: 8) else { return false }
        for _ in 0 ..< count {
            guard let id = reader.uvarint(), id < UInt64(UInt32.max), let labelCount = reader.count(minBytes: 2) else { return false }
            let labelStart = labelNumbers.count
            for _ in 0 ..< labelCount * 2 {
                guard let number = strings.read(&reader) else { return false }
                labelNumbers.append(number)
            }
            guard let lastTime = reader.varint(), let lastDelta = reader.varint(), let lastValue = reader.fixed64(),
                  let leading = reader.byte(), let trailing = reader.byte(), let chunkCount = reader.count(minBytes: 6)
            else { return false }
            let chunkStart = chunks.count
            for _ in 0 ..< chunkCount {
                guard let chunk = parseChunk(&reader) else { return false }
                // Chunks wholly before retention are not restored.
                if chunk.maxTime >= oldest { chunks.append(chunk) }
            }
            guard chunks.count > chunkStart else {
                labelNumbers.removeSubrange(labelStart...)
                continue
            }
            series.append(Series(
                id: UInt32(id), labels: labelStart ..< labelNumbers.count,
                appender: RestoredAppender(lastTime: lastTime, lastDelta: lastDelta, lastValue: lastValue, leading: leading, trailing: trailing),
                chunks: chunkStart ..< chunks.count))
        }
        return reader.isAtEnd
    }

    private func parseChunk(_ reader: inout ByteReader) -> RestoredChunk? {
        guard let minTime = reader.varint(), let maxTime = reader.varint(),
              let sampleCount = reader.uvarint(), sampleCount <= UInt64(UInt16.max),
              let bitCount = reader.uvarint(), bitCount <= UInt64(UInt32.max),
              let hintBytes = reader.string(), let stream = reader.string(),
              stream.count == (Int(bitCount) + 7) / 8
        else { return nil }
        var hints = ChunkCheckpoints()
        if hintsUsable && hintBytes.count == MemoryLayout<ChunkCheckpoints>.size {
            withUnsafeMutableBytes(of: &hints) { $0.copyMemory(from: hintBytes) }
        }
        return RestoredChunk(
            minTime: minTime, maxTime: maxTime, sampleCount: UInt16(sampleCount),
            bitCount: UInt32(bitCount), hints: hints, stream: stream)
    }
}
