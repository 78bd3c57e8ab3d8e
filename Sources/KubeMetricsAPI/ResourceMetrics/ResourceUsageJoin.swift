import TSDB

/// The CPU and memory series of one object (a container or a node),
/// joined by the labels that name it.
struct UsagePair: Sendable {
    var cpu: MetricPoint?
    var memory: MetricPoint?
}

/// Why an object's usage is not served.
enum UsageProblem: Error, Sendable, Hashable {
    /// One of the two resources has no series (metrics-server likewise
    /// leaves out pods with a container it has no complete metrics for).
    case incomplete(String)
    /// A series' newest sample is older than the max age: 503 for a named
    /// object, left out of a list (it is usually a deleted pod whose series
    /// linger for the lookback).
    case stale(String)
    /// NaN, infinite, negative or out-of-range values.
    case unusable(String)

    var message: String {
        switch self {
        case .incomplete(let message), .stale(let message), .unusable(let message): return message
        }
    }
}

/// Joins CPU and memory results by a key read from each series' labels.
///
/// A series without the key's labels, or two series for one key, is a
/// query that does not have the documented shape: 500 naming the query,
/// as for custom metrics, rather than a guess.
struct ResourceUsageJoin<Key: Hashable & Sendable>: Sendable {
    private(set) var pairs: [Key: UsagePair] = [:]

    init(cpu: [MetricPoint], memory: [MetricPoint], shape: String,
         key: (Labels) -> Key?) throws(KubeAPIError) {
        for (resource, points) in [("cpu", cpu), ("memory", memory)] {
            for point in points {
                guard let key = key(point.labels) else {
                    throw .internalError(
                        "resource metrics: \(resource) series \(point.labels) lacks the labels \(shape) that name its object; "
                            + "keep them in the query (e.g. sum by (\(shape)) (...))")
                }
                var pair = pairs[key] ?? UsagePair()
                let duplicate = resource == "cpu" ? pair.cpu != nil : pair.memory != nil
                guard !duplicate else {
                    throw .internalError(
                        "resource metrics: the \(resource) query returned more than one series for \(point.labels.removingMetricName()); "
                            + "aggregate by (\(shape)) so each object has one value")
                }
                if resource == "cpu" { pair.cpu = point } else { pair.memory = point }
                pairs[key] = pair
            }
        }
    }
}

extension UsagePair {
    /// The usage and its timestamp (the older of the two newest samples, so
    /// both values are at least that recent), or why there is none.
    func usage(describing object: String, maxAgeSeconds: Int64, at time: Int64) -> Result<(ResourceUsage, Int64), UsageProblem> {
        guard let cpu else { return .failure(.incomplete("\(object) has memory but no CPU usage series")) }
        guard let memory else { return .failure(.incomplete("\(object) has CPU but no memory usage series")) }
        let newest = min(cpu.newestSampleTimestamp, memory.newestSampleTimestamp)
        if time - newest > maxAgeSeconds * 1000 {
            let age = Double(time - newest) / 1000
            return .failure(.stale("\(object): newest sample is \(age)s old, older than the allowed \(maxAgeSeconds)s; "
                + "refusing to serve stale data"))
        }
        guard let usage = ResourceUsage(cpuCores: cpu.value, memoryBytes: memory.value) else {
            return .failure(.unusable("\(object) has CPU \(cpu.value) cores and memory \(memory.value) bytes, "
                + "which are not usable resource quantities"))
        }
        return .success((usage, newest))
    }
}
