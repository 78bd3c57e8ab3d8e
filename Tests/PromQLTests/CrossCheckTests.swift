import Testing
import TSDB
@testable import PromQL

/// Every query here was evaluated by Prometheus 2.42 (`promtool test rules`)
/// on the same data; results must match bit for bit.
@Suite("Results equal Prometheus 2.42")
struct CrossCheckTests {
    private func check(_ fixture: Fixture, _ item: CrossCheck) async throws {
        switch item.outcome {
        case .failure(let message):
            let error = await fixture.error(item.query, at: item.time)
            #expect(error?.message == message)
            #expect(error?.kind == .execution)
        case .values(let expected):
            var actual: [String: Double] = [:]
            switch try await fixture.result(item.query, at: item.time).value {
            case .scalar(_, let value): actual = ["{}": value]
            case .vector(let samples):
                for sample in samples { actual[sample.labels.description] = sample.value }
            default: Issue.record("unexpected result type")
            }
            #expect(same(actual, expected), "got \(actual)")
        }
    }

    @Test("counters, gauges, range functions, offsets and subqueries", arguments: CrossCheckData.basic)
    func basic(_ item: CrossCheck) async throws {
        try await check(Fixture(interval: CrossCheckData.basicInterval, CrossCheckData.basicSeries), item)
    }

    @Test("aggregations, matching, histograms, date and label functions", arguments: CrossCheckData.ops)
    func operations(_ item: CrossCheck) async throws {
        try await check(Fixture(interval: CrossCheckData.opsInterval, CrossCheckData.opsSeries), item)
    }

    @Test("staleness, lookback, errors and modifiers", arguments: CrossCheckData.edge)
    func edgeCases(_ item: CrossCheck) async throws {
        try await check(Fixture(interval: CrossCheckData.edgeInterval, CrossCheckData.edgeSeries), item)
    }

    @Test("math functions with Go's algorithms", arguments: CrossCheckData.trig)
    func math(_ item: CrossCheck) async throws {
        try await check(Fixture(interval: CrossCheckData.trigInterval, CrossCheckData.trigSeries), item)
    }
}
