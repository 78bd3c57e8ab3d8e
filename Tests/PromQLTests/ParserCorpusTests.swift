import Testing
@testable import PromQL

/// The parser against a corpus collected from a real Prometheus 2.42: the
/// same queries must be rejected with the same message at the same position.
@Suite("Parser matches Prometheus")
struct ParserCorpusTests {
    @Test("rejects what Prometheus rejects, with its message", arguments: prometheusParseErrors)
    func rejectsLikePrometheus(query: String, error expected: String) {
        do {
            let expr = try parse(query)
            Issue.record("accepted \(query) as \(expr)")
        } catch let error as ParseError {
            #expect(error.description == expected)
        } catch {
            Issue.record("unexpected error type \(error)")
        }
    }

    @Test("accepts what Prometheus accepts", arguments: prometheusValidQueries)
    func acceptsLikePrometheus(query: String) throws {
        _ = try parse(query)
    }

    @Test("printing a parsed query gives text that parses to the same tree", arguments: prometheusValidQueries)
    func printedQueriesReparse(query: String) throws {
        let expr = try parse(query)
        let reparsed = try parse(expr.description)
        // Matchers are printed sorted (as Prometheus does), so compare the printed forms.
        #expect(reparsed.description == expr.description)
    }
}
