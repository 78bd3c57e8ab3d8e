import Exposition
import TSDB

/// Exports derived samples (scaling verdicts, shadow HPA replicas,
/// recommendations, cost) on `/metrics` as gauges, one family per name, so a
/// Prometheus scraping agent360 gets what agent360's own store holds.
enum DerivedSignalFamilies {
    static let help: [String: String] = [
        "agent360_scaling_needed": "1 when the workload's signal is above its scaling threshold (reason), else 0.",
        "agent360_hpa_desired_replicas": "Replicas the shadow HPA's metrics ask for, before stabilization and rate policies.",
        "agent360_hpa_current_replicas": "Replicas the shadow HPA would be running after its latest sync.",
        "agent360_recommendation": "1 for each sizing action recommended for the workload.",
        "agent360_cost_monthly": "Estimated cost of one month by category (cost.prices currency).",
        "agent360_cost_total_monthly": "Estimated total cost of one month (cost.prices currency).",
        "agent360_cost_savings_monthly": "Estimated monthly saving of each cost recommendation.",
    ]

    static func families(_ samples: [DerivedSample]) -> [MetricFamily] {
        var order: [String] = []
        var grouped: [String: [MetricSample]] = [:]
        for sample in samples {
            let name = sample.labels.metricName ?? ""
            if grouped[name] == nil { order.append(name) }
            grouped[name, default: []].append(MetricSample(
                name: name, labels: sample.labels.removingMetricName().map { ($0.name, $0.value) }, value: sample.value))
        }
        return order.map { name in
            MetricFamily(name: name, type: .gauge, help: help[name] ?? "Derived by agent360.", unit: "",
                         samples: grouped[name] ?? [])
        }
    }
}
