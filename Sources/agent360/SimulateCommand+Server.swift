import Agent360Server
import ArgumentParser
import Foundation
import Scaling

extension SimulateCommand {
    /// `--start`/`--end` in unix seconds.
    func timeRange() throws -> (start: Double, end: Double, step: Double) {
        let now = Date().timeIntervalSince1970
        guard let startSeconds = Self.parseTime(start, now: now) else {
            throw failure("--start \"\(start)\": expected unix seconds, RFC 3339, now or now-DURATION")
        }
        guard let endSeconds = Self.parseTime(end, now: now) else {
            throw failure("--end \"\(end)\": expected unix seconds, RFC 3339, now or now-DURATION")
        }
        guard endSeconds >= startSeconds else { throw failure("--end must not be before --start") }
        guard let stepDuration = ConfigDuration(step), stepDuration.milliseconds > 0 else {
            throw failure("--step \"\(step)\" is not a positive duration such as 15s")
        }
        return (startSeconds, endSeconds, stepDuration.seconds)
    }

    /// Unix seconds, RFC 3339, `now`, or `now-1h` / `now+5m`.
    static func parseTime(_ text: String, now: Double) -> Double? {
        if let seconds = Double(text), seconds.isFinite { return seconds }
        if let seconds = RFC3339.parse(text) { return seconds }
        guard text.hasPrefix("now") else { return nil }
        let rest = text.dropFirst(3)
        if rest.isEmpty { return now }
        guard let sign = rest.first, sign == "-" || sign == "+", let offset = ConfigDuration(String(rest.dropFirst())) else {
            return nil
        }
        return sign == "-" ? now - offset.seconds : now + offset.seconds
    }

    /// Each metric's series from `/api/v1/query_range`, keyed by metric key,
    /// and comment lines naming the queries for the table output.
    func fetch(_ autoscaler: HorizontalPodAutoscaler, range: (start: Double, end: Double, step: Double)) async throws
        -> ([String: MetricSeries], [String])
    {
        var overrides: [String: String] = [:]
        for item in query {
            guard let equals = item.firstIndex(of: "="), equals != item.startIndex else {
                throw failure("--query \"\(item)\": expected METRIC=PROMQL")
            }
            let key = String(item[..<equals])
            guard autoscaler.metrics.contains(where: { $0.key == key }) else {
                throw failure("--query \(key): the HPA has no such metric (metrics: \(autoscaler.metrics.map(\.key).joined(separator: ", ")))")
            }
            overrides[key] = String(item[item.index(after: equals)...])
        }
        let namespace = autoscaler.namespace.flatMap { $0.isEmpty ? nil : $0 } ?? self.namespace
        let queries = HPAMetricQuery.queries(for: autoscaler, namespace: namespace, overrides: overrides)
        guard let server else { return ([:], []) }
        return try await ServerAPIClient.with(command: "simulate", server: server) { client in
            var series: [String: MetricSeries] = [:]
            var header: [String] = []
            for metric in queries {
                guard let text = metric.query else {
                    printToStandardError("agent360 simulate: metric \(metric.key): \(metric.problem ?? "no query"); it is missing at every sync")
                    header.append("# \(metric.key): no query")
                    continue
                }
                header.append("# \(metric.key) ← \(text)")
                let data = try await client.data("/api/v1/query_range", [
                    ("query", text), ("start", Self.seconds(range.start)), ("end", Self.seconds(range.end)),
                    ("step", Self.seconds(range.step)),
                ])
                series[metric.key] = Self.summed(data)
            }
            return (series, header)
        }
    }

    /// A matrix answer as one series: the values of all its series summed per
    /// timestamp, as the HPA sums the items of an external metric.
    static func summed(_ data: Any) -> MetricSeries {
        var totals: [Double: Double] = [:]
        let result = (data as? [String: Any])?["result"] as? [[String: Any]] ?? []
        for item in result {
            for point in item["values"] as? [[Any]] ?? [] {
                guard point.count == 2, let time = (point[0] as? NSNumber)?.doubleValue,
                      let text = point[1] as? String, let value = Double(text), value.isFinite else { continue }
                totals[time, default: 0] += value
            }
        }
        return MetricSeries(totals.map { TimedValue(time: $0.key, value: $0.value) })
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(format: "%.3f", value)
    }

    /// Prints the message and returns exit code 2 (invalid input).
    func failure(_ message: String) -> ExitCode {
        printToStandardError("agent360 simulate: \(message)")
        return ExitCode(2)
    }
}
