@testable import TSDB

/// Deterministic generator so failures reproduce.
struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Encodes samples into one chunk block big enough for them and decodes it.
func roundTrip(_ samples: [Sample]) -> [Sample] {
    let block = Chunk.allocate(capacity: samples.count * 20 + 64, older: nil, time: samples.first?.timestamp ?? 0)
    defer { block.deallocate() }
    var state = AppenderState()
    for sample in samples {
        XORChunk.append(block, &state, time: sample.timestamp, value: sample.value.bitPattern)
    }
    var decoded: [Sample] = []
    var iterator = XORIterator(UnsafeRawPointer(block))
    while iterator.next() { decoded.append(Sample(timestamp: iterator.time, value: iterator.value)) }
    return decoded
}

let t0: Int64 = 1_700_000_000_000

func labels(_ pairs: KeyValuePairs<String, String>) -> Labels {
    Labels(pairs.map { Label($0.key, $0.value) })
}

/// Builds a raw-bytes batch like the remote-write decoder does; the byte
/// buffer must outlive the ingest call, so the batch is handed to `body`.
func withBatch<R>(_ series: [(Labels, [Sample])], _ body: (IngestBatch) -> R) -> R {
    var bytes: [UInt8] = []
    var offsets: [(Int, Int, Int, Int)] = []
    for (labels, _) in series {
        for label in labels {
            let nameStart = bytes.count
            bytes.append(contentsOf: label.name.utf8)
            let valueStart = bytes.count
            bytes.append(contentsOf: label.value.utf8)
            offsets.append((nameStart, valueStart - nameStart, valueStart, bytes.count - valueStart))
        }
    }
    return bytes.withUnsafeBytes { buffer in
        var batch = IngestBatch()
        var offsetIndex = 0
        for (labels, samples) in series {
            batch.series.append(IngestSeries(
                labelStart: Int32(batch.labels.count), labelCount: Int32(labels.count),
                sampleStart: Int32(batch.samples.count), sampleCount: Int32(samples.count)
            ))
            for _ in 0 ..< labels.count {
                let o = offsets[offsetIndex]
                offsetIndex += 1
                batch.labels.append(RawLabel(
                    name: UnsafeRawBufferPointer(rebasing: buffer[o.0 ..< o.0 + o.1]),
                    value: UnsafeRawBufferPointer(rebasing: buffer[o.2 ..< o.2 + o.3])
                ))
            }
            batch.samples.append(contentsOf: samples)
        }
        return body(batch)
    }
}

func bits(_ samples: [Sample]) -> [UInt64] { samples.map(\.value.bitPattern) }
