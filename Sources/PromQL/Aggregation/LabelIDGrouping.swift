import TSDB

/// Assigns aggregation groups (`by` / `without`) to visited series from
/// their label ids, without making strings or `Labels` per series.
///
/// Series of a fleet mostly share one label-name layout, so the positions
/// of the grouping labels are worked out once per layout (comparing a few
/// name ids per series to see that the layout is unchanged); a group key is
/// then a handful of value ids, looked up in an integer hash table. Strings
/// are made once per new group, for its output labels.
///
/// Label ids are consistent within one `visitSeries` call only, so a
/// grouping must not outlive the call that fed it.
struct LabelIDGrouping {
    private let projection: LabelProjection
    /// Whether the series' metric names are dropped before grouping (range
    /// functions drop them; a plain selector does not).
    private let dropsName: Bool
    /// Name id → index in `projection.names` (including mode) or 0 = kept
    /// (excluding mode); -1 when the label does not take part.
    private var roles: [UInt32: Int32] = [:]
    /// Name ids of the layout `picks` belongs to (none before the first series).
    private var layout: [UInt32] = []
    private var knowsLayout = false
    /// Including mode: per projected name, the pair offset in `labelIDs`
    /// (or -1); excluding mode: the offsets of the kept pairs.
    private var picks: [Int] = []
    private var key: [UInt32] = []
    private var table = GroupKeyTable()
    /// Output labels of each group, in group order.
    private(set) var labelsOfGroup: [Labels] = []

    init(_ projection: LabelProjection, dropsName: Bool) {
        self.projection = projection
        self.dropsName = dropsName
    }

    /// Absent label in an including key; symbol ids never reach it.
    private static let absent = UInt32.max

    mutating func group(of series: borrowing SeriesVisit) -> Int {
        if projection.isTrivial {
            if labelsOfGroup.isEmpty { labelsOfGroup.append(.empty) }
            return 0
        }
        let ids = series.labelIDs
        if !hasLayout(ids) { learnLayout(series) }
        key.removeAll(keepingCapacity: true)
        switch projection.mode {
        case .including:
            for pick in picks { key.append(pick >= 0 ? ids[pick &+ 1] : Self.absent) }
        case .excluding:
            for pick in picks {
                key.append(ids[pick])
                key.append(ids[pick &+ 1])
            }
        }
        let (group, isNew) = key.withUnsafeBufferPointer { table.findOrInsert($0) }
        if isNew { labelsOfGroup.append(groupLabels(series)) }
        return group
    }

    /// Whether the series' label names are those of the learnt layout.
    @inline(__always)
    private func hasLayout(_ ids: UnsafeBufferPointer<UInt32>) -> Bool {
        guard knowsLayout, ids.count == layout.count &* 2 else { return false }
        var pair = 0
        while pair < layout.count {
            if ids[pair &* 2] != layout[pair] { return false }
            pair &+= 1
        }
        return true
    }

    private mutating func learnLayout(_ series: borrowing SeriesVisit) {
        let ids = series.labelIDs
        layout.removeAll(keepingCapacity: true)
        picks.removeAll(keepingCapacity: true)
        if projection.mode == .including {
            picks = [Int](repeating: -1, count: projection.names.count)
        }
        for pair in 0 ..< series.labelCount {
            let nameID = ids[2 * pair]
            layout.append(nameID)
            let role: Int32
            if let known = roles[nameID] {
                role = known
            } else {
                role = self.role(of: series.string(forLabelID: nameID))
                roles[nameID] = role
            }
            guard role >= 0 else { continue }
            if projection.mode == .including {
                picks[Int(role)] = 2 * pair
            } else {
                picks.append(2 * pair)
            }
        }
        knowsLayout = true
    }

    private func role(of name: String) -> Int32 {
        if dropsName && name == metricNameLabel { return -1 }
        let index = projection.names.firstIndex(of: name)
        switch projection.mode {
        case .including: return index.map { Int32($0) } ?? -1
        case .excluding: return index == nil ? 0 : -1
        }
    }

    /// The group's output labels: the projection of the series' labels
    /// (projected names and label pairs are both sorted by name).
    private func groupLabels(_ series: borrowing SeriesVisit) -> Labels {
        let ids = series.labelIDs
        var labels: [Label] = []
        switch projection.mode {
        case .including:
            for (index, pick) in picks.enumerated() where pick >= 0 {
                labels.append(Label(projection.names[index], series.string(forLabelID: ids[pick + 1])))
            }
        case .excluding:
            for pick in picks {
                labels.append(Label(series.string(forLabelID: ids[pick]), series.string(forLabelID: ids[pick + 1])))
            }
        }
        return Labels(sorted: labels)
    }
}
