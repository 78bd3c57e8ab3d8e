import Prometheus
import Synchronization

/// The counters of one family that differ by a single label (a status code,
/// a reason, a rule group), created on first use and then reused, so the hot
/// path is one dictionary lookup rather than a registry call.
final class LabelledCounters: Sendable {
    private let registry: PrometheusCollectorRegistry
    private let metricName: String
    private let unitName: String
    private let help: String
    private let label: String
    private let counters = Mutex<[String: Counter]>([:])

    init(registry: PrometheusCollectorRegistry, metricName: String, unitName: String = "total", help: String, label: String) {
        self.registry = registry
        self.metricName = metricName
        self.unitName = unitName
        self.help = help
        self.label = label
    }

    func callAsFunction(_ value: String) -> Counter {
        counters.withLock { counters in
            if let counter = counters[value] { return counter }
            let counter = registry.makeCounter(
                descriptor: MetricNameDescriptor(metricName: metricName, unitName: unitName, helpText: help),
                labels: [(label, value)])
            counters[value] = counter
            return counter
        }
    }
}
