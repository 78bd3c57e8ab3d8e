import Foundation

/// One Prometheus HTTP API answer, reduced to what must match between
/// agent360 and Prometheus.
struct APIAnswer: Sendable {
    struct Series: Sendable {
        var labels: [String: String]
        var points: [(time: Double, value: String)]
    }

    var status: Int
    var resultType: String?
    var series: [Series] = []
    var errorType: String?
    var error: String?

    init(_ result: HTTPResult) throws {
        status = result.status
        guard let object = try result.json() as? [String: Any] else { throw TestFailure("not JSON: \(result.text.prefix(300))") }
        if object["status"] as? String != "success" {
            errorType = object["errorType"] as? String
            error = object["error"] as? String
            return
        }
        guard let data = object["data"] as? [String: Any], let type = data["resultType"] as? String else {
            throw TestFailure("no data: \(result.text.prefix(300))")
        }
        resultType = type
        func point(_ any: Any?) throws -> (Double, String) {
            guard let pair = any as? [Any], pair.count == 2, let time = (pair[0] as? NSNumber)?.doubleValue,
                  let value = pair[1] as? String else { throw TestFailure("bad point \(String(describing: any))") }
            return (time, value)
        }
        switch type {
        case "scalar", "string":
            series = [Series(labels: [:], points: [try point(data["result"])])]
        case "vector":
            for item in data["result"] as? [[String: Any]] ?? [] {
                series.append(Series(labels: item["metric"] as? [String: String] ?? [:], points: [try point(item["value"])]))
            }
        case "matrix":
            for item in data["result"] as? [[String: Any]] ?? [] {
                let values = try (item["values"] as? [Any] ?? []).map(point)
                series.append(Series(labels: item["metric"] as? [String: String] ?? [:], points: values))
            }
        default:
            throw TestFailure("unknown resultType \(type)")
        }
    }

    /// Differences from `reference`, empty when the answers agree: same
    /// status, same label sets, same timestamps, values equal within 1e-9
    /// relative (NaN equals NaN), and the same order when `ordered`.
    func differences(from reference: APIAnswer, ordered: Bool, exact: Bool = false) -> [String] {
        if status != reference.status || errorType != reference.errorType {
            return ["status \(status)/\(errorType ?? "-") \(error ?? "") vs Prometheus \(reference.status)/\(reference.errorType ?? "-") \(reference.error ?? "")"]
        }
        if errorType != nil { return [] }
        if resultType != reference.resultType { return ["resultType \(resultType ?? "?") vs \(reference.resultType ?? "?")"] }
        if series.count != reference.series.count {
            return ["\(series.count) series vs Prometheus \(reference.series.count): \(series.map(\.labels).prefix(5)) vs \(reference.series.map(\.labels).prefix(5))"]
        }
        var problems: [String] = []
        let mine = ordered ? series : series.sorted { Self.key($0.labels) < Self.key($1.labels) }
        let theirs = ordered ? reference.series : reference.series.sorted { Self.key($0.labels) < Self.key($1.labels) }
        for (a, b) in zip(mine, theirs) {
            if a.labels != b.labels && !ordered {
                problems.append("labels \(a.labels) vs \(b.labels)")
                continue
            }
            if a.points.count != b.points.count {
                problems.append("\(b.labels): \(a.points.count) points vs \(b.points.count)")
                continue
            }
            for (p, q) in zip(a.points, b.points) {
                if p.time != q.time { problems.append("\(b.labels): time \(p.time) vs \(q.time)"); break }
                if !Self.equal(p.value, q.value, exact: exact) {
                    problems.append("\(b.labels) @\(q.time): \(p.value) vs \(q.value)")
                    break
                }
            }
            if ordered && a.labels != b.labels && !Self.equal(a.points.first?.value ?? "", b.points.first?.value ?? "", exact: exact) {
                problems.append("order differs at \(a.labels) vs \(b.labels)")
            }
        }
        return problems
    }

    static func key(_ labels: [String: String]) -> String {
        labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    }

    static func equal(_ a: String, _ b: String, exact: Bool) -> Bool {
        if a == b { return true }
        if exact { return false }
        guard let x = Double(a) ?? PrometheusAPI.special(a), let y = Double(b) ?? PrometheusAPI.special(b) else { return false }
        if x.isNaN && y.isNaN { return true }
        if x == y { return true }
        return abs(x - y) <= 1e-9 * max(abs(x), abs(y))
    }
}

extension Pipeline {
    /// Runs the same API call against agent360 and Prometheus.
    func both(_ pathAndQuery: String) async throws -> (agent: APIAnswer, prometheus: APIAnswer) {
        async let mine = HTTP.get("\(agent.baseURL)\(pathAndQuery)")
        async let theirs = HTTP.get("\(prometheus.baseURL)\(pathAndQuery)")
        return (try APIAnswer(await mine), try APIAnswer(await theirs))
    }
}
