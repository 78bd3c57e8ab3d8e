import Foundation
import Testing

/// agent360's PromQL and HTTP API against a real Prometheus 2.42 holding the
/// same samples (Prometheus scrapes the demo fleet and remote-writes to agent360).
@Suite("PromQL equals Prometheus 2.42 on the same samples", .serialized, .pipeline(warmUp: .seconds(70)))
struct PromQLComparisonTests {
    static let c = "agent360_http_requests_total"
    static let b = "agent360_http_request_duration_seconds_bucket"
    static let g = "agent360_process_cpu_usage_ratio"
    static let m = "agent360_process_memory_usage_ratio"

    /// Queries whose result order PromQL defines.
    static let ordered: Set<String> = ["sort(\(g))", "sort_desc(\(g))", "topk(2, \(g))", "bottomk(2, \(g))"]

    static let queries: [String] = [
        // selectors and matchers of every kind
        c, "\(c){code=\"200\"}", "\(c){code!=\"200\"}", "\(c){code=~\"5..\"}", "\(c){code!~\"2..\",method=\"GET\"}",
        "{__name__=~\"agent360_process_.*\"}", "{__name__=\"\(g)\",pod=~\".*0$\"}", "\(c){__name__=\"\(c)\"}",
        "up", "scrape_samples_scraped",
        // counters and gauges over ranges
        "rate(\(c)[1m])", "irate(\(c)[1m])", "increase(\(c)[1m])", "delta(\(g)[1m])", "idelta(\(g)[1m])",
        "deriv(\(g)[1m])", "predict_linear(\(g)[1m], 60)", "resets(\(c)[1m])", "changes(\(g)[1m])",
        "avg_over_time(\(g)[1m])", "min_over_time(\(g)[1m])", "max_over_time(\(g)[1m])", "sum_over_time(\(g)[30s])",
        "count_over_time(\(c)[1m])", "last_over_time(\(g)[1m])", "present_over_time(\(g)[1m])",
        "quantile_over_time(0.9, \(g)[1m])", "stddev_over_time(\(g)[1m])", "stdvar_over_time(\(g)[1m])",
        "holt_winters(\(g)[1m], 0.5, 0.5)", "count_over_time(up[1m])",
        "absent(nonexistent_metric)", "absent(\(c))", "absent(nonexistent{job=\"x\",a=~\"b\"})",
        "absent_over_time(nonexistent_metric{job=\"x\"}[1m])", "absent_over_time(\(g)[1m])",
        // histograms
        "histogram_quantile(0.95, sum by (le) (rate(\(b)[1m])))",
        "histogram_quantile(0.5, sum by (le, pod) (rate(\(b)[1m])))",
        "histogram_quantile(0.99, rate(\(b)[1m]))",
        "histogram_quantile(1.5, sum by (le) (rate(\(b)[1m])))",
        "rate(agent360_http_request_duration_seconds_sum[1m]) / rate(agent360_http_request_duration_seconds_count[1m])",
        // math
        "abs(\(g) - 0.5)", "ceil(\(g) * 10)", "floor(\(g) * 10)", "round(\(g), 0.1)", "round(\(g) * 10)",
        "sqrt(\(g))", "exp(\(g))", "ln(\(g))", "log2(\(g))", "log10(\(g))", "sgn(\(g) - 0.5)",
        "clamp(\(g), 0.3, 0.6)", "clamp_min(\(g), 0.5)", "clamp_max(\(g), 0.5)",
        // time, conversion, labels, sorting
        "time()", "timestamp(\(g))", "vector(1)", "scalar(sum(\(g)))", "vector(time()) - timestamp(\(g))",
        "label_replace(\(g), \"short\", \"$1\", \"pod\", \".*-(.*)\")",
        "label_replace(rate(\(c)[1m]), \"class\", \"${1}xx\", \"code\", \"(.).*\")",
        "label_join(\(g), \"id\", \"/\", \"namespace\", \"pod\")",
        "sort(\(g))", "sort_desc(\(g))",
        "minute()", "hour()", "day_of_month()", "day_of_week()", "day_of_year()", "days_in_month()", "month()", "year()",
        "hour(timestamp(\(g)))",
        // aggregations
        "sum(rate(\(c)[1m]))", "sum by (code) (rate(\(c)[1m]))", "sum without (pod, instance) (rate(\(c)[1m]))",
        "sum(rate(\(c)[1m])) by (route)", "avg by (pod) (\(g))", "min(\(g))", "max by (namespace) (\(g))",
        "count(\(c))", "count by (code) (\(c))", "group by (pod) (\(c))", "stddev(\(g))", "stdvar(\(g))",
        "topk(2, \(g))", "bottomk(2, \(g))", "quantile(0.5, \(g))", "count_values(\"value\", round(\(g), 0.1))",
        "sum by (pod) (increase(\(c)[1m]))",
        // operators and vector matching
        "\(g) + \(m)", "\(g) - \(m)", "\(g) * 2", "\(g) / \(m)", "\(g) % 0.3", "\(g) ^ 2", "2 ^ 3 ^ 2", "-\(g)",
        "1 + 2 * 3 - 4 / 2", "\(g) atan2 \(m)",
        "\(g) > 0.5", "\(g) > bool 0.5", "\(g) == \(g)", "\(g) != bool \(m)", "\(g) <= 0.5 and \(m) > 0.3",
        "\(g) or \(m)", "\(g) unless \(m) > 0.6", "up == 1",
        "rate(\(c)[1m]) / on (pod) group_left \(g)",
        "\(g) / on (pod) group_right rate(\(c)[1m])",
        "sum by (pod, code) (rate(\(c){code=~\"5..\"}[1m])) / ignoring (code) group_left sum by (pod) (rate(\(c)[1m]))",
        "sum by (pod) (\(c)) + on () \(g)",
        "\(c) + ignoring (code) \(c)",
        // offsets, @, subqueries
        "\(g) offset 30s", "rate(\(c)[1m] offset 20s)", "\(g) offset -10s",
        "max_over_time(rate(\(c)[30s])[1m:10s])", "avg_over_time(\(g)[1m:5s])", "max_over_time(sum(rate(\(c)[30s]))[2m:])",
        "rate(\(c)[1m] @ end())", "\(g) @ start()",
        // literals
        "\"hello\"", "3.5e2",
    ]

    static let badQueries: [String] = [
        "sum(", "rate(\(g))", "\(g) +", "{}", "{a=\"\"}", "\(g)[1m:", "foo{bar~\"x\"}", "1 + \"a\"",
        "sum by (a) \(g)", "histogram_quantile(0.5)", "topk(\(g), 2)", "\(g) offset", "label_replace(\(g), \"a\", \"b\", \"c\")",
        "1 == 1", "\(g) and 1", "\"a\" + 1", "rate(\(g)[5m] offset)", "\(g)[5x]", "nosuchfunction(\(g))", ")",
        "sum without(a) by (b) (\(g))", "\(g){", "count_values(1, \(g))", "\(g) @ foo()",
    ]

    /// Evaluation times: well after remote write has delivered everything.
    static func times() -> [Double] {
        let now = Date.now.timeIntervalSince1970
        let base = (now - 15).rounded(.down)
        return [base, base - 17.5, base - 33]
    }

    @Test("raw samples arrive bit-identical (issue 3)")
    func rawSamplesMatch() async throws {
        let pipeline = try #require(Pipeline.current)
        let time = Self.times()[0]
        for selector in ["\(Self.c){code=\"200\"}", "\(Self.b){le=\"0.1\"}", Self.g, Self.m, "up", "scrape_duration_seconds"] {
            let (mine, theirs) = try await pipeline.both("/api/v1/query?query=\("\(selector)[1m]".queryEncoded)&time=\(time)")
            #expect(theirs.series.count > 0, "\(selector): Prometheus has no data")
            let total = theirs.series.reduce(0) { $0 + $1.points.count }
            #expect(total > 10, "\(selector): only \(total) samples")
            let problems = mine.differences(from: theirs, ordered: false, exact: true)
            #expect(problems.isEmpty, "\(selector)[1m]: \(problems.prefix(5))")
        }
    }

    @Test("instant queries equal Prometheus's at several times")
    func instantQueries() async throws {
        let pipeline = try #require(Pipeline.current)
        #expect(Self.queries.count >= 80)
        var compared = 0
        var withData = 0
        for time in Self.times() {
            for query in Self.queries {
                let atTime = query.replacingOccurrences(of: "@ start()", with: "@ \(time - 20)")
                let (mine, theirs) = try await pipeline.both("/api/v1/query?query=\(atTime.queryEncoded)&time=\(time)")
                let problems = mine.differences(from: theirs, ordered: Self.ordered.contains(query))
                #expect(problems.isEmpty, "\(query) @ \(time): \(problems.prefix(3))")
                compared += 1
                if !theirs.series.isEmpty { withData += 1 }
            }
        }
        #expect(compared == Self.queries.count * 3)
        // The comparison means something only if most answers carry data.
        #expect(withData >= compared * 8 / 10, "only \(withData) of \(compared) answers had data")
    }

    @Test("range queries equal Prometheus's")
    func rangeQueries() async throws {
        let pipeline = try #require(Pipeline.current)
        let end = Self.times()[0]
        for (start, step) in [(end - 60, "5"), (end - 45.5, "7s")] {
            for query in Self.queries where !Self.ordered.contains(query) {
                let (mine, theirs) = try await pipeline.both(
                    "/api/v1/query_range?query=\(query.queryEncoded)&start=\(start)&end=\(end)&step=\(step)")
                let problems = mine.differences(from: theirs, ordered: false)
                #expect(problems.isEmpty, "range \(query) [\(start), \(end)] step \(step): \(problems.prefix(3))")
            }
        }
    }

    @Test("both reject the same bad queries with the same message")
    func parseErrors() async throws {
        let pipeline = try #require(Pipeline.current)
        for query in Self.badQueries {
            let (mine, theirs) = try await pipeline.both("/api/v1/query?query=\(query.queryEncoded)")
            #expect(theirs.status == 400 && mine.status == 400, "\(query): \(mine.status) vs \(theirs.status)")
            #expect(mine.errorType == "bad_data" && theirs.errorType == "bad_data")
            #expect(mine.error == theirs.error, "\(query)")
        }
    }

    @Test("recorded series equal the same expression on Prometheus")
    func recordingRules() async throws {
        let pipeline = try #require(Pipeline.current)
        let expressions = [
            "agent360_request_rate": "sum by (namespace, workload) (rate(\(Self.c)[1m]))",
            "agent360_error_rate": "(sum by (namespace, workload) (rate(\(Self.c){code=~\"5..\"}[1m])) or sum by (namespace, workload) (rate(\(Self.c)[1m])) * 0) / sum by (namespace, workload) (rate(\(Self.c)[1m]))",
            "agent360_latency_p95_seconds": "histogram_quantile(0.95, sum by (namespace, workload, le) (rate(\(Self.b)[1m])))",
        ]
        let now = Date.now.timeIntervalSince1970
        // `{job=""}`: the series agent360 recorded itself, not the copy Prometheus
        // scrapes back from agent360's /metrics (which carries job and instance);
        // the demo workload, not agent360's own requests (same metric names).
        for (record, expression) in expressions.sorted(by: { $0.key < $1.key }) {
            let recorded = try APIAnswer(await HTTP.get(
                "\(pipeline.agent.baseURL)/api/v1/query?query=\("\(record){job=\"\",workload=\"agent360-demo\"}[40s]".queryEncoded)&time=\(now - 10)"))
            #expect(recorded.series.count == 1, "\(record): \(recorded.series.map(\.labels))")
            let labels = recorded.series.first?.labels.filter { $0.key != "__name__" } ?? [:]
            let points = recorded.series.first?.points ?? []
            #expect(points.count >= 5, "\(record): \(points.count) evaluations recorded")
            for point in points {
                let reference = try APIAnswer(await HTTP.get(
                    "\(pipeline.prometheus.baseURL)/api/v1/query?query=\(expression.queryEncoded)&time=\(point.time)"))
                // The same label set on Prometheus's side of the same expression.
                let value = reference.series.first { $0.labels == labels }?.points.first?.value ?? "missing"
                #expect(APIAnswer.equal(point.value, value, exact: false), "\(record)\(labels) @ \(point.time): \(point.value) vs \(value)")
            }
        }
    }

    @Test("every dashboard expression returns data from agent360's own query API")
    func dashboardsHaveData() async throws {
        let pipeline = try #require(Pipeline.current)
        // Traffic on the secure listener, so its request metrics exist (401s count).
        // Spread over a few scrapes so the histogram's rate has two points.
        for _ in 0..<6 {
            _ = try runCommand("/usr/bin/curl", ["-sk", "\(pipeline.agent.secureURL)/apis/external.metrics.k8s.io/v1beta1"])
            try await Task.sleep(for: .seconds(1))
        }
        try await Task.sleep(for: .seconds(3))
        let expressions = try DashboardExpressions.load(variables: ["namespace": "default", "workload": "agent360-demo", "instance": ".*"])
        #expect(expressions.count >= 40)
        let time = Date.now.timeIntervalSince1970 - 2
        for expression in expressions {
            let answer = try APIAnswer(await HTTP.get(
                "\(pipeline.agent.baseURL)/api/v1/query?query=\(expression.expr.queryEncoded)&time=\(time)"))
            #expect(answer.status == 200 && !answer.series.isEmpty,
                    "\(expression.dashboard) / \(expression.title): no data for \(expression.expr) (\(answer.error ?? "empty"))")
        }
    }

    static func normalized(_ items: [Any]) -> [String] {
        items.map { item in (item as? [String: String]).map(APIAnswer.key) ?? "\(item)" }.sorted()
    }

    @Test("series, labels, label values and metadata equal Prometheus's")
    func metadataAPIs() async throws {
        let pipeline = try #require(Pipeline.current)
        let time = Self.times()[0]
        for path in [
            "/api/v1/series?match%5B%5D=\(Self.g.queryEncoded)&start=\(time - 30)&end=\(time)",
            "/api/v1/series?match%5B%5D=\("\(Self.c){code=\"500\"}".queryEncoded)&match%5B%5D=up&start=\(time - 30)&end=\(time)",
            "/api/v1/labels?match%5B%5D=\(Self.g.queryEncoded)&start=\(time - 30)&end=\(time)",
            "/api/v1/label/code/values?start=\(time - 30)&end=\(time)",
            "/api/v1/label/pod/values?match%5B%5D=\(Self.g.queryEncoded)&start=\(time - 30)&end=\(time)",
        ] {
            async let mine = HTTP.get("\(pipeline.agent.baseURL)\(path)")
            async let theirs = HTTP.get("\(pipeline.prometheus.baseURL)\(path)")
            let (a, b) = try await (mine, theirs)
            #expect(a.status == 200 && b.status == 200, "\(path): \(a.status) \(a.text.prefix(300)) / \(b.status) \(b.text.prefix(300))")
            let left = try a.json() as? [String: Any]
            let right = try b.json() as? [String: Any]
            let mineData = (left?["data"] as? [Any]).map(Self.normalized)
            let theirData = (right?["data"] as? [Any]).map(Self.normalized)
            #expect(mineData != nil && mineData == theirData, "\(path): \(String(describing: mineData?.prefix(5))) vs \(String(describing: theirData?.prefix(5)))")
        }
        let metadata = try await HTTP.get("\(pipeline.agent.baseURL)/api/v1/metadata?metric=\(Self.c)")
        let object = try metadata.json() as? [String: Any]
        let entries = (object?["data"] as? [String: Any])?[Self.c] as? [[String: String]]
        #expect(entries?.first?["type"] == "counter")
        #expect(entries?.first?["help"] == "Requests served by the demo application.")
    }
}
