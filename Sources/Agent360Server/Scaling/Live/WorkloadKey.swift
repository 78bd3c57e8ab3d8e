import TSDB

/// A workload as the recorded signals name it.
struct WorkloadKey: Sendable, Hashable, Comparable {
    var namespace: String
    var workload: String

    init(namespace: String, workload: String) {
        self.namespace = namespace
        self.workload = workload
    }

    init(_ labels: Labels) {
        self.init(namespace: labels["namespace"] ?? "", workload: labels["workload"] ?? "")
    }

    static func < (lhs: WorkloadKey, rhs: WorkloadKey) -> Bool {
        (lhs.namespace, lhs.workload) < (rhs.namespace, rhs.workload)
    }
}
