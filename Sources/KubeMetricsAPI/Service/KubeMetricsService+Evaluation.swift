import TSDB

/// A series value that passed the freshness and finiteness checks.
struct FreshValue: Sendable {
    var labels: Labels
    var value: Quantity
}

extension KubeMetricsService {
    /// Runs a metric's query and refuses anything that is not fresh, finite data.
    /// `atPlaceholder`: an adapter-rule query, whose placeholder matcher
    /// takes `matchers` (see `AdapterRule.placeholderMatcher`).
    func evaluateFresh(metric: String, query: String, matchers: [LabelMatcher], maxAgeSeconds: Int64?,
                       at time: Int64, atPlaceholder: Bool = false) async throws(KubeAPIError) -> [FreshValue] {
        let points: [MetricPoint]
        do {
            points = atPlaceholder
                ? try await evaluator.evaluate(adapterQuery: query, matchers: matchers, at: time)
                : try await evaluator.evaluate(query: query, extraMatchers: matchers, at: time)
        } catch let error as KubeAPIError {
            throw error
        } catch {
            throw .internalError("evaluating the query of metric \(metric) failed: \(error)")
        }

        let maxAge = maxAgeSeconds ?? configuration.defaultMaxAgeSeconds
        let oldest = points.min { $0.newestSampleTimestamp < $1.newestSampleTimestamp }
        if let oldest, time - oldest.newestSampleTimestamp > maxAge * 1000 {
            let age = Double(time - oldest.newestSampleTimestamp) / 1000
            throw .serviceUnavailable(
                "metric \(metric): newest sample of series \(oldest.labels) is \(age)s old, "
                    + "older than the allowed \(maxAge)s; refusing to serve stale data")
        }

        var values: [FreshValue] = []
        values.reserveCapacity(points.count)
        for point in points {
            guard let quantity = try? Quantity(point.value) else {
                throw .serviceUnavailable(
                    "metric \(metric): series \(point.labels) has value \(point.value), which the autoscaler cannot use")
            }
            values.append(FreshValue(labels: point.labels, value: quantity))
        }
        // Ordered by the labels clients see (without __name__).
        return values.sorted { $0.labels.removingMetricName() < $1.labels.removingMetricName() }
    }

    /// A request selector as TSDB matchers; failures are the client's (400).
    func matchers(for selector: LabelSelector, parameter: String) throws(KubeAPIError) -> [LabelMatcher] {
        do {
            return try selector.prometheusMatchers()
        } catch {
            throw .badRequest("invalid \(parameter) \(GoQuote.quote(selector.description)): \(error.message)")
        }
    }
}
