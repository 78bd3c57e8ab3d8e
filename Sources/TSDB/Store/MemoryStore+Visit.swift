extension MemoryStore {
    /// The streaming read path: each shard's lock is taken once per span of
    /// `scanSpan` series (ingest into the shard waits for one span, not the
    /// whole shard), samples are decoded into one reused buffer, labels are
    /// lent as symbol ids. Series go by shard, then by id (creation order
    /// within the shard). Stops when the query's `ScanDeadline` passes.
    public func visitSeries(
        _ matchers: [LabelMatcher], minTime: Int64, maxTime: Int64, samples selection: SampleSelection,
        _ visitor: (borrowing SeriesVisit) throws -> Void
    ) throws {
        guard minTime <= maxTime else { return }
        let (ids, _) = try resolve(matchers)
        guard !ids.isEmpty else { return }
        // Symbols of series alive at resolution keep their strings while
        // those series live, so one id means one string for the whole call.
        var reader = ShardReader(strings: .directory(Unmanaged.passUnretained(symbolDirectory)))
        try withoutActuallyEscaping(visitor) { visitor in
            let visitor = LockedVisitor(call: visitor)
            try forEachSpan(of: ids) { shard, shardIDs in
                try shards[shard].state.withLock { state in
                    try reader.visit(state, shardIDs, minTime: minTime, maxTime: maxTime, selection: selection, visitor)
                }
            }
        }
    }
}

/// A visitor called inside a shard critical section.
///
/// `@unchecked Sendable` because region checking would otherwise tie the
/// shard state to the caller's closure: the closure runs synchronously on
/// this thread, within the call, and receives only a `~Copyable` visit it
/// cannot keep, so no shard state outlives the critical section.
struct LockedVisitor: @unchecked Sendable {
    let call: (borrowing SeriesVisit) throws -> Void
}
