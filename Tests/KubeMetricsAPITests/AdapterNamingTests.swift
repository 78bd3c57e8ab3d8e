import KubeMetricsAPI
import Testing

@Suite("prometheus-adapter naming and series filters")
struct AdapterNamingTests {
    private func rule(matches: String = "", as name: String = "", filters: [AdapterSeriesFilter] = []) throws -> AdapterRule {
        try AdapterRule(AdapterDiscoveryRule(seriesQuery: "{__name__=~\".+\"}", seriesFilters: filters, name: AdapterNameMapping(matches: matches, as: name),
                                             metricsQuery: "sum(<<.Series>>{<<.LabelMatchers>>}) by (<<.GroupBy>>)"),
                        kind: .custom, index: 4)
    }

    @Test("matches/as with ${1}, unanchored like Go's FindStringSubmatch")
    func expandsCaptures() throws {
        let walkthrough = try rule(matches: "^(.*)_total", as: "${1}_per_second")
        #expect(walkthrough.metricName(forSeries: "http_requests_total") == "http_requests_per_second")
        // Unanchored at the end, greedy (.*): as in Go, the name is the
        // expansion alone, from the leftmost match.
        #expect(walkthrough.metricName(forSeries: "a_total_b_total") == "a_total_b_per_second")
        #expect(walkthrough.metricName(forSeries: "no_suffix") == nil)
    }

    @Test("as defaults to $1 with one capture group and $0 with none")
    func defaults() throws {
        #expect(try rule(matches: "^container_(.*)_seconds_total$").metricName(forSeries: "container_cpu_usage_seconds_total") == "cpu_usage")
        #expect(try rule().metricName(forSeries: "queue_depth") == "queue_depth")
        #expect(try rule(matches: "depth").metricName(forSeries: "queue_depth") == "depth")
        #expect(try rule(matches: "", as: "fixed").metricName(forSeries: "anything") == "fixed")
    }

    @Test("named groups, $$ and unknown groups expand as in Go")
    func goExpansion() throws {
        let named = try rule(matches: "^(?P<kind>[a-z]+)_(?P<unit>[a-z]+)$", as: "$unit-${kind}$$-$9-$kindx")
        #expect(named.metricName(forSeries: "queue_bytes") == "bytes-queue$--")
    }

    @Test("more than one group without as is an error naming the rule and field")
    func ambiguousAs() {
        do {
            _ = try rule(matches: "^(a)(b)$")
            Issue.record("must fail")
        } catch {
            #expect("\(error)".hasPrefix("rules[4].name.as:"), "\(error)")
        }
    }

    @Test("seriesFilters is / isNot, and name.matches filters too")
    func filters() throws {
        let rule = try rule(matches: "^container_(.*)_total$", filters: [.isNot("^container_.*_seconds_total$"), .is("network")])
        #expect(rule.keeps(seriesName: "container_network_receive_bytes_total"))
        #expect(!rule.keeps(seriesName: "container_network_seconds_total"))
        #expect(!rule.keeps(seriesName: "container_fs_reads_total"))
        #expect(!rule.keeps(seriesName: "container_network_bytes"))
    }

    @Test("invalid regexes name the filter's index and key, in Go's words")
    func badRegex() {
        do {
            _ = try rule(filters: [.is("ok"), .isNot("(unclosed")])
            Issue.record("must fail")
        } catch {
            #expect("\(error)".hasPrefix("rules[4].seriesFilters[1].isNot:"), "\(error)")
            #expect("\(error)".contains("missing closing )"), "\(error)")
        }
    }

    @Test("metricsQuery must use .LabelMatchers so requests can be scoped")
    func requiresLabelMatchers() {
        do {
            _ = try AdapterRule(AdapterDiscoveryRule(seriesQuery: "x", metricsQuery: "sum(<<.Series>>) by (<<.GroupBy>>)"), kind: .external, index: 1)
            Issue.record("must fail")
        } catch {
            #expect("\(error)".hasPrefix("externalRules[1].metricsQuery:"), "\(error)")
        }
    }

    @Test("AdapterRegex searches like Go: leftmost start, then the pattern's own preference")
    func leftmostFirst() throws {
        #expect(try AdapterRegex("a|ab").firstMatch("xab")?.first.map { $0.map(String.init) } == "a")
        #expect(try AdapterRegex("b+?").firstMatch("abbb")?.first.map { $0.map(String.init) } == "b")
        #expect(try AdapterRegex("(?i)TOTAL$").matches("http_requests_total"))
        #expect(try !AdapterRegex("^total").matches("http_requests_total"))
        #expect(try AdapterRegex("(x)?y").expand("[$1]", matching: "zy") == "[]")
    }
}
