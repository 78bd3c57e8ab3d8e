/// One series lent to a `SeriesQuerier.visitSeries` visitor.
///
/// A whole-fleet query (`sum(rate(x[1m]))` over 100k series) mostly needs a
/// few numbers per series and no labels at all, so the visit lends what the
/// querier already has instead of building a `Labels` array and a `[Sample]`
/// per series: the samples sit in a scratch buffer that the next series
/// reuses, and the labels are ids of the store's interned strings. Strings
/// are made only when asked for.
///
/// Everything here is valid only during the visitor call; `~Copyable` keeps
/// the visit from being stored. Copy out what must outlive it (`labels`,
/// `Array(samples)`).
public struct SeriesVisit: ~Copyable {
    /// Identifies the series. `MemoryStore` ids last as long as the series and
    /// are never reused; other queriers may number series per call.
    public let seriesID: UInt64
    /// The samples in the requested range (or just the newest of them),
    /// ascending by time, stale markers included.
    public let samples: UnsafeBufferPointer<Sample>
    /// The labels as (name, value) id pairs, sorted by name. Within one
    /// `visitSeries` call equal ids mean equal strings (not across calls),
    /// so series can be grouped and compared without touching strings.
    public let labelIDs: UnsafeBufferPointer<UInt32>
    let strings: LabelStrings

    init(seriesID: UInt64, samples: UnsafeBufferPointer<Sample>, labelIDs: UnsafeBufferPointer<UInt32>, strings: LabelStrings) {
        self.seriesID = seriesID
        self.samples = samples
        self.labelIDs = labelIDs
        self.strings = strings
    }

    public var labelCount: Int { labelIDs.count / 2 }

    /// The string of an id from `labelIDs` of this visit.
    @inline(__always)
    public func string(forLabelID id: UInt32) -> String {
        strings.string(id)
    }

    /// The label set as a value (allocates; call only when needed).
    public var labels: Labels {
        let count = labelCount
        let labels = [Label](unsafeUninitializedCapacity: count) { buffer, initialized in
            for pair in 0 ..< count {
                buffer.initializeElement(at: pair, to: Label(
                    strings.string(labelIDs[2 &* pair]), strings.string(labelIDs[2 &* pair &+ 1])))
            }
            initialized = count
        }
        return Labels(sorted: labels)
    }

    /// The id of `name`'s value, comparing bytes rather than making strings.
    public func valueID(ofLabel name: String) -> UInt32? {
        var pair = 0
        while pair &+ 1 < labelIDs.count {
            if strings.equals(labelIDs[pair], name) { return labelIDs[pair &+ 1] }
            pair &+= 2
        }
        return nil
    }

    /// The value of `name`, or nil when the series has no such label.
    public func value(ofLabel name: String) -> String? {
        valueID(ofLabel: name).map { strings.string($0) }
    }
}

/// Which of the samples in range a visit lends.
public enum SampleSelection: Sendable, Hashable {
    /// All of them.
    case all
    /// Only the newest: what an instant selector needs. `MemoryStore`
    /// answers it from the series record, without decoding a chunk, when
    /// the range ends at or after the series' last sample.
    case newest
}

/// Where a visit's label ids get their strings: the store's symbol
/// directory, or a per-call table (the default `visitSeries`). Both are
/// unowned references so a visit is a plain value with no reference counting.
enum LabelStrings {
    case directory(Unmanaged<SymbolDirectory>)
    case table(UnsafeBufferPointer<String>)

    @inline(__always)
    func string(_ id: UInt32) -> String {
        switch self {
        case .directory(let directory): return directory._withUnsafeGuaranteedRef { $0.string(id) }
        case .table(let strings): return strings[Int(id)]
        }
    }

    @inline(__always)
    func equals(_ id: UInt32, _ text: String) -> Bool {
        switch self {
        case .directory(let directory):
            var text = text
            return text.withUTF8 { utf8 in
                directory._withUnsafeGuaranteedRef { bytesEqual($0.bytes(id), UnsafeRawBufferPointer(utf8)) }
            }
        case .table(let strings):
            return strings[Int(id)] == text
        }
    }
}
