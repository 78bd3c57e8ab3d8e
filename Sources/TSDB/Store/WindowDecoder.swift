/// Where decoded samples go: `select`'s array, or the scratch buffer a
/// visit lends. A generic parameter rather than a closure, so appending a
/// sample inlines into the decode loop.
protocol SampleSink: ~Copyable {
    mutating func append(_ sample: Sample)
}

extension Array: SampleSink where Element == Sample {}

/// Decoding one series' samples in a time window, for `select` and
/// `visitSeries` alike (call under the series' shard lock).
enum WindowDecoder {
    /// Appends the record's samples in [minTime, maxTime] to `sink`; returns
    /// how many. `chain` is scratch space for the chunk list.
    ///
    /// Starts each chunk at its latest checkpoint before the window, and
    /// leaves a checkpoint just before the window for the next query.
    @inline(__always)
    static func decode<Sink: SampleSink & ~Copyable>(
        _ record: SeriesRecord, minTime: Int64, maxTime: Int64, chain: inout [UnsafeMutableRawPointer],
        into sink: inout Sink
    ) -> Int {
        guard record.head != nil, record.maxTime >= minTime else { return 0 }
        chain.removeAll(keepingCapacity: true)
        var cursor = record.head
        while let block = cursor {
            chain.append(block)
            let header = Chunk.header(block).pointee
            if header.minTime <= minTime { break }
            cursor = header.older
        }
        var appended = 0
        for block in chain.reversed() {
            let header = Chunk.header(block).pointee
            if header.maxTime < minTime { continue }
            if header.minTime > maxTime { break }
            let (count, pastEnd) = decodeChunk(block, minTime: minTime, maxTime: maxTime, into: &sink)
            appended &+= count
            if pastEnd { break }
        }
        return appended
    }

    /// One chunk's part of `decode`: its own function, small enough for the
    /// iterator to be inlined and its state kept in registers. Returns the
    /// samples appended and whether a sample after `maxTime` was reached.
    @inline(never)
    static func decodeChunk<Sink: SampleSink & ~Copyable>(
        _ block: UnsafeMutableRawPointer, minTime: Int64, maxTime: Int64, into sink: inout Sink
    ) -> (appended: Int, pastEnd: Bool) {
        var iterator = XORChunk.iterator(UnsafeRawPointer(block), from: minTime)
        // Skip to the window, remembering the state before its first sample.
        var before = iterator
        var skipped = false
        while true {
            let saved = iterator
            guard iterator.next() else { return (0, false) }
            if iterator.time >= minTime {
                before = saved
                break
            }
            skipped = true
        }
        if skipped { XORChunk.cacheCheckpoint(block, before) }
        var appended = 0
        repeat {
            let time = iterator.time
            if time > maxTime { return (appended, true) }
            sink.append(Sample(timestamp: time, value: iterator.value))
            appended &+= 1
        } while iterator.next()
        return (appended, false)
    }

    /// The record's newest sample in [minTime, maxTime], if any.
    ///
    /// When the window reaches the series' last sample (an instant query at
    /// "now"), that sample is in the record and no chunk is read. Otherwise
    /// only the newest chunk starting at or before `maxTime` is decoded, from
    /// its latest checkpoint at or before `maxTime`.
    @inline(__always)
    static func newest(_ record: SeriesRecord, minTime: Int64, maxTime: Int64) -> Sample? {
        guard record.head != nil, record.lastTime >= minTime else { return nil }
        if record.lastTime <= maxTime {
            return Sample(timestamp: record.lastTime, value: Double(bitPattern: record.lastValue))
        }
        var cursor = record.head
        while let block = cursor {
            let header = Chunk.header(block).pointee
            if header.minTime <= maxTime {
                guard let sample = newest(in: block, atOrBefore: maxTime) else { return nil }
                return sample.timestamp >= minTime ? sample : nil
            }
            cursor = header.older
        }
        return nil
    }

    /// The last sample of a chunk at or before `time` (the chunk's first
    /// sample is).
    private static func newest(in block: UnsafeMutableRawPointer, atOrBefore time: Int64) -> Sample? {
        var iterator = XORChunk.iterator(UnsafeRawPointer(block), from: time &+ 1)
        // Resumed from a checkpoint, the iterator already holds the sample
        // before it, which lies before `time + 1`.
        var found: Sample? = iterator.nextIndex > 0 ? Sample(timestamp: iterator.time, value: iterator.value) : nil
        while iterator.next() {
            if iterator.time > time { break }
            found = Sample(timestamp: iterator.time, value: iterator.value)
        }
        return found
    }
}

/// A sample buffer reused for every series a visit reads: grows to the
/// largest window and is freed with the reader.
struct SampleScratch: ~Copyable, SampleSink {
    private var base: UnsafeMutablePointer<Sample>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 256) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit {
        base.deallocate()
    }

    mutating func removeAll() {
        count = 0
    }

    @inline(__always)
    mutating func append(_ sample: Sample) {
        if count == capacity { grow() }
        (base + count).initialize(to: sample)
        count &+= 1
    }

    var buffer: UnsafeBufferPointer<Sample> {
        UnsafeBufferPointer(start: base, count: count)
    }

    private mutating func grow() {
        let larger = UnsafeMutablePointer<Sample>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity *= 2
    }
}
