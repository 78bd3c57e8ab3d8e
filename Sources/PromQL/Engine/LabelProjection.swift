import TSDB

/// The part of a label set that decides grouping (`by`/`without`) or vector
/// matching (`on`/`ignoring`): hashed and compared in place, so series are
/// grouped without building a label set per series.
struct LabelProjection: Sendable {
    enum Mode: Sendable {
        /// Only the listed labels (`by`, `on`).
        case including
        /// All labels except the listed ones and `__name__` (`without`, `ignoring`).
        case excluding
    }

    let mode: Mode
    /// Sorted like `Labels` so the projection walks both lists once.
    let names: [String]

    /// `excluding` mode drops `__name__` too unless `keepingMetricName`
    /// (only `histogram_quantile` groups by the name).
    init(_ mode: Mode, names: [String], keepingMetricName: Bool = false) {
        self.mode = mode
        var sorted = Array(Set(names))
        if mode == .excluding && !keepingMetricName && !sorted.contains(metricNameLabel) {
            sorted.append(metricNameLabel)
        }
        sorted.sort()
        self.names = sorted
    }

    /// True when every series falls in the same group (`sum(x)`, `on()`).
    var isTrivial: Bool { mode == .including && names.isEmpty }

    /// Whether `label` belongs to the projection (excluding mode only).
    /// Equality tests (fast for short strings) beat ordered comparisons here.
    @inline(__always)
    private func keepsInExcludingMode(_ label: Label, dropsName: Bool) -> Bool {
        if dropsName && label.name == metricNameLabel { return false }
        for name in names where name == label.name { return false }
        return true
    }

    /// A 64-bit hash of the projected labels; equal projections hash equal.
    /// Collisions are resolved by `equal`, so a fast byte hash suffices.
    func hash(_ metric: SeriesMetric) -> Int {
        var hasher = FastHasher()
        switch mode {
        case .including:
            for name in names {
                if let value = metric[name] {
                    hasher.combine(value)
                } else {
                    hasher.combineAbsent()
                }
            }
        case .excluding:
            // `storage` (a plain array) inlines; `Labels`' own accessors do not.
            for label in metric.labels.storage where keepsInExcludingMode(label, dropsName: metric.dropsName) {
                hasher.combine(label.name)
                hasher.combine(label.value)
            }
        }
        return Int(truncatingIfNeeded: hasher.state)
    }

    func equal(_ lhs: SeriesMetric, _ rhs: SeriesMetric) -> Bool {
        switch mode {
        case .including:
            for name in names where lhs[name] != rhs[name] { return false }
            return true
        case .excluding:
            let left = lhs.labels.storage
            let right = rhs.labels.storage
            var i = 0
            var j = 0
            while true {
                while i < left.count && !keepsInExcludingMode(left[i], dropsName: lhs.dropsName) { i += 1 }
                while j < right.count && !keepsInExcludingMode(right[j], dropsName: rhs.dropsName) { j += 1 }
                if i == left.count || j == right.count { return i == left.count && j == right.count }
                if left[i] != right[j] { return false }
                i += 1
                j += 1
            }
        }
    }

    func includes(_ label: Label, dropsName: Bool) -> Bool {
        if dropsName && label.name == metricNameLabel { return false }
        return names.contains(label.name) == (mode == .including)
    }

    func project(_ metric: SeriesMetric) -> Labels {
        Labels(sorted: metric.labels.storage.filter { includes($0, dropsName: metric.dropsName) })
    }
}

/// Assigns dense group numbers to series by their projection.
struct GroupIndex {
    private let projection: LabelProjection
    private var firstByHash: [Int: Int32] = [:]
    private var nextInChain: [Int32] = []
    /// A member metric of each group.
    private(set) var representatives: [SeriesMetric] = []

    init(_ projection: LabelProjection) {
        self.projection = projection
    }

    var count: Int { representatives.count }

    mutating func group(of metric: SeriesMetric) -> Int32 {
        if projection.isTrivial {
            if representatives.isEmpty { representatives.append(metric) }
            return 0
        }
        let hash = projection.hash(metric)
        if var candidate = firstByHash[hash] {
            while true {
                if projection.equal(representatives[Int(candidate)], metric) { return candidate }
                let next = nextInChain[Int(candidate)]
                if next < 0 { break }
                candidate = next
            }
            let id = Int32(representatives.count)
            nextInChain[Int(candidate)] = id
            nextInChain.append(-1)
            representatives.append(metric)
            return id
        }
        let id = Int32(representatives.count)
        firstByHash[hash] = id
        nextInChain.append(-1)
        representatives.append(metric)
        return id
    }
}

/// FNV-1a over UTF-8 bytes with a separator per string: much cheaper than
/// `Hasher` for short label strings; only used where equality is re-checked.
struct FastHasher {
    private(set) var state: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01b3

    @inline(__always)
    mutating func combine(_ text: String) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            for byte in bytes { state = (state ^ UInt64(byte)) &* FastHasher.prime }
        }
        if done == nil {
            for byte in text.utf8 { state = (state ^ UInt64(byte)) &* FastHasher.prime }
        }
        state = (state ^ 0xFF) &* FastHasher.prime
    }

    @inline(__always)
    mutating func combineAbsent() {
        state = (state ^ 0xFE) &* FastHasher.prime
    }
}
