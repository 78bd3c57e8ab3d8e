import Scaling

extension JSONWriter {
    /// A JSON number, or `null` for nil, NaN and ±Inf (which JSON cannot hold).
    mutating func number(_ value: Double?) {
        guard let value, value.isFinite else { return null() }
        if value == value.rounded(), abs(value) < 1e15 {
            raw(String(Int64(value)))
        } else {
            raw(String(value))
        }
    }

    mutating func field(_ name: String, number value: Double?) { key(name); number(value) }
    mutating func field(_ name: String, int value: Int?) { key(name); if let value { int(value) } else { null() } }
    mutating func field(_ name: String, bool value: Bool) { key(name); bool(value) }
    mutating func field(_ name: String, optional value: String?) { key(name); if let value { string(value) } else { null() } }

    mutating func scalingThresholds(_ thresholds: ScalingThresholds) {
        beginObject()
        field("cpuUtilization", number: thresholds.cpuUtilization)
        field("memoryUtilization", number: thresholds.memoryUtilization)
        field("requestRate", number: thresholds.requestRate)
        field("errorRate", number: thresholds.errorRate)
        field("latencyP95Seconds", number: thresholds.p95LatencySeconds)
        endObject()
    }

    mutating func workloadSignals(_ signals: WorkloadSignals) {
        beginObject()
        field("cpuUtilization", number: signals.cpuUtilization)
        field("memoryUtilization", number: signals.memoryUtilization)
        field("requestRate", number: signals.requestRate)
        field("errorRate", number: signals.errorRate)
        field("latencyP95Seconds", number: signals.p95LatencySeconds)
        endObject()
    }

    mutating func scalingAssessment(_ assessment: ScalingAssessment, signals: WorkloadSignals?) {
        beginObject()
        field("namespace", assessment.namespace)
        field("workload", assessment.workload)
        field("needsScaling", bool: assessment.needsScaling)
        if let signals {
            key("signals")
            workloadSignals(signals)
        }
        key("reasons")
        beginArray()
        for reason in assessment.reasons {
            beginObject()
            field("signal", reason.signal.rawValue)
            field("value", number: reason.value)
            field("threshold", number: reason.threshold)
            endObject()
        }
        endArray()
        endObject()
    }

    mutating func shadowHPA(_ status: ShadowHPAStatus) {
        beginObject()
        field("name", status.name)
        field("namespace", status.namespace)
        field("workload", status.workload)
        field("minReplicas", int: status.minReplicas)
        field("maxReplicas", int: status.maxReplicas)
        let decision = status.decision
        field("lastSync", optional: decision.map { RFC3339.format($0.time) })
        field("currentReplicas", int: decision?.currentReplicas)
        field("desiredReplicas", int: decision?.desiredReplicas)
        field("stabilizedReplicas", int: decision?.stabilizedReplicas)
        field("replicas", int: decision?.replicas)
        field("limitingRule", optional: decision?.limitingRule.rawValue)
        field("message", optional: decision?.message)
        key("metrics")
        beginArray()
        for (index, metric) in status.metrics.enumerated() {
            let evaluation = decision.flatMap { index < $0.metrics.count ? $0.metrics[index] : nil }
            beginObject()
            field("key", metric.spec.key)
            field("type", metric.spec.typeName)
            field("targetType", metric.spec.target.typeName)
            field("target", metric.spec.target.displayText)
            field("query", optional: metric.query.query)
            field("observed", number: evaluation?.observed)
            field("usageRatio", number: evaluation?.usageRatio)
            field("proposal", int: evaluation?.proposal)
            field("problem", optional: metric.query.problem ?? evaluation?.problem)
            endObject()
        }
        endArray()
        endObject()
    }
}
