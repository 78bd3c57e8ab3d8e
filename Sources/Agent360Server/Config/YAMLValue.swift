import Yams

/// Scalar conversions with errors that carry the node's line.
enum YAMLValue {
    static func scalar(_ node: Node, _ keyPath: String) throws(ConfigError) -> Node.Scalar {
        guard case .scalar(let scalar) = node else {
            throw ConfigError.invalidValue(keyPath, line: node.mark?.line, column: node.mark?.column, "expected a single value")
        }
        return scalar
    }

    static func string(_ node: Node, _ keyPath: String) throws(ConfigError) -> String {
        try scalar(node, keyPath).string
    }

    static func bool(_ node: Node, _ keyPath: String) throws(ConfigError) -> Bool {
        switch try scalar(node, keyPath).string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        case let other:
            throw invalid(node, keyPath, "expected true or false, got \"\(other)\"")
        }
    }

    static func int(_ node: Node, _ keyPath: String, range: ClosedRange<Int>?) throws(ConfigError) -> Int {
        let text = try scalar(node, keyPath).string.replacingOccurrences(of: "_", with: "")
        guard let value = Int(text) else { throw invalid(node, keyPath, "expected an integer, got \"\(text)\"") }
        if let range, !range.contains(value) {
            throw invalid(node, keyPath, "must be between \(range.lowerBound) and \(range.upperBound), got \(value)")
        }
        return value
    }

    static func double(_ node: Node, _ keyPath: String, range: ClosedRange<Double>?) throws(ConfigError) -> Double {
        let text = try scalar(node, keyPath).string
        guard let value = Double(text), value.isFinite else {
            throw invalid(node, keyPath, "expected a number, got \"\(text)\"")
        }
        if let range, !range.contains(value) {
            throw invalid(node, keyPath, "must be between \(range.lowerBound) and \(range.upperBound), got \(text)")
        }
        return value
    }

    static func duration(_ node: Node, _ keyPath: String, allowZero: Bool) throws(ConfigError) -> ConfigDuration {
        let text = try scalar(node, keyPath).string
        guard let duration = ConfigDuration(text) else {
            throw invalid(node, keyPath, "invalid duration \"\(text)\" (use Prometheus durations such as 15s, 1m, 1h30m)")
        }
        if duration.milliseconds == 0 && !allowZero {
            throw invalid(node, keyPath, "duration must be greater than zero")
        }
        return duration
    }

    static func sequence(_ node: Node, _ keyPath: String) throws(ConfigError) -> [Node] {
        switch node {
        case .sequence(let sequence): return Array(sequence)
        case _ where isNull(node): return []
        default: throw invalid(node, keyPath, "expected a list")
        }
    }

    static func invalid(_ node: Node, _ keyPath: String, _ message: String) -> ConfigError {
        ConfigError.invalidValue(keyPath, line: node.mark?.line, column: node.mark?.column, message)
    }
}

extension YAMLValue {
    /// `key:` with nothing after it, `~` or `null` (plain, unquoted).
    static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }
}
