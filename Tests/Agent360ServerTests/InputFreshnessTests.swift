import KubeMetricsAPI
import PromQL
import TSDB
import Testing
@testable import Agent360Server

@Suite("Freshness per series in the Kubernetes metrics APIs")
struct InputFreshnessTests {
    private let now: Int64 = 1_714_564_800_000

    /// Pod a reports every 15 s; pod b stopped 200 s ago (its last gauge
    /// value still answers instant queries for the 5-minute lookback).
    private func store() -> MemoryStore {
        let store = MemoryStore(options: StoreOptions(retention: 3_600_000))
        for (pod, last) in [("a", now - 5_000), ("b", now - 200_000)] {
            let labels = Labels(["__name__": "queue_depth", "namespace": "shop", "pod": pod])
            let samples = (0 ..< 10).map { Sample(timestamp: last - Int64(9 - $0) * 15_000, value: Double($0)) }
            _ = store.append(labels, samples, now: now)
        }
        return store
    }

    private func evaluator(_ store: MemoryStore) -> PromQLMetricEvaluator {
        PromQLMetricEvaluator(queries: QueryService(config: QueryConfig(), store: store), executor: .kubernetesMetrics(),
                              lookbackDelta: 300_000, configuredQueries: [])
    }

    private func newest(_ query: String, _ store: MemoryStore) async throws -> [String: Int64] {
        let points = try await evaluator(store).evaluate(query: query, extraMatchers: [], at: now)
        return Dictionary(uniqueKeysWithValues: points.map { ($0.labels["pod"] ?? "-", $0.newestSampleTimestamp) })
    }

    @Test("each point is as old as its own series, not the freshest in the result")
    func perPointTimestamps() async throws {
        let store = store()
        #expect(try await newest("queue_depth", store) == ["a": now - 5_000, "b": now - 200_000])
        #expect(try await newest("sum by (pod) (queue_depth)", store) == ["a": now - 5_000, "b": now - 200_000])
        #expect(try await newest("queue_depth * 2", store) == ["a": now - 5_000, "b": now - 200_000])
        // An aggregate over both is as fresh as its freshest input.
        #expect(try await newest("sum(queue_depth)", store) == ["-": now - 5_000])
        // Labels no input has: the freshest input vouches.
        #expect(try await newest(#"label_replace(queue_depth, "pod", "x-$1", "pod", "(.*)")"#, store).values.sorted() == [now - 5_000, now - 5_000])
    }

    @Test("a fresh pod no longer hides one that stopped reporting: the API answers 503 naming it, and serves the fresh one alone")
    func stoppedPodIsRefused() async throws {
        let store = store()
        let configuration = try KubeMetricsConfiguration(external: [
            ExternalMetricConfig(name: "queue_depth", query: "queue_depth", maxAgeSeconds: 60),
        ])
        let service = KubeMetricsService(configuration: configuration, evaluator: evaluator(store))
        do {
            _ = try await service.externalMetricValues(ExternalMetricRequest(namespace: "shop", metricName: "queue_depth"), at: now)
            Issue.record("the stopped pod's value must be refused")
        } catch {
            #expect(error.reason == .serviceUnavailable)
            #expect(error.message.contains(#"pod="b""#), "\(error.message)")
            #expect(error.message.contains("200.0s old"), "\(error.message)")
        }
        let fresh = try await service.externalMetricValues(
            ExternalMetricRequest(namespace: "shop", metricName: "queue_depth", labelSelector: try LabelSelector(parsing: "pod=a")), at: now)
        #expect(fresh.items.map(\.value.description) == ["9"])
    }
}
