import Foundation
import PromQL
import Yams

/// Recording rules in Prometheus's rule-group format.
///
/// The `rules:` section is exactly the body of a Prometheus rule file, so a
/// team's existing rule files work unchanged and `promtool check rules`
/// accepts agent360's own.
public struct RulesConfig: Sendable, Equatable {
    public var groups: [RuleGroupConfig] = []
    /// Further Prometheus rule files to load (same format, `groups:` at the top).
    public var files: [String] = []
    /// How long after a slot's time it is evaluated. Remote-written samples
    /// arrive a little after they were scraped; a short delay lets a rule see
    /// all of them, at the cost of that much staleness in recorded series.
    public var evaluationDelay = ConfigDuration(milliseconds: 0)

    public init() {}
}

public struct RuleGroupConfig: Sendable, Equatable {
    public var name: String
    /// Nil means the global default (`rules.evaluationInterval`-less Prometheus default: 1m).
    public var interval: ConfigDuration?
    public var rules: [RecordingRuleConfig]

    public init(name: String, interval: ConfigDuration?, rules: [RecordingRuleConfig]) {
        self.name = name
        self.interval = interval
        self.rules = rules
    }
}

public struct RecordingRuleConfig: Sendable, Equatable {
    public var record: String
    public var expr: String
    public var labels: [String: String]
    /// Where `expr` is, so a PromQL error can name the line.
    public var exprLine: Int?

    public init(record: String, expr: String, labels: [String: String] = [:], exprLine: Int? = nil) {
        self.record = record
        self.expr = expr
        self.labels = labels
        self.exprLine = exprLine
    }
}

extension RulesConfig {
    /// The embedded default's rule groups (the agent360_* signals), used
    /// whenever a configuration has no `rules:` section of its own.
    static func defaultSignals() throws(ConfigError) -> RulesConfig {
        let root: Node?
        do { root = try Yams.compose(yaml: DefaultConfig.yaml) } catch {
            throw ConfigError.syntax(line: nil, column: nil, "embedded default: \(error)")
        }
        guard let root else { return RulesConfig() }
        var top = try YAMLMapping(root, path: "")
        return try top.section("rules", RulesConfig.read) ?? RulesConfig()
    }

    /// Parses one Prometheus rule file (`groups:` at the top).
    static func parseRuleFile(yaml text: String, file: String) throws(ConfigError) -> [RuleGroupConfig] {
        do {
            guard let root = try Yams.compose(yaml: text) else { return [] }
            var reader = try YAMLMapping(root, path: "")
            let groups = try reader.list("groups", RuleGroupConfig.read) ?? []
            try reader.finish()
            return groups
        } catch var error as ConfigError {
            error.file = file
            throw error
        } catch let error as YamlError {
            var located = ConfigError.syntax(yamlError: error, text: text)
            located.file = file
            throw located
        } catch {
            throw ConfigError.unreadable(file, "\(error)")
        }
    }

    static func read(_ reader: inout YAMLMapping) throws(ConfigError) -> RulesConfig {
        var config = RulesConfig()
        config.groups = try reader.list("groups", RuleGroupConfig.read) ?? []
        config.files = try reader.strings("files") ?? []
        if let delay = try reader.duration("evaluationDelay", allowZero: true) { config.evaluationDelay = delay }
        var names: Set<String> = []
        for (index, group) in config.groups.enumerated() where !names.insert(group.name).inserted {
            throw reader.invalid("groups", "groups[\(index)]: duplicate group name \"\(group.name)\"")
        }
        return config
    }
}

extension RuleGroupConfig {
    static func read(_ reader: inout YAMLMapping) throws(ConfigError) -> RuleGroupConfig {
        guard let name = try reader.string("name"), !name.isEmpty else { throw reader.missing("name") }
        let interval = try reader.duration("interval")
        _ = try reader.int("limit", range: 0...0)  // Prometheus's per-group limit: only 0 (none) is supported
        let rules = try reader.list("rules", RecordingRuleConfig.read) ?? []
        return RuleGroupConfig(name: name, interval: interval, rules: rules)
    }
}

extension RecordingRuleConfig {
    static func read(_ reader: inout YAMLMapping) throws(ConfigError) -> RecordingRuleConfig {
        if reader.has("alert") {
            throw reader.invalid("alert", "alerting rules are not supported; agent360 evaluates recording rules only")
        }
        guard let record = try reader.string("record") else { throw reader.missing("record") }
        guard MetricNameValidation.isValidMetricName(record) else {
            throw reader.invalid("record", "invalid metric name \"\(record)\"")
        }
        let exprNode = reader.peekMark("expr")
        guard let expr = try reader.string("expr"), !expr.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw reader.missing("expr")
        }
        if let problem = PromQLValidation.problem(in: expr, allowing: [.vector, .scalar]) {
            throw reader.invalid("expr", problem)
        }
        let labels = try reader.stringMap("labels") ?? [:]
        for name in labels.keys where !MetricNameValidation.isValidLabelName(name) {
            throw reader.invalid("labels", "invalid label name \"\(name)\"")
        }
        return RecordingRuleConfig(record: record, expr: expr, labels: labels, exprLine: exprNode?.line)
    }
}

/// Prometheus's naming rules, checked at config load rather than at first use.
enum MetricNameValidation {
    static func isValidMetricName(_ name: String) -> Bool {
        guard let first = name.utf8.first, isNameStart(first) || first == UInt8(ascii: ":") else { return false }
        return name.utf8.allSatisfy { isNameStart($0) || isDigit($0) || $0 == UInt8(ascii: ":") }
    }

    static func isValidLabelName(_ name: String) -> Bool {
        guard let first = name.utf8.first, isNameStart(first) else { return false }
        return name.utf8.allSatisfy { isNameStart($0) || isDigit($0) }
    }

    private static func isNameStart(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}
