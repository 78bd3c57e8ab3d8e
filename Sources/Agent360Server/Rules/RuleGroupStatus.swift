import PromQL

/// What `/api/v1/rules` reports about a group after its last evaluation.
struct RuleGroupStatus: Sendable {
    struct RuleStatus: Sendable {
        var record: String
        var query: String
        var labels: [(String, String)]
        var lastError: String?
        var lastEvaluation: Int64?
        var evaluationSeconds: Double
    }

    var name: String
    var file: String
    var intervalSeconds: Double
    var lastEvaluation: Int64?
    var evaluationSeconds: Double
    var rules: [RuleStatus]

    func write(into writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("name", name)
        writer.field("file", file)
        writer.key("interval"); writer.raw(PrometheusFormat.value(intervalSeconds))
        writer.key("limit"); writer.int(0)
        writer.key("rules")
        writer.beginArray()
        for rule in rules {
            writer.beginObject()
            writer.field("name", rule.record)
            writer.field("query", rule.query)
            writer.key("labels")
            writer.beginObject()
            for (name, value) in rule.labels { writer.field(name, value) }
            writer.endObject()
            writer.field("health", rule.lastEvaluation == nil ? "unknown" : (rule.lastError == nil ? "ok" : "err"))
            if let error = rule.lastError { writer.field("lastError", error) }
            writer.key("evaluationTime"); writer.raw(PrometheusFormat.value(rule.evaluationSeconds))
            writer.field("lastEvaluation", rule.lastEvaluation.map { RFC3339Text.format(milliseconds: $0) } ?? "0001-01-01T00:00:00Z")
            writer.field("type", "recording")
            writer.endObject()
        }
        writer.endArray()
        writer.key("evaluationTime"); writer.raw(PrometheusFormat.value(evaluationSeconds))
        writer.field("lastEvaluation", lastEvaluation.map { RFC3339Text.format(milliseconds: $0) } ?? "0001-01-01T00:00:00Z")
        writer.endObject()
    }
}

/// Anything that can list rule group statuses (the rules engine).
protocol RuleStatusSource: Sendable {
    func ruleGroupStatuses() -> [RuleGroupStatus]
}

import Scaling

/// RFC 3339 text for millisecond timestamps.
enum RFC3339Text {
    static func format(milliseconds: Int64) -> String {
        RFC3339.format(Double(milliseconds) / 1000)
    }
}
