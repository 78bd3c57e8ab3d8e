import PromQL
import TSDB

/// How fresh each point of a metric query's result is: the newest raw
/// sample among the input series that share the point's labels.
///
/// One newest timestamp for the whole result let a single fresh series
/// vouch for all: a pod that stopped reporting kept its last gauge value
/// for the 5-minute lookback while the API said the data was fresh. Now a
/// point `{pod="b"}` is as old as pod b's own samples, and the service
/// refuses it (503) once they are older than the metric's max age. A point
/// is matched with the inputs whose labels agree with all of its labels
/// (`__name__` aside), so `sum by (pod)` points get their pod's inputs and a
/// label-less `sum(...)` gets all of them; a point whose labels no input
/// has (made up by `label_replace`, `vector(1)`) gets the newest of all.
struct InputFreshness {
    /// Per distinct set of output label names: projected input values → newest.
    private var newestBy: [[String]: [[String?]: Int64]] = [:]
    private var newestOverall: Int64?

    init(of expr: Expr, at time: Int64, lookbackDelta: Int64, store: MemoryStore, outputs: [Labels]) throws {
        let nameSets = Set(outputs.map { $0.removingMetricName().map(\.name) })
        for names in nameSets { newestBy[names] = [:] }
        var strings: [UInt32: String] = [:]
        for (selector, range) in expr.selectors {
            let end = time - selector.offset
            let start = end - max(range, lookbackDelta)
            // Only each series' newest sample is read (no decoding when it is
            // the head's last one); a series that ended with a stale marker
            // does not count as fresh.
            try store.visitSeries(selector.matchers, minTime: start, maxTime: end, samples: .newest) { visit in
                guard let last = visit.samples.last, !last.isStaleMarker else { return }
                let newest = last.timestamp
                if newest > (newestOverall ?? .min) { newestOverall = newest }
                for names in nameSets {
                    let key = names.map { name -> String? in
                        guard let id = visit.valueID(ofLabel: name) else { return nil }
                        if let known = strings[id] { return known }
                        let string = visit.string(forLabelID: id)
                        strings[id] = string
                        return string
                    }
                    if newest > newestBy[names]?[key] ?? .min { newestBy[names]?[key] = newest }
                }
            }
        }
    }

    /// The newest input sample behind a result point; nil when no input
    /// series had a sample in range (the caller's evaluation time applies).
    func newest(for labels: Labels) -> Int64? {
        let own = labels.removingMetricName()
        let names = own.map(\.name)
        return newestBy[names]?[own.map(\.value)] ?? newestOverall
    }
}
