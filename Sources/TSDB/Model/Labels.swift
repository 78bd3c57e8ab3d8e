/// A series' label set, always sorted by name with unique names.
///
/// Keeping the invariant in the type (not at every call site) lets the store
/// hash and compare label sets without re-sorting, and gives query results
/// Prometheus's deterministic ordering.
public struct Labels: Sendable, Hashable, Comparable, RandomAccessCollection, CustomStringConvertible {
    /// The metric name label; Prometheus drops it from results of most functions.
    public static let metricName = "__name__"

    public private(set) var storage: [Label]

    public static let empty = Labels(sorted: [])

    /// Builds a label set from any order; a later duplicate name wins.
    public init(_ labels: [Label]) {
        var sorted = labels.sorted { $0.name < $1.name }
        var unique: [Label] = []
        unique.reserveCapacity(sorted.count)
        for label in sorted {
            if let last = unique.last, last.name == label.name {
                unique[unique.count - 1] = label
            } else {
                unique.append(label)
            }
        }
        sorted = unique
        self.storage = sorted
    }

    public init(_ pairs: [String: String]) {
        self.init(pairs.map { Label($0.key, $0.value) })
    }

    /// For callers that already hold sorted, unique labels (the store does).
    public init(sorted: [Label]) {
        self.storage = sorted
    }

    public var startIndex: Int { storage.startIndex }
    public var endIndex: Int { storage.endIndex }
    public subscript(position: Int) -> Label { storage[position] }

    /// The value of `name`, or nil when the set has no such label.
    public subscript(name: String) -> String? {
        var low = 0
        var high = storage.count
        while low < high {
            let mid = (low + high) / 2
            let candidate = storage[mid].name
            if candidate == name { return storage[mid].value }
            if candidate < name { low = mid + 1 } else { high = mid }
        }
        return nil
    }

    public var metricName: String? { self[Labels.metricName] }

    /// Sets (or, with an empty value, removes) a label, keeping the set sorted.
    /// An empty value removes the label because PromQL treats it as absent.
    public mutating func set(_ name: String, _ value: String) {
        if let index = storage.firstIndex(where: { $0.name >= name }) {
            if storage[index].name == name {
                if value.isEmpty { storage.remove(at: index) } else { storage[index].value = value }
            } else if !value.isEmpty {
                storage.insert(Label(name, value), at: index)
            }
        } else if !value.isEmpty {
            storage.append(Label(name, value))
        }
    }

    public func setting(_ name: String, _ value: String) -> Labels {
        var copy = self
        copy.set(name, value)
        return copy
    }

    public func removing(_ names: Set<String>) -> Labels {
        Labels(sorted: storage.filter { !names.contains($0.name) })
    }

    public func removingMetricName() -> Labels {
        guard self[Labels.metricName] != nil else { return self }
        return removing([Labels.metricName])
    }

    public func keeping(_ names: Set<String>) -> Labels {
        Labels(sorted: storage.filter { names.contains($0.name) })
    }

    public static func < (lhs: Labels, rhs: Labels) -> Bool {
        for (l, r) in zip(lhs.storage, rhs.storage) where l != r {
            if l.name != r.name { return l.name < r.name }
            return l.value < r.value
        }
        return lhs.count < rhs.count
    }

    /// `{__name__="x", a="b"}` rendered the way Prometheus prints series: `x{a="b"}`.
    public var description: String {
        let name = metricName ?? ""
        let rest = storage.filter { $0.name != Labels.metricName }
            .map { "\($0.name)=\"\(Labels.escape($0.value))\"" }
            .joined(separator: ", ")
        if rest.isEmpty { return name.isEmpty ? "{}" : name }
        return "\(name){\(rest)}"
    }

    static func escape(_ value: String) -> String {
        var out = ""
        for ch in value {
            switch ch {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.append(ch)
            }
        }
        return out
    }
}
