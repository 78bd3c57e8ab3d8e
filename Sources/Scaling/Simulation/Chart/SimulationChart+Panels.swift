extension SimulationChart {
    func replicasPanel(_ result: SimulationResult) -> Panel {
        let rows = result.rows
        let times = rows.map(\.time)
        var replicas: [Double?] = rows.first.map { [Double($0.currentReplicas)] } ?? []
        replicas += rows.map { Double($0.replicas) }
        let replicaTimes = (rows.first.map { [$0.time] } ?? []) + times
        // Desired counts far above maxReplicas (a bad input) would flatten the
        // chart; they are drawn at the top of a panel at most twice maxReplicas.
        let ceiling = Double(max(2 * result.maxReplicas, result.maxReplicas + 1))
        let desired = rows.map { $0.desiredReplicas.map { min(Double($0), ceiling) } }
        let bounds = [times.first, times.last].compactMap { $0 }
        let holding: Set<LimitingRule> = [.scaleUpStabilized, .scaleDownStabilized]
        // Bounds are visible as the min/max lines; only the policies get marks.
        let limiting: Set<LimitingRule> = [.scaleUpLimit, .scaleDownLimit]
        var marks: [(time: Double, color: String)] = []
        for row in rows {
            if holding.contains(row.limitingRule) { marks.append((row.time, "#7f7f7f")) }
            if limiting.contains(row.limitingRule) { marks.append((row.time, "#ff7f0e")) }
            // A missing metric blocks scale-down: the one hold an operator cannot guess from the lines.
            if row.limitingRule.isFailedGet { marks.append((row.time, "#d62728")) }
        }
        return Panel(
            title: "\(result.autoscaler) replicas",
            lines: [
                Line(label: "max \(result.maxReplicas)", color: "#d62728",
                     points: bounds.map { ($0, Double(result.maxReplicas)) }, width: 1, dash: "6 4"),
                Line(label: "min \(result.minReplicas)", color: "#d62728",
                     points: bounds.map { ($0, Double(result.minReplicas)) }, width: 1, dash: "2 3"),
                Line(label: "desired", color: "#ff7f0e", points: Self.steps(desired, at: times), width: 1.5, dash: "4 3"),
                Line(label: "replicas", color: "#1f77b4", points: Self.steps(replicas, at: replicaTimes), width: 2.5),
            ],
            domain: [0, Double(result.maxReplicas) + 1] + desired.compactMap { $0 },
            integerTicks: true,
            marks: marks,
            markLegend: [("stabilized", "#7f7f7f"), ("rate limited", "#ff7f0e"), ("metric missing", "#d62728")]
        )
    }

    func metricPanel(_ result: SimulationResult, index: Int) -> Panel {
        let metric = result.metrics[index]
        let rows = result.rows
        let observed: [(Double, Double)?] = rows.map { row in
            guard index < row.metrics.count, let value = row.metrics[index].observed else { return nil }
            return (row.time, value)
        }
        let targetPoints: [(Double, Double)?]
        if metric.targetScalesWithReplicas {
            let levels = rows.map { Optional(metric.targetLevel(replicas: $0.currentReplicas)) }
            targetPoints = Self.steps(levels, at: rows.map(\.time))
        } else {
            targetPoints = [rows.first, rows.last].compactMap { $0 }.map { ($0.time, metric.targetValue) }
        }
        let unit = metric.targetType == "Utilization" ? " (ratio of requests)" : ""
        let perReplica = metric.targetScalesWithReplicas ? " × replicas" : ""
        return Panel(
            title: "\(metric.key)\(unit) — \(metric.type) \(metric.targetType)",
            lines: [
                Line(label: "target \(metric.target)\(perReplica)", color: "#555555",
                     points: targetPoints, width: 1.5, dash: "6 4"),
                Line(label: metric.key, color: Self.palette[index % Self.palette.count], points: observed),
            ],
            domain: observed.compactMap { $0?.1 } + targetPoints.compactMap { $0?.1 },
            emptyMessage: observed.allSatisfy { $0 == nil } ? "no samples of \(metric.key) in this range" : nil
        )
    }

    /// A step line: each value holds until the next time. Nil values break it.
    static func steps(_ values: [Double?], at times: [Double]) -> [(Double, Double)?] {
        var points: [(Double, Double)?] = []
        var previous: Double?
        for (time, value) in zip(times, values) {
            guard let value else {
                points.append(nil)
                previous = nil
                continue
            }
            if let previous, previous != value { points.append((time, previous)) }
            points.append((time, value))
            previous = value
        }
        return points
    }
}

extension SimulationResult {
    /// The replay as an SVG chart (900 px wide, 200 px per panel).
    public func svg() -> String {
        SimulationChart().render(self)
    }
}
