import Foundation
import Testing
@testable import Scaling

@Suite struct SimulatorTests {
    private func cpuAutoscaler(min: Int = 1, max: Int = 20) throws -> HorizontalPodAutoscaler {
        try Fixtures.autoscaler(min: min, max: max, metrics: [Fixtures.cpu(percent: 50)])
    }

    @Test func syncsReadTheLatestSampleAtOrBefore() throws {
        let series = ["cpu": MetricSeries([(0, 0.5), (20, 1.0), (40, 0.5)])]
        let result = try HPASimulator(autoscaler: try cpuAutoscaler(), options: SimulationOptions(startReplicas: 2)).run(series: series)
        // Syncs at 0, 15, 30 (end = last sample 40 → 0, 15, 30; 45 is past the end).
        #expect(result.rows.map(\.time) == [0, 15, 30])
        // t15 still reads the t0 sample; t30 reads t20's 1.0 (→ 200% of 50% at 2 → 4).
        #expect(result.rows.map { $0.metrics[0].observed } == [0.5, 0.5, 1.0])
        #expect(result.replicaTrajectory == [2, 2, 4])
    }

    @Test func explicitRangeAndSyncPeriod() throws {
        let series = ["cpu": MetricSeries([(100, 0.5)])]
        let options = SimulationOptions(start: 90, end: 130, syncPeriodSeconds: 10)
        let result = try HPASimulator(autoscaler: try cpuAutoscaler(), options: options).run(series: series)
        #expect(result.rows.map(\.time) == [90, 100, 110, 120, 130])
        // Before the first sample the metric is missing: hold at min 1 and say why.
        #expect(result.rows[0].limitingRule == .failedGetResourceMetric)
        #expect(result.rows[1].metrics[0].observed == 0.5)
    }

    @Test func staleSamplesCanBeTreatedAsMissing() throws {
        let series = ["cpu": MetricSeries([(0, 1.0)])]
        let options = SimulationOptions(startReplicas: 2, start: 0, end: 60, maxSampleAgeSeconds: 30)
        let result = try HPASimulator(autoscaler: try cpuAutoscaler(), options: options).run(series: series)
        #expect(result.rows.map { $0.metrics[0].observed } == [1.0, 1.0, 1.0, nil, nil])
    }

    @Test func startsAtMinReplicasByDefault() throws {
        let result = try HPASimulator(autoscaler: try cpuAutoscaler(min: 3)).run(series: ["cpu": MetricSeries([(0, 0.5)])])
        #expect(result.rows[0].currentReplicas == 3)
    }

    @Test func spreadLoadConvergesWhereAsRecordedKeepsClimbing() throws {
        let hpa = try HorizontalPodAutoscaler(
            name: "web", scaleTargetRef: ObjectReference(kind: "Deployment", name: "web"),
            minReplicas: 2, maxReplicas: 20, metrics: [Fixtures.cpu(percent: 50)]
        )
        let series = ["cpu": MetricSeries([(0, 0.9), (60, 0.9)])]
        // Spread: 0.9 at 2 pods = 1.8 pods of work. t0: 90/50 → ceil(1.8 × 2) = 4.
        // t15: 1.8 / 4 = 45% → ratio 0.9, inside tolerance → stay at 4.
        let spread = try HPASimulator(autoscaler: hpa, options: SimulationOptions(loadModel: .spreadLoad(recordedReplicas: 2)))
            .run(series: series)
        #expect(spread.replicaTrajectory == [4, 4, 4, 4, 4])
        #expect(spread.rows[1].limitingRule == .tolerance)
        // As recorded: 90% per pod whatever the count, so each sync asks ceil(1.8 × n):
        // 2 → 4, 4 → ceil(7.2) = 8, 8 → ceil(14.4) = 15, 15 → 27, capped at max 20.
        let recorded = try HPASimulator(autoscaler: hpa).run(series: series)
        #expect(recorded.replicaTrajectory == [4, 8, 15, 20, 20])
    }

    @Test func spreadLoadBySeries() throws {
        let hpa = try cpuAutoscaler(min: 1, max: 20)
        // Recorded at 4 pods (t0) then 8 pods (t15), both 0.5 per pod against a 50% target.
        // The simulation runs 4 pods: t0 0.5 × 4 / 4 = 50% → 4; t15 0.5 × 8 / 4 = 100% → 8.
        let series = [
            "cpu": MetricSeries([(0, 0.5), (15, 0.5)]),
            "replicas": MetricSeries([(0, 4), (15, 8)]),
        ]
        let options = SimulationOptions(startReplicas: 4, loadModel: .spreadLoadBySeries(name: "replicas"))
        let result = try HPASimulator(autoscaler: hpa, options: options).run(series: series)
        #expect(result.rows.map { $0.metrics[0].observed } == [0.5, 1.0])
        #expect(result.replicaTrajectory == [4, 8])
        #expect(!result.notes.contains { $0.contains("replicas matches no metric") })
    }

    @Test func notesUnmatchedSeriesAndMissingMetrics() throws {
        let hpa = try Fixtures.autoscaler(metrics: [Fixtures.cpu(percent: 50), Fixtures.external("agent360_error_rate", value: 0.05)])
        let result = try HPASimulator(autoscaler: hpa).run(series: ["cpu": MetricSeries([(0, 0.5)]), "latency": MetricSeries([(0, 1)])])
        #expect(result.notes.contains("no series named agent360_error_rate; metric agent360_error_rate is missing at every sync"))
        #expect(result.notes.contains("series latency matches no metric of the autoscaler and was ignored"))
        let empty = try HPASimulator(autoscaler: hpa, options: SimulationOptions(start: 0, end: 0))
            .run(series: try MetricSeriesCSV.read("time,cpu,agent360_error_rate\n0,0.5,\n"))
        #expect(empty.notes.contains("the series for metric agent360_error_rate has no samples; it is missing at every sync"))
        let percent = try HPASimulator(autoscaler: hpa).run(series: ["cpu": MetricSeries([(0, 85)])])
        #expect(percent.notes.contains { $0.hasPrefix("metric cpu has values up to 85; Utilization inputs are ratios") })
    }

    @Test func refusesOptionsThatLeaveNothingToRun() throws {
        let hpa = try cpuAutoscaler()
        #expect(throws: SimulationError.self) { try HPASimulator(autoscaler: hpa).run(series: [:]) }
        #expect(throws: SimulationError.self) {
            try HPASimulator(autoscaler: hpa, options: SimulationOptions(syncPeriodSeconds: 0)).run(series: ["cpu": MetricSeries([(0, 1)])])
        }
        #expect(throws: SimulationError.self) {
            try HPASimulator(autoscaler: hpa, options: SimulationOptions(start: 0, end: 1e300)).run(series: [:])
        }
        #expect(throws: SimulationError.self) {
            try HPASimulator(autoscaler: hpa, options: SimulationOptions(start: 10, end: 0)).run(series: [:])
        }
        #expect(throws: SimulationError.self) {
            try HPASimulator(autoscaler: hpa, options: SimulationOptions(loadModel: .spreadLoad(recordedReplicas: 0)))
                .run(series: ["cpu": MetricSeries([(0, 1)])])
        }
    }

    @Test func seriesSortsAndKeepsTheLastDuplicate() {
        let series = MetricSeries([(30, 3), (0, 0), (30, 4), (15, 1)])
        #expect(series.points.map(\.time) == [0, 15, 30])
        #expect(series.value(atOrBefore: 30) == 4)
        #expect(series.value(atOrBefore: -1) == nil)
        #expect(series.value(atOrBefore: 29.9) == 1)
    }
}

@Suite struct SimulationRequestTests {
    @Test func decodesAPostBodyAndRuns() throws {
        let body = """
            {"autoscaler": {"apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler",
                            "metadata": {"name": "web", "namespace": "shop"},
                            "spec": {"scaleTargetRef": {"kind": "Deployment", "name": "web"}, "minReplicas": 2, "maxReplicas": 10,
                                     "metrics": [{"type": "External", "external": {"metric": {"name": "agent360_request_rate"},
                                                  "target": {"type": "AverageValue", "averageValue": "1k"}}}]}},
             "series": {"agent360_request_rate": [{"time": 0, "value": 5000}, {"time": 15, "value": 5000}]},
             "options": {"loadModel": {"spreadLoadBySeries": {"name": "replicas"}}, "syncPeriodSeconds": 15}}
            """
        let request = try JSONDecoder().decode(SimulationRequest.self, from: Data(body.utf8))
        #expect(request.options?.loadModel == .spreadLoadBySeries(name: "replicas"))
        // External metrics are never rescaled, so the missing "replicas" series matters
        // only as an error: the load model names a series the input lacks.
        #expect(throws: SimulationError.self) { try request.run() }
        var plain = request
        plain.options = nil
        // 5000 / 1000 per replica = 5; no spec.behavior, so the legacy cap
        // max(2 × 2, 4) = 4 applies first, then 5 (the default policies would allow 6 at once).
        #expect(try plain.run().replicaTrajectory == [4, 5])
    }

    @Test func badAutoscalerInBodyNamesTheField() {
        let body = #"{"autoscaler": {"kind": "HorizontalPodAutoscaler", "spec": {"scaleTargetRef": {"kind": "Deployment", "name": "web"}}}, "series": {}}"#
        #expect(throws: HPASpecError(field: "spec.maxReplicas", .required)) {
            try JSONDecoder().decode(SimulationRequest.self, from: Data(body.utf8))
        }
    }
}
