import Hummingbird
import PromQL
import TSDB

/// The Prometheus HTTP API (`/api/v1/…`) over agent360's store.
///
/// Shapes, parameters, error types and status codes follow Prometheus 2.42
/// so Grafana's Prometheus data source and other clients work unchanged.
struct QueryAPIRoutes: Sendable {
    let queries: QueryService
    let rules: (any RuleStatusSource)?
    let gate: QueryGate

    func add<Context: RequestContext>(to router: Router<Context>) {
        for method in [HTTPRequest.Method.get, .post] {
            router.on("/api/v1/query", method: method) { request, _ in
                await respond(request) { values throws(APIError) in try await instantQuery(values) }
            }
            router.on("/api/v1/query_range", method: method) { request, _ in
                await respond(request) { values throws(APIError) in try await rangeQuery(values) }
            }
            router.on("/api/v1/series", method: method) { request, _ in
                await respond(request) { values throws(APIError) in try await series(values) }
            }
            router.on("/api/v1/labels", method: method) { request, _ in
                await respond(request) { values throws(APIError) in try await labelNames(values) }
            }
            router.on("/api/v1/query_exemplars", method: method) { request, _ in
                await respond(request) { values throws(APIError) in try exemplars(values) }
            }
        }
        router.get("/api/v1/label/{name}/values") { request, context in
            let name = context.parameters.get("name") ?? ""
            return await respond(request) { values throws(APIError) in try await labelValues(name, values) }
        }
        router.get("/api/v1/metadata") { request, _ in
            await respond(request) { values throws(APIError) in try metadata(values) }
        }
        router.get("/api/v1/status/buildinfo") { request, _ in
            await respond(request) { _ throws(APIError) in buildInfo() }
        }
        router.get("/api/v1/rules") { request, _ in
            await respond(request) { _ throws(APIError) in ruleGroups() }
        }
    }

    // MARK: Handlers (each writes the `data` value)

    func instantQuery(_ values: FormValues) async throws(APIError) -> JSONWriter {
        let query = try required(values, "query")
        let time = try APIParameters.time(values, "time", default: WallClock.nowMilliseconds())
        let timeout = try values["timeout"].map { text throws(APIError) in try APIParameters.duration(text, "timeout") }
        let result = try await gate.run { () throws(APIError) in try await queries.instant(query, at: time, timeout: timeout) }
        var writer = JSONWriter()
        writer.queryData(result)
        return writer
    }

    func rangeQuery(_ values: FormValues) async throws(APIError) -> JSONWriter {
        let query = try required(values, "query")
        let start = try APIParameters.time(values, "start", default: nil)
        let end = try APIParameters.time(values, "end", default: nil)
        guard end >= start else { throw APIError.invalidParameter("end", "end timestamp must not be before start time") }
        let step = try APIParameters.duration(try required(values, "step"), "step")
        guard step > 0 else {
            throw APIError.invalidParameter("step", "zero or negative query resolution step widths are not accepted. Try a positive integer")
        }
        guard (end - start) / step <= 11_000 else {
            throw APIError(.badData, "exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)")
        }
        let timeout = try values["timeout"].map { text throws(APIError) in try APIParameters.duration(text, "timeout") }
        let result = try await gate.run { () throws(APIError) in
            try await queries.range(query, start: start, end: end, step: step, timeout: timeout)
        }
        var writer = JSONWriter(capacity: 64 * 1024)
        writer.queryData(result)
        return writer
    }

    func series(_ values: FormValues) async throws(APIError) -> JSONWriter {
        let sets = try APIParameters.matcherSets(values, required: true)
        let (start, end) = try APIParameters.range(values)
        var all = try await read { () throws -> [Labels] in
            var seen = Set<Labels>()
            var all: [Labels] = []
            for matchers in sets {
                for labels in try queries.store.series(matchers, minTime: start, maxTime: end) where seen.insert(labels).inserted {
                    all.append(labels)
                }
            }
            return all
        }
        all.sort()
        if let limit = try APIParameters.limit(values), all.count > limit { all.removeLast(all.count - limit) }
        var writer = JSONWriter()
        writer.beginArray()
        for labels in all { writer.labelSet(labels) }
        writer.endArray()
        return writer
    }

    func labelNames(_ values: FormValues) async throws(APIError) -> JSONWriter {
        let sets = try APIParameters.matcherSets(values, required: false)
        let (start, end) = try APIParameters.range(values)
        let names = try await read { () throws -> Set<String> in
            var names = Set<String>()
            for matchers in sets.isEmpty ? [[]] : sets {
                names.formUnion(try queries.store.labelNames(matchers, minTime: start, maxTime: end))
            }
            return names
        }
        return Self.stringArray(names.sorted(), limit: try APIParameters.limit(values))
    }

    func labelValues(_ name: String, _ values: FormValues) async throws(APIError) -> JSONWriter {
        guard MetricNameValidation.isValidLabelName(name) else {
            throw APIError(.badData, "invalid label name: \"\(name)\"")
        }
        let sets = try APIParameters.matcherSets(values, required: false)
        let (start, end) = try APIParameters.range(values)
        let found = try await read { () throws -> Set<String> in
            var found = Set<String>()
            for matchers in sets.isEmpty ? [[]] : sets {
                found.formUnion(try queries.store.labelValues(name, matchers, minTime: start, maxTime: end))
            }
            return found
        }
        return Self.stringArray(found.sorted(), limit: try APIParameters.limit(values))
    }

    func metadata(_ values: FormValues) throws(APIError) -> JSONWriter {
        let metric = values["metric"].flatMap { $0.isEmpty ? nil : $0 }
        let byMetric = queries.store.metadata(metric: metric, limit: try APIParameters.limit(values))
        var writer = JSONWriter()
        writer.beginObject()
        for name in byMetric.keys.sorted() {
            writer.key(name)
            writer.beginArray()
            for entry in byMetric[name] ?? [] {
                writer.beginObject()
                writer.field("type", entry.type.rawValue)
                writer.field("help", entry.help)
                writer.field("unit", entry.unit)
                writer.endObject()
            }
            writer.endArray()
        }
        writer.endObject()
        return writer
    }

    func exemplars(_ values: FormValues) throws(APIError) -> JSONWriter {
        let query = try required(values, "query")
        let (start, end) = try APIParameters.range(values)
        let expr: Expr
        do { expr = try parse(query) } catch { throw APIError.invalidParameter("query", "\(error)") }
        var grouped: [Labels: [Exemplar]] = [:]
        for (selector, _) in expr.selectors {
            for exemplar in queries.store.exemplars(selector.matchers, minTime: start, maxTime: end) {
                grouped[exemplar.seriesLabels, default: []].append(exemplar)
            }
        }
        var writer = JSONWriter()
        writer.beginArray()
        for labels in grouped.keys.sorted() {
            writer.beginObject()
            writer.key("seriesLabels"); writer.labelSet(labels)
            writer.key("exemplars")
            writer.beginArray()
            for exemplar in grouped[labels] ?? [] {
                writer.beginObject()
                writer.key("labels"); writer.labelSet(exemplar.labels)
                writer.field("value", PrometheusFormat.value(exemplar.value))
                writer.key("timestamp"); writer.raw(PrometheusFormat.timestamp(milliseconds: exemplar.timestamp))
                writer.endObject()
            }
            writer.endArray()
            writer.endObject()
        }
        writer.endArray()
        return writer
    }

    func buildInfo() -> JSONWriter {
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("version", Agent360Version.current)
        writer.field("revision", "")
        writer.field("branch", "")
        writer.field("buildUser", "agent360")
        writer.field("buildDate", "")
        writer.field("goVersion", "swift\(Agent360Version.swift)")
        writer.endObject()
        return writer
    }

    func ruleGroups() -> JSONWriter {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("groups")
        writer.beginArray()
        for group in rules?.ruleGroupStatuses() ?? [] { group.write(into: &writer) }
        writer.endArray()
        writer.endObject()
        return writer
    }

    // MARK: Plumbing

    private func required(_ values: FormValues, _ name: String) throws(APIError) -> String {
        guard let value = values[name], !value.isEmpty else {
            throw APIError.invalidParameter(name, name == "query" ? "unknown position: parse error: no expression found in input"
                                                                  : "cannot parse \"\" to a valid \(name == "step" ? "duration" : "value")")
        }
        return value
    }

    /// A store read of the series and label endpoints: under the query
    /// timeout, on the query threads (not gated: Prometheus's concurrency
    /// limit is for PromQL alone).
    private func read<T>(_ body: () throws -> T) async throws(APIError) -> T {
        try await gate.executor.run { () throws(APIError) in try queries.read(body) }
    }

    static func stringArray(_ strings: [String], limit: Int?) -> JSONWriter {
        var writer = JSONWriter()
        writer.beginArray()
        for string in strings.prefix(limit ?? .max) { writer.string(string) }
        writer.endArray()
        return writer
    }

    private func respond(_ request: Request, _ body: (FormValues) async throws(APIError) -> JSONWriter) async -> Response {
        await APIResponse.respond(request, body)
    }
}
