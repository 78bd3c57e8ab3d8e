import KubeMetricsAPI
import TSDB

/// Stands in for the PromQL engine, which the coordinator wires into
/// `agent360 serve`: answers each configured query with fixed series,
/// filtered by the extra matchers exactly as the engine must apply them,
/// and always fresh (newest sample = evaluation time).
struct StandInEvaluator: MetricQueryEvaluator {
    /// query text → series (labels, value)
    let series: [String: [(labels: [String: String], value: Double)]]

    func evaluate(query: String, extraMatchers: [LabelMatcher], at time: Int64) async throws -> [MetricPoint] {
        guard let candidates = series[query] else {
            throw StandInFailure(description: "stand-in evaluator has no answer for query \(query)")
        }
        return candidates.compactMap { candidate in
            let labels = Labels(candidate.labels)
            let matches = extraMatchers.allSatisfy { $0.matches(labels[$0.name] ?? "") }
            return matches ? MetricPoint(labels: labels, value: candidate.value, newestSampleTimestamp: time) : nil
        }
    }

    struct StandInFailure: Error, CustomStringConvertible {
        let description: String
    }

    /// The metrics the tests ask for.
    static let fixture = StandInEvaluator(series: [
        "agent360_request_rate": [
            (["__name__": "agent360_request_rate", "namespace": "shop", "workload": "checkout"], 42.5),
            (["__name__": "agent360_request_rate", "namespace": "shop", "workload": "cart"], 7),
            (["__name__": "agent360_request_rate", "namespace": "other", "workload": "checkout"], 1000),
        ],
        "agent360_error_rate": [
            (["namespace": "shop", "workload": "checkout"], 0.025),
        ],
        "sum by (namespace, pod) (rate(agent360_http_requests_total[1m]))": [
            (["namespace": "shop", "pod": "checkout-1"], 20),
            (["namespace": "shop", "pod": "checkout-2"], 22.5),
        ],
    ])

    static func service() throws -> KubeMetricsService {
        let configuration = try KubeMetricsConfiguration(
            external: [
                ExternalMetricConfig(name: "agent360_request_rate", query: "agent360_request_rate"),
                ExternalMetricConfig(name: "agent360_error_rate", query: "agent360_error_rate"),
            ],
            custom: [
                CustomMetricConfig(
                    name: "agent360_pod_request_rate",
                    query: "sum by (namespace, pod) (rate(agent360_http_requests_total[1m]))",
                    resources: ["pod": "pod", "namespace": "namespace"]),
            ])
        return KubeMetricsService(configuration: configuration, evaluator: fixture)
    }
}
