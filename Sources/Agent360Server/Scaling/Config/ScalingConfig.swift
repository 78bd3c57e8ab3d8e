import Scaling
import Yams

/// `scaling:` — which workloads need more capacity, checked every interval
/// against the scaling guide's thresholds, and optionally an HPA replayed live.
///
/// The signals are the recorded `agent360_*` series (one per namespace and
/// workload), so the verdicts agree with what the dashboards and the HPA see.
public struct ScalingConfig: Sendable, Equatable {
    public var enabled = true
    /// How often the signals are assessed and the shadow HPA reconciles
    /// (15 s: the HPA controller's own sync period).
    public var interval = ConfigDuration.seconds(15)
    /// A signal strictly above its threshold is a reason to scale.
    public var thresholds = ScalingThresholds.guideDefaults
    /// An `autoscaling/v2` HPA replayed against live data ("shadow HPA").
    public var hpa: ShadowHPAConfig?

    public init() {}
}

/// `scaling.hpa:` — an HPA manifest replayed every interval on PromQL results,
/// so an operator sees what it would do before applying it to the cluster.
public struct ShadowHPAConfig: Sendable, Equatable {
    /// The manifest's path as written (relative paths: see `loadAutoscalers`).
    public var file: String
    /// Where `file` is written in the configuration, for error messages.
    public var line: Int?
    public var column: Int?
    /// The namespace of HPAs whose manifest has no `metadata.namespace`.
    public var namespace = "default"
    /// PromQL per metric key (`cpu`, `memory`, `agent360_request_rate`, …)
    /// replacing the default query for that metric in every replayed HPA.
    public var queries: [String: String] = [:]
    /// Every HorizontalPodAutoscaler in `file`, once loaded.
    public var autoscalers: [HorizontalPodAutoscaler] = []

    public init(file: String, namespace: String = "default", queries: [String: String] = [:]) {
        self.file = file
        self.namespace = namespace
        self.queries = queries
    }
}

extension ScalingConfig {
    static func read(_ reader: inout YAMLMapping) throws(ConfigError) -> ScalingConfig {
        var config = ScalingConfig()
        if let enabled = try reader.bool("enabled") { config.enabled = enabled }
        if let interval = try reader.duration("interval") {
            guard interval.milliseconds >= 100 else { throw reader.invalid("interval", "must be at least 100ms") }
            config.interval = interval
        }
        if let thresholds = try reader.section("thresholds", Self.readThresholds) { config.thresholds = thresholds }
        if let node = reader.node("hpa"), !YAMLValue.isNull(node) {
            config.hpa = try ShadowHPAConfig.read(node, keyPath: reader.keyPath("hpa"))
        }
        return config
    }

    private static func readThresholds(_ reader: inout YAMLMapping) throws(ConfigError) -> ScalingThresholds {
        var thresholds = ScalingThresholds.guideDefaults
        let ratio = 0.0...1_000.0
        if let value = try reader.double("cpuUtilization", range: ratio) { thresholds.cpuUtilization = value }
        if let value = try reader.double("memoryUtilization", range: ratio) { thresholds.memoryUtilization = value }
        if let value = try reader.double("requestRate", range: 0...Double.greatestFiniteMagnitude) { thresholds.requestRate = value }
        if let value = try reader.double("errorRate", range: 0...1) { thresholds.errorRate = value }
        if let value = try reader.double("latencyP95Seconds", range: 0...Double.greatestFiniteMagnitude) {
            thresholds.p95LatencySeconds = value
        }
        return thresholds
    }
}

extension ShadowHPAConfig {
    /// `hpa: FILE` or `hpa: {file: FILE, namespace: NS, queries: {KEY: PROMQL}}`.
    static func read(_ node: Node, keyPath: String) throws(ConfigError) -> ShadowHPAConfig {
        if case .scalar = node {
            let file = try YAMLValue.string(node, keyPath)
            guard !file.isEmpty else { throw YAMLValue.invalid(node, keyPath, "expected the path of an HPA manifest") }
            var config = ShadowHPAConfig(file: file)
            config.line = node.mark?.line
            config.column = node.mark?.column
            return config
        }
        var reader = try YAMLMapping(node, path: keyPath)
        let fileMark = reader.peekMark("file")
        guard let file = try reader.string("file"), !file.isEmpty else { throw reader.missing("file") }
        var config = ShadowHPAConfig(file: file)
        config.line = fileMark?.line
        config.column = fileMark?.column
        if let namespace = try reader.string("namespace") {
            guard !namespace.isEmpty else { throw reader.invalid("namespace", "must not be empty") }
            config.namespace = namespace
        }
        if let node = reader.node("queries") {
            config.queries = try readQueries(node, keyPath: reader.keyPath("queries"))
        }
        try reader.finish()
        return config
    }

    /// `{metric key: PromQL}`; each query must parse, and an error names its line.
    private static func readQueries(_ node: Node, keyPath: String) throws(ConfigError) -> [String: String] {
        guard case .mapping(let mapping) = node else {
            if YAMLValue.isNull(node) { return [:] }
            throw YAMLValue.invalid(node, keyPath, "expected a mapping of metric names to PromQL queries")
        }
        var queries: [String: String] = [:]
        for (key, value) in mapping {
            let name = try YAMLValue.string(key, keyPath)
            let path = YAMLMapping.join(keyPath, name)
            let query = try YAMLValue.string(value, path)
            if let problem = PromQLValidation.problem(in: query, allowing: [.vector, .scalar]) {
                throw YAMLValue.invalid(value, path, problem)
            }
            guard queries.updateValue(query, forKey: name) == nil else {
                throw YAMLValue.invalid(key, path, "duplicate key")
            }
        }
        return queries
    }
}
