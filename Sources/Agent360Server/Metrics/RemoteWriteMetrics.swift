import Prometheus
import RemoteWrite

/// Counters for `POST /api/v1/write`, in the self-metrics registry.
///
/// Rejections are counted by reason so an operator can tell clock skew
/// (`too_far_in_future`) from a duplicated sender (`duplicate_timestamp`).
final class RemoteWriteMetrics: Sendable {
    private let samples: Counter
    private let exemplars: Counter
    private let createdSeries: Counter
    private let duration: DurationHistogram
    private let requests: LabelledCounters
    private let rejections: LabelledCounters

    init(registry: PrometheusCollectorRegistry) {
        requests = LabelledCounters(registry: registry, metricName: "agent360_remote_write_requests",
                                    help: "Remote-write requests by HTTP status code.", label: "code")
        rejections = LabelledCounters(registry: registry, metricName: "agent360_remote_write_rejected_samples",
                                      help: "Samples refused by remote write, by reason.", label: "reason")
        samples = registry.makeCounter(descriptor: MetricNameDescriptor(
            metricName: "agent360_remote_write_samples", unitName: "total",
            helpText: "Samples accepted from remote-write requests."))
        exemplars = registry.makeCounter(descriptor: MetricNameDescriptor(
            metricName: "agent360_remote_write_exemplars", unitName: "total",
            helpText: "Exemplars accepted from remote-write requests."))
        createdSeries = registry.makeCounter(descriptor: MetricNameDescriptor(
            metricName: "agent360_remote_write_created_series", unitName: "total",
            helpText: "Series created in the store by remote-write requests."))
        duration = registry.makeDurationHistogram(
            descriptor: MetricNameDescriptor(metricName: "agent360_remote_write_request_duration", unitName: "seconds",
                                             helpText: "Time to decode, validate and store one remote-write request."),
            buckets: SelfMetrics.durationBuckets)
        for reason in RemoteWriteMetrics.knownReasons { _ = rejections(reason) }
        _ = requests("204")
    }

    /// Reasons exported from the start, so dashboards show 0 rather than no data.
    static let knownReasons = ["out_of_order", "duplicate_timestamp", "too_old", "too_far_in_future",
                               "series_limit", RemoteWriteOutcome.Reason.invalidLabels,
                               RemoteWriteOutcome.Reason.nativeHistogram]

    func record(_ outcome: RemoteWriteOutcome, duration elapsed: Duration) {
        requests(String(outcome.status)).increment()
        samples.increment(by: Int64(outcome.acceptedSamples))
        exemplars.increment(by: Int64(outcome.acceptedExemplars))
        createdSeries.increment(by: Int64(outcome.createdSeries))
        for (reason, count) in outcome.rejectedSamples where count > 0 {
            rejections(reason).increment(by: Int64(count))
        }
        duration.record(elapsed)
    }
}
