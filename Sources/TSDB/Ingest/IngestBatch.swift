/// Label bytes borrowed from a decoder's buffers (e.g. protobuf-c's C strings).
///
/// The store hashes and compares these bytes directly and makes Swift strings
/// only for a series it has never seen, so ingest allocates nothing per sample.
/// The pointers are valid only for the duration of the `ingest` call.
public struct RawLabel: @unchecked Sendable {
    public var name: UnsafeRawBufferPointer
    public var value: UnsafeRawBufferPointer

    public init(name: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer) {
        self.name = name
        self.value = value
    }
}

/// One series' slice of an `IngestBatch`.
public struct IngestSeries: Sendable {
    public var labelStart: Int32
    public var labelCount: Int32
    public var sampleStart: Int32
    public var sampleCount: Int32

    public init(labelStart: Int32, labelCount: Int32, sampleStart: Int32, sampleCount: Int32) {
        self.labelStart = labelStart
        self.labelCount = labelCount
        self.sampleStart = sampleStart
        self.sampleCount = sampleCount
    }
}

/// A decoded write request in flat arrays, reusable across requests.
///
/// Invariants the producer guarantees (the remote-write decoder validates them):
/// each series' labels are sorted by name, names are unique, valid and
/// non-empty, `__name__` is present, values are valid UTF-8, and each series'
/// samples are in the order they arrived.
public struct IngestBatch: @unchecked Sendable {
    public var labels: [RawLabel] = []
    public var samples: [Sample] = []
    public var series: [IngestSeries] = []

    public init() {}

    public mutating func removeAll() {
        labels.removeAll(keepingCapacity: true)
        samples.removeAll(keepingCapacity: true)
        series.removeAll(keepingCapacity: true)
    }

    public var isEmpty: Bool { series.isEmpty }

    /// Closes the series whose labels and samples were appended from these
    /// indices on: without samples its labels are dropped (nothing to store),
    /// otherwise it joins `series`.
    @inlinable
    public mutating func closeSeries(labelStart: Int, sampleStart: Int) {
        guard samples.count > sampleStart else {
            labels.removeSubrange(labelStart...)
            return
        }
        series.append(IngestSeries(
            labelStart: Int32(truncatingIfNeeded: labelStart),
            labelCount: Int32(truncatingIfNeeded: labels.count - labelStart),
            sampleStart: Int32(truncatingIfNeeded: sampleStart),
            sampleCount: Int32(truncatingIfNeeded: samples.count - sampleStart)
        ))
    }
}

/// Why the store refused a sample; the raw value is the metric label.
public enum RejectionReason: String, Sendable, CaseIterable, Hashable {
    /// Older than the series' newest sample.
    case outOfOrder = "out_of_order"
    /// Same timestamp as the newest sample but a different value.
    case duplicateTimestamp = "duplicate_timestamp"
    /// Older than the retention window: it would be deleted at once.
    case tooOld = "too_old"
    /// More than the allowed skew (10 minutes) ahead of the store's clock.
    case tooFarInFuture = "too_far_in_future"
    /// A new series beyond the configured active-series limit.
    case seriesLimit = "series_limit"
}

/// One refused sample, pointing back into the batch for error messages.
public struct Rejection: Sendable, Equatable {
    public var seriesIndex: Int
    public var timestamp: Int64
    public var reason: RejectionReason

    public init(seriesIndex: Int, timestamp: Int64, reason: RejectionReason) {
        self.seriesIndex = seriesIndex
        self.timestamp = timestamp
        self.reason = reason
    }
}

/// What happened to a batch: counts, and the first few rejections in detail.
public struct IngestResult: Sendable {
    public static let maxExamples = 10

    public var acceptedSamples = 0
    public var createdSeries = 0
    public var rejected: [RejectionReason: Int] = [:]
    /// At most `maxExamples`, in batch order.
    public var examples: [Rejection] = []
    /// Set when the write-ahead log could not record the batch (disk full,
    /// read-only, still replaying): nothing of it counts as acknowledged,
    /// and a sender should retry (remote write answers 503).
    public var storageError: StorageError?
    /// With `fsync: always` and `ingest(_:now:deferringSync:)`: the WAL
    /// position that must be on disk before the batch is acknowledged
    /// (`MemoryStore.waitSynced(upTo:)`).
    public var syncPosition: Int?

    public init() {}

    public var rejectedSamples: Int { rejected.values.reduce(0, +) }

    public mutating func reject(_ rejection: Rejection) {
        rejected[rejection.reason, default: 0] += 1
        if examples.count < IngestResult.maxExamples { examples.append(rejection) }
    }

    public mutating func merge(_ other: IngestResult) {
        acceptedSamples += other.acceptedSamples
        createdSeries += other.createdSeries
        for (reason, count) in other.rejected { rejected[reason, default: 0] += count }
        for example in other.examples where examples.count < IngestResult.maxExamples {
            examples.append(example)
        }
    }
}
