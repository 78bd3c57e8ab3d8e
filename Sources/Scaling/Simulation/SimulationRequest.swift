/// Everything one replay needs, as one Codable value, so an HTTP handler can
/// decode a POST body and call `run()`:
///
/// ```json
/// {"autoscaler": {"apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler", "spec": {...}},
///  "series": {"cpu": [{"time": 0, "value": 0.85}], "agent360_request_rate": [...]},
///  "options": {"syncPeriodSeconds": 15, "loadModel": {"spreadLoad": {"recordedReplicas": 3}}}}
/// ```
///
/// The autoscaler is the Kubernetes JSON shape and is validated while
/// decoding (a bad one throws `HPASpecError`).
public struct SimulationRequest: Sendable, Hashable, Codable {
    public var autoscaler: HorizontalPodAutoscaler
    public var series: [String: MetricSeries]
    public var options: SimulationOptions?

    public init(autoscaler: HorizontalPodAutoscaler, series: [String: MetricSeries], options: SimulationOptions? = nil) {
        self.autoscaler = autoscaler
        self.series = series
        self.options = options
    }

    /// Throws `SimulationError` when the options leave nothing to simulate.
    public func run() throws -> SimulationResult {
        try HPASimulator(autoscaler: autoscaler, options: options ?? SimulationOptions()).run(series: series)
    }
}
