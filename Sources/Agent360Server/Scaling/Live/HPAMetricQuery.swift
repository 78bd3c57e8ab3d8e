import KubeMetricsAPI
import PromQL
import Scaling
import TSDB

/// The PromQL that feeds each metric of an HPA when it is replayed on live or
/// recorded data (`scaling.hpa` and `agent360 simulate --server`).
///
/// Defaults read the series agent360 records per namespace and workload, in
/// the units `HPAController.reconcile` expects:
///
/// | metric | default query |
/// |---|---|
/// | Resource `cpu` / `memory`, Utilization | `avg(agent360_cpu_utilization{namespace="NS",workload="TARGET"})` (ratio) |
/// | Pods `X` | `avg(X{namespace="NS",workload="TARGET",<selector>})` |
/// | External / Object `X` | `sum(X{namespace="NS",<selector>})` |
///
/// Results with several series are summed, as the HPA sums the items of an
/// external metric. Selector values become label matchers on the parsed
/// query, never query text. Resource AverageValue and ContainerResource
/// metrics have no default: agent360 records utilization ratios, not cores.
public struct HPAMetricQuery: Sendable, Hashable {
    /// `HPAMetric.key`: `cpu`, `agent360_request_rate`, …
    public var key: String
    /// PromQL text, nil when there is no query.
    public var query: String?
    /// Why there is no query.
    public var problem: String?
    /// Whether `query` is the configured one rather than the default.
    public var configured: Bool

    /// The queries for `autoscaler`'s metrics in spec order.
    /// - Parameter overrides: PromQL per metric key, used as written.
    public static func queries(for autoscaler: HorizontalPodAutoscaler, namespace: String,
                               overrides: [String: String] = [:]) -> [HPAMetricQuery] {
        autoscaler.metrics.map { metric in
            if let query = overrides[metric.key] {
                return HPAMetricQuery(key: metric.key, query: query, problem: nil, configured: true)
            }
            do {
                let expr = try defaultQuery(for: metric, namespace: namespace, workload: autoscaler.scaleTargetRef.name)
                return HPAMetricQuery(key: metric.key, query: expr.description, problem: nil, configured: false)
            } catch {
                return HPAMetricQuery(key: metric.key, query: nil, problem: (error as? NoQuery)?.message ?? "\(error)", configured: false)
            }
        }
    }

    struct NoQuery: Error {
        let message: String
    }

    static func defaultQuery(for metric: HPAMetric, namespace: String, workload: String) throws(NoQuery) -> Expr {
        let scope = [LabelMatcher.equal("namespace", namespace)]
        let target = LabelMatcher.equal("workload", workload)
        switch metric.source {
        case .resource(let name) where metric.target.typeName == "Utilization" && (name == "cpu" || name == "memory"):
            return try aggregate("avg", "agent360_\(name)_utilization", scope + [target])
        case .resource, .containerResource:
            throw NoQuery(message: "no default query for \(metric.typeName) \(metric.key) with a \(metric.target.typeName) target "
                + "(agent360 records cpu and memory utilization ratios only); configure one for \(metric.key)")
        case .pods(let id):
            return try aggregate("avg", id.name, scope + [target] + matchers(id.selector))
        case .object(let id, _), .external(let id):
            return try aggregate("sum", id.name, scope + matchers(id.selector))
        }
    }

    private static func aggregate(_ operation: String, _ metric: String, _ matchers: [LabelMatcher]) throws(NoQuery) -> Expr {
        guard MetricNameValidation.isValidMetricName(metric) else {
            throw NoQuery(message: "\"\(metric)\" is not a valid Prometheus metric name; configure a query for it")
        }
        do {
            return try parse("\(operation)(\(metric))").addingMatchers(matchers)
        } catch {
            throw NoQuery(message: "\(error)")
        }
    }

    /// A Kubernetes selector from an HPA spec as TSDB matchers.
    static func matchers(_ selector: Scaling.LabelSelector?) throws(NoQuery) -> [LabelMatcher] {
        guard let selector else { return [] }
        var requirements: [LabelRequirement] = []
        do {
            for (key, value) in (selector.matchLabels ?? [:]).sorted(by: { $0.key < $1.key }) {
                requirements.append(try LabelRequirement(key: key, operator: .equals, values: [value]))
            }
            for expression in selector.matchExpressions ?? [] {
                let op: LabelRequirement.Operator
                switch expression.operator {
                case "In": op = .in
                case "NotIn": op = .notIn
                case "Exists": op = .exists
                case "DoesNotExist": op = .doesNotExist
                default:
                    throw NoQuery(message: "selector operator \"\(expression.operator)\" is not one of In, NotIn, Exists, DoesNotExist")
                }
                requirements.append(try LabelRequirement(key: expression.key, operator: op, values: expression.values ?? []))
            }
            return try requirements.map { requirement throws(LabelSelectorError) in try requirement.prometheusMatcher() }
        } catch let error as NoQuery {
            throw error
        } catch {
            throw NoQuery(message: "selector: \(error)")
        }
    }
}
