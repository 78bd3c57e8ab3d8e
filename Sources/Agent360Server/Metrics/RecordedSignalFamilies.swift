import Exposition
import PromQL

/// Re-exports the latest results of `agent360_*` recording rules on
/// `/metrics`, so a Prometheus that scrapes agent360 gets the signals too.
enum RecordedSignalFamilies {
    static func families(_ results: [(record: String, samples: [VectorSample])]) -> [MetricFamily] {
        results.compactMap { result in
            guard !result.samples.isEmpty else { return nil }
            return MetricFamily(
                name: result.record, type: .gauge,
                help: "Recorded by agent360 from the application's raw metrics.", unit: "",
                samples: result.samples.map { sample in
                    MetricSample(name: result.record,
                                 labels: sample.labels.removingMetricName().map { ($0.name, $0.value) },
                                 value: sample.value)
                })
        }
    }
}
