extension IngestBatch {
    /// The labels of one batch series as Swift `Labels`, for error messages
    /// and logs (allocates; not for the hot path). Empty for an index or
    /// label range outside the batch.
    public func labels(ofSeries index: Int) -> Labels {
        guard series.indices.contains(index) else { return .empty }
        let entry = series[index]
        let start = Int(entry.labelStart)
        let end = start + Int(entry.labelCount)
        guard start >= 0, start <= end, end <= labels.count else { return .empty }
        var result: [Label] = []
        result.reserveCapacity(end - start)
        for label in labels[start ..< end] where label.value.count > 0 {
            result.append(Label(
                String(decoding: label.name, as: UTF8.self),
                String(decoding: label.value, as: UTF8.self)
            ))
        }
        return Labels(sorted: result)
    }
}
