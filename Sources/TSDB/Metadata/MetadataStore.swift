/// Metric metadata (type, help, unit) per metric family, as remote write
/// delivers it and `/api/v1/metadata` serves it.
struct MetadataStore {
    /// Distinct metadata seen per family, oldest first.
    private var families: [String: [MetricMetadata]] = [:]
    static let maxPerFamily = 8
    /// New families beyond this are ignored, bounding memory against junk.
    static let maxFamilies = 100_000

    /// Returns the entries that changed anything (new, or not already the
    /// newest of their family): what the WAL needs to log.
    @discardableResult
    mutating func set(_ metadata: [MetricMetadata]) -> [MetricMetadata] {
        var changed: [MetricMetadata] = []
        for entry in metadata where !entry.metricFamilyName.isEmpty {
            let name = entry.metricFamilyName
            if families[name] == nil && families.count >= MetadataStore.maxFamilies { continue }
            var list = families[name] ?? []
            if list.last == entry { continue }
            changed.append(entry)
            if let existing = list.firstIndex(of: entry) {
                // Most recent last: move it.
                list.remove(at: existing)
            } else if list.count >= MetadataStore.maxPerFamily {
                list.removeFirst()
            }
            list.append(entry)
            families[name] = list
        }
        return changed
    }

    /// Every entry, oldest first per family (for checkpoints: setting them
    /// in this order rebuilds the same lists).
    var all: [MetricMetadata] {
        families.keys.sorted().flatMap { families[$0] ?? [] }
    }

    /// Newest entry first per family; `limit` caps the number of families
    /// (nil or negative: no cap), in name order.
    func query(metric: String?, limit: Int?) -> [String: [MetricMetadata]] {
        if let metric {
            guard let list = families[metric], limit.map({ $0 != 0 }) ?? true else { return [:] }
            return [metric: list.reversed()]
        }
        var names = families.keys.sorted()
        if let limit, limit >= 0, names.count > limit { names = Array(names.prefix(limit)) }
        var result: [String: [MetricMetadata]] = [:]
        for name in names { result[name] = families[name]?.reversed() }
        return result
    }
}

extension MemoryStore {
    public func setMetadata(_ metadata: [MetricMetadata]) {
        guard !metadata.isEmpty else { return }
        let changed = metadataStore.withLock { $0.set(metadata) }
        logMetadata(changed)
    }

    public func metadata(metric: String?, limit: Int?) -> [String: [MetricMetadata]] {
        metadataStore.withLock { $0.query(metric: metric, limit: limit) }
    }
}
