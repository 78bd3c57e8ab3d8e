import TSDB

extension Evaluator {
    /// `histogram_quantile(φ, buckets)` over classic `le`-labelled buckets:
    /// series are grouped by all labels but `le` (the metric name included),
    /// the result loses `le` and the name.
    func histogramQuantile(_ node: FunctionCall, _ grid: StepGrid) throws -> SeriesSet {
        let quantiles = try evalScalar(node.args[0], grid)
        let input = try evalVector(node.args[1], grid)
        let projection = LabelProjection(.excluding, names: ["le"], keepingMetricName: true)
        var groups = GroupIndex(projection)
        var groupOf = [Int](repeating: -1, count: input.count)
        var upperBounds = [Double](repeating: 0, count: input.count)
        for series in 0..<input.count {
            // A missing or malformed `le` means the series is not a bucket.
            guard let text = input.metrics[series]["le"], let bound = NumberParsing.parseGoFloat(text) else { continue }
            upperBounds[series] = bound
            groupOf[series] = Int(groups.group(of: input.metrics[series]))
        }
        var buckets = [[Quantile.Bucket]](repeating: [], count: groups.count)
        var stamp = [Int](repeating: -1, count: groups.count)
        var touched: [Int] = []
        var groupOutput = [Int](repeating: -1, count: groups.count)
        var output = OutputAssembler(grid: grid, mergesByLabels: true)
        var cursor = StepCursor(input)
        for step in 0..<grid.count {
            try checkInterrupt()
            let time = grid.time(step)
            touched.removeAll(keepingCapacity: true)
            for series in 0..<input.count {
                guard let count = cursor.value(series, at: time, in: input) else { continue }
                let group = groupOf[series]
                guard group >= 0 else { continue }
                if stamp[group] != step {
                    stamp[group] = step
                    buckets[group].removeAll(keepingCapacity: true)
                    touched.append(group)
                }
                buckets[group].append(Quantile.Bucket(upperBound: upperBounds[series], count: count))
            }
            for group in touched {
                if groupOutput[group] < 0 {
                    let labels = groups.representatives[group].materialized
                        .removing([metricNameLabel, "le"])
                    groupOutput[group] = output.series(for: SeriesMetric(labels))
                }
                try output.append(groupOutput[group], step: step, value: Quantile.ofBuckets(quantiles[step], buckets[group]))
            }
        }
        return output.build()
    }
}
