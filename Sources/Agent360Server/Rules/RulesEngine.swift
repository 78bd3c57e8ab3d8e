import Logging
import Prometheus
import PromQL
import Synchronization
import TSDB

/// Evaluates recording rules and writes their results back into the store.
///
/// Semantics follow Prometheus's rule manager: each group runs at multiples
/// of its interval; results get `__name__` = the rule's `record` plus its
/// labels; a series a rule produced last time but not this time gets a stale
/// marker, so queries stop seeing it at once instead of after 5 minutes.
final class RulesEngine: RuleStatusSource, Sendable {
    let groups: [RecordingRuleGroup]
    private let queries: QueryService
    private let logger: Logger
    private let state: Mutex<[String: GroupState]>
    private let durations: [String: DurationHistogram]
    private let failures: LabelledCounters

    private struct GroupState {
        var lastEvaluation: Int64?
        var evaluationSeconds = 0.0
        var rules: [RuleGroupStatus.RuleStatus]
        /// Per rule: label sets written at the last evaluation.
        var previous: [Set<Labels>]
        /// Per rule: the last result, for re-export on /metrics.
        var latest: [[VectorSample]]
    }

    init(groups: [RecordingRuleGroup], queries: QueryService, registry: PrometheusCollectorRegistry, logger: Logger) {
        self.groups = groups
        self.queries = queries
        self.logger = logger
        failures = LabelledCounters(registry: registry, metricName: "agent360_rule_evaluation_failures",
                                    help: "Recording rule evaluations that failed, by group.", label: "rule_group")
        var initial: [String: GroupState] = [:]
        for group in groups {
            initial[group.name] = GroupState(
                rules: group.rules.map {
                    .init(record: $0.record, query: $0.expr.description, labels: $0.labels.map { ($0.name, $0.value) },
                          lastError: nil, lastEvaluation: nil, evaluationSeconds: 0)
                },
                previous: Array(repeating: [], count: group.rules.count),
                latest: Array(repeating: [], count: group.rules.count))
        }
        state = Mutex(initial)
        var durations: [String: DurationHistogram] = [:]
        for group in groups {
            durations[group.name] = registry.makeDurationHistogram(
                descriptor: MetricNameDescriptor(metricName: "agent360_rule_evaluation_duration", unitName: "seconds",
                                                 helpText: "Time to evaluate all rules of a group once."),
                labels: [("rule_group", group.name)],
                buckets: SelfMetrics.durationBuckets)
        }
        self.durations = durations
        for group in groups { _ = failures(group.name) }
    }

    /// Evaluates every rule of `group` at `time` (ms) and stores the results.
    func evaluate(_ group: RecordingRuleGroup, at time: Int64) async {
        let started = ContinuousClock.now
        var statuses: [RuleGroupStatus.RuleStatus] = []
        var written: [Set<Labels>] = []
        var results: [[VectorSample]] = []
        let previous = state.withLock { $0[group.name]?.previous } ?? []
        for (index, rule) in group.rules.enumerated() {
            let ruleStart = ContinuousClock.now
            var status = RuleGroupStatus.RuleStatus(
                record: rule.record, query: rule.expr.description, labels: rule.labels.map { ($0.name, $0.value) },
                lastError: nil, lastEvaluation: time, evaluationSeconds: 0)
            var current: [VectorSample] = []
            do {
                current = try await evaluate(rule, at: time)
            } catch {
                status.lastError = "\(error)"
                failures(group.name).increment()
                logger.warning("recording rule failed", metadata: ["group": "\(group.name)", "record": "\(rule.record)",
                                                                    "error": "\(error)"])
            }
            let labelSets = Set(current.map(\.labels))
            for sample in current {
                _ = queries.store.append(sample.labels, [Sample(timestamp: time, value: sample.value)], now: time)
            }
            // Series that vanished since the last evaluation end now, as in Prometheus.
            if index < previous.count {
                for gone in previous[index] where !labelSets.contains(gone) {
                    _ = queries.store.append(gone, [Sample(timestamp: time, value: StaleMarker.value)], now: time)
                }
            }
            status.evaluationSeconds = (ContinuousClock.now - ruleStart).secondsValue
            statuses.append(status)
            written.append(status.lastError == nil ? labelSets : (index < previous.count ? previous[index] : []))
            results.append(current)
        }
        let elapsed = ContinuousClock.now - started
        durations[group.name]?.record(elapsed)
        state.withLock { state in
            state[group.name]?.lastEvaluation = time
            state[group.name]?.evaluationSeconds = elapsed.secondsValue
            state[group.name]?.rules = statuses
            state[group.name]?.previous = written
            state[group.name]?.latest = results
        }
    }

    private func evaluate(_ rule: RecordingRuleGroup.Rule, at time: Int64) async throws -> [VectorSample] {
        let result = try await queries.instant(rule.expr, at: time)
        let samples: [VectorSample]
        switch result.value {
        case .vector(let vector): samples = vector
        case .scalar(_, let value): samples = [VectorSample(labels: .empty, timestamp: time, value: value)]
        case .matrix, .string: throw APIError(.execution, "recording rule must produce a vector or scalar")
        }
        var seen = Set<Labels>()
        return try samples.map { sample in
            var labels = sample.labels.setting(Labels.metricName, rule.record)
            for label in rule.labels { labels.set(label.name, label.value) }
            guard seen.insert(labels).inserted else {
                throw APIError(.execution, "vector contains metrics with the same labelset after applying rule labels")
            }
            return VectorSample(labels: labels, timestamp: time, value: sample.value)
        }
    }

    /// The latest results of rules whose record name starts with `prefix`,
    /// for re-export on `/metrics`.
    func latestResults(prefix: String) -> [(record: String, samples: [VectorSample])] {
        state.withLock { state in
            groups.flatMap { group in
                group.rules.indices.compactMap { index -> (String, [VectorSample])? in
                    let record = group.rules[index].record
                    guard record.hasPrefix(prefix), let latest = state[group.name]?.latest, index < latest.count else { return nil }
                    return (record, latest[index])
                }
            }
        }
    }

    func ruleGroupStatuses() -> [RuleGroupStatus] {
        state.withLock { state in
            groups.map { group in
                let current = state[group.name]
                return RuleGroupStatus(name: group.name, file: "agent360.yaml", intervalSeconds: Double(group.interval) / 1000,
                                       lastEvaluation: current?.lastEvaluation,
                                       evaluationSeconds: current?.evaluationSeconds ?? 0, rules: current?.rules ?? [])
            }
        }
    }
}

extension Duration {
    var secondsValue: Double {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }
}
