/// Per-call accumulator for `IngestResult`, cheap on the accepted path.
///
/// Batches are processed shard by shard, not in batch order, so the detailed
/// examples are kept as the smallest (series index, sample offset) seen,
/// which gives the first rejections in batch order.
struct IngestTally {
    var accepted = 0
    var created = 0
    /// When set (the WAL is on), each batch series' id goes here, indexed
    /// by batch position; series the store did not keep stay `noSeries`.
    var ids: IDSink?
    /// Batch positions of the series this call created (for series records).
    var createdSeries: [Int32] = []
    static let noSeries = UInt32.max

    @inline(__always)
    func noteID(_ id: UInt32, at index: Int) {
        if let ids { ids.pointer[index] = id }
    }

    mutating func noteCreated(_ id: UInt32, at index: Int) {
        guard let ids else { return }
        ids.pointer[index] = id
        createdSeries.append(Int32(truncatingIfNeeded: index))
    }
    private var counts = (0, 0, 0, 0, 0)
    private var examples: [(Rejection, Int)] = []

    @inline(never)
    mutating func reject(seriesIndex: Int, offset: Int, time: Int64, reason: RejectionReason) {
        switch reason {
        case .outOfOrder: counts.0 += 1
        case .duplicateTimestamp: counts.1 += 1
        case .tooOld: counts.2 += 1
        case .tooFarInFuture: counts.3 += 1
        case .seriesLimit: counts.4 += 1
        }
        let key = (seriesIndex, offset)
        if examples.count == IngestResult.maxExamples {
            guard let last = examples.last, key < (last.0.seriesIndex, last.1) else { return }
            examples.removeLast()
        }
        let position = examples.firstIndex { key < ($0.0.seriesIndex, $0.1) } ?? examples.count
        examples.insert((Rejection(seriesIndex: seriesIndex, timestamp: time, reason: reason), offset), at: position)
    }

    var result: IngestResult {
        var result = IngestResult()
        result.acceptedSamples = accepted
        result.createdSeries = created
        let pairs: [(RejectionReason, Int)] = [
            (.outOfOrder, counts.0), (.duplicateTimestamp, counts.1), (.tooOld, counts.2),
            (.tooFarInFuture, counts.3), (.seriesLimit, counts.4),
        ]
        for (reason, count) in pairs where count > 0 { result.rejected[reason] = count }
        result.examples = examples.map(\.0)
        return result
    }
}

/// Where the store writes each batch series' id for the WAL: a buffer the
/// logging caller owns for the duration of one locked ingest.
struct IDSink: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<UInt32>
}
