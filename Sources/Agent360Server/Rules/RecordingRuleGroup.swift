import PromQL
import TSDB

/// A rule group from the configuration, parsed once at start.
struct RecordingRuleGroup: Sendable {
    struct Rule: Sendable {
        let record: String
        let expr: Expr
        /// Labels set on every result; an empty value removes the label.
        let labels: [Label]
    }

    let name: String
    /// Milliseconds between evaluations.
    let interval: Int64
    let rules: [Rule]

    /// Prometheus's default evaluation interval when a group sets none.
    static let defaultInterval: Int64 = 60_000

    init(_ config: RuleGroupConfig) throws(ConfigError) {
        name = config.name
        interval = config.interval?.milliseconds ?? Self.defaultInterval
        rules = try config.rules.map { rule throws(ConfigError) in
            let expr: Expr
            do {
                expr = try parse(rule.expr)
            } catch {
                throw ConfigError.invalidValue("rules: group \"\(config.name)\", record \"\(rule.record)\"",
                                               line: rule.exprLine, column: nil, "invalid expr: \(error)")
            }
            return Rule(record: rule.record, expr: expr,
                        labels: rule.labels.sorted { $0.key < $1.key }.map { Label($0.key, $0.value) })
        }
    }
}
