import Synchronization
import TSDB
@testable import KubeMetricsAPI

/// A stand-in for the PromQL engine, which is being written in parallel.
///
/// It does what the `MetricQueryEvaluator` contract promises in the
/// simplest case (a query that is one vector selector): the extra matchers
/// are applied to canned result series. Queries listed as aggregating
/// return their canned result as is, as if the matchers had filtered the
/// aggregation's inputs (whose labels the result no longer shows). It also
/// records every call so tests can check exactly which matchers reached
/// the engine.
final class StandInPromQLEvaluator: MetricQueryEvaluator {
    struct Call: Sendable, Equatable {
        var query: String
        var matchers: [String]
        var time: Int64
    }

    private let seriesByQuery: [String: [MetricPoint]]
    private let aggregatingQueries: Set<String>
    private let failure: (any Error)?
    private let recorded = Mutex<[Call]>([])

    init(_ seriesByQuery: [String: [MetricPoint]], aggregatingQueries: Set<String> = [], failure: (any Error)? = nil) {
        self.seriesByQuery = seriesByQuery
        self.aggregatingQueries = aggregatingQueries
        self.failure = failure
    }

    var calls: [Call] { recorded.withLock { $0 } }

    func evaluate(query: String, extraMatchers: [LabelMatcher], at time: Int64) async throws -> [MetricPoint] {
        recorded.withLock { $0.append(Call(query: query, matchers: extraMatchers.map(\.description), time: time)) }
        if let failure { throw failure }
        if aggregatingQueries.contains(query) { return seriesByQuery[query] ?? [] }
        return (seriesByQuery[query] ?? []).filter { point in
            extraMatchers.allSatisfy { $0.matches(point.labels[$0.name] ?? "") }
        }
    }
}

struct EngineFailure: Error, CustomStringConvertible {
    var description: String { "parse error at char 5: unexpected identifier" }
}

enum Fixture {
    /// 2024-05-01T12:00:00Z
    static let now: Int64 = 1_714_564_800_000

    static func point(_ value: Double, ageSeconds: Int64 = 10, _ labels: [String: String]) -> MetricPoint {
        MetricPoint(labels: Labels(labels), value: value, newestSampleTimestamp: now - ageSeconds * 1000)
    }

    static func configuration() throws -> KubeMetricsConfiguration {
        try KubeMetricsConfiguration(
            external: [
                ExternalMetricConfig(name: "agent360_request_rate", query: "external_rate", windowSeconds: 60),
                ExternalMetricConfig(name: "agent360_error_rate", query: "external_errors", maxAgeSeconds: 30),
                ExternalMetricConfig(name: "agent360_queue_depth", query: "queue_depth", namespaced: false),
            ],
            custom: [
                CustomMetricConfig(name: "agent360_request_rate", query: "pod_rate",
                                   resources: ["pod": "pod", "namespace": "namespace", "deployment": "workload"],
                                   windowSeconds: 60),
                CustomMetricConfig(name: "agent360_unlabelled_rate", query: "pod_rate_unlabelled",
                                   resources: ["pods": "pod"], objectSelectorHandling: .ignore),
                CustomMetricConfig(name: "node_load", query: "node_load", resources: ["node": "node"]),
            ])
    }
}
