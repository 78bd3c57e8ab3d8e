/// Draws a replay as a self-contained SVG: first the replica count (a step
/// line with desired replicas and the min/max bounds, and marks where
/// stabilization or a rate policy held the controller back), then one panel
/// per metric with its series and its target as a dashed line.
public struct SimulationChart: Sendable {
    public var width: Double
    public var panelHeight: Double

    public init(width: Double = 900, panelHeight: Double = 200) {
        self.width = width
        self.panelHeight = panelHeight
    }

    struct Line {
        var label: String
        var color: String
        var points: [(Double, Double)?]
        var width: Double = 2
        var dash: String?
    }

    struct Panel {
        var title: String
        var lines: [Line]
        var domain: [Double]
        var integerTicks = false
        var marks: [(time: Double, color: String)] = []
        var markLegend: [(String, String)] = []
        /// Shown across the plot when the panel has nothing to draw.
        var emptyMessage: String?
    }

    static let palette = ["#1f77b4", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf"]
    private static let margin = (left: 64.0, right: 16.0, top: 28.0, bottom: 36.0)

    public func render(_ result: SimulationResult) -> String {
        let panels = [replicasPanel(result)] + result.metrics.indices.map { metricPanel(result, index: $0) }
        let height = panelHeight * Double(panels.count)
        var svg = SVGWriter()
        svg.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" "
            + "viewBox=\"0 0 \(Int(width)) \(Int(height))\" font-family=\"Helvetica, Arial, sans-serif\">")
        svg.raw("<title>\(SVGWriter.escape("HPA replay of \(result.autoscaler)"))</title>")
        svg.rect(x: 0, y: 0, width: width, height: height, fill: "#ffffff")
        guard let first = result.rows.first?.time, let last = result.rows.last?.time else {
            svg.text("no syncs to show", x: width / 2, y: height / 2, anchor: "middle", size: 14)
            svg.raw("</svg>")
            return svg.output
        }
        let xAxis = ChartAxis.time(start: first, end: last, pixels: (Self.margin.left, width - Self.margin.right))
        for (index, panel) in panels.enumerated() {
            svg.raw("<g transform=\"translate(0,\(Int(panelHeight * Double(index))))\">")
            draw(panel, xAxis: xAxis, start: first, caption: index == panels.count - 1, into: &svg)
            svg.raw("</g>")
        }
        svg.raw("</svg>")
        return svg.output
    }

    private func draw(_ panel: Panel, xAxis: ChartAxis, start: Double, caption: Bool, into svg: inout SVGWriter) {
        let top = Self.margin.top
        let bottom = panelHeight - Self.margin.bottom
        var yAxis = ChartAxis.values(panel.domain, pixels: (bottom, top))
        if panel.integerTicks, yAxis.step < 1 {
            yAxis = ChartAxis.values(panel.domain + [yAxis.lower + 5], pixels: (bottom, top))
        }
        let plotLeft = xAxis.pixelStart
        let plotRight = xAxis.pixelEnd
        svg.rect(x: plotLeft, y: top, width: plotRight - plotLeft, height: bottom - top, fill: "#fafafa", stroke: "#cccccc")
        for tick in yAxis.ticks {
            let y = yAxis.pixel(tick)
            svg.line(x1: plotLeft, y1: y, x2: plotRight, y2: y, stroke: "#e6e6e6")
            svg.text(yAxis.label(tick), x: plotLeft - 6, y: y + 4, anchor: "end")
        }
        for tick in xAxis.ticks {
            let x = xAxis.pixel(tick)
            svg.line(x1: x, y1: top, x2: x, y2: bottom, stroke: "#eeeeee")
            svg.line(x1: x, y1: bottom, x2: x, y2: bottom + 4, stroke: "#999999")
            svg.text(NumberText.duration(tick - start), x: x, y: bottom + 16, anchor: "middle")
        }
        for mark in panel.marks {
            let x = xAxis.pixel(mark.time)
            svg.rect(x: x - 1.5, y: bottom - 6, width: 3, height: 6, fill: mark.color)
        }
        for line in panel.lines {
            let points = line.points.map { point in point.map { (xAxis.pixel($0.0), yAxis.pixel($0.1)) } }
            svg.polyline(points, stroke: line.color, width: line.width, dash: line.dash)
        }
        if let message = panel.emptyMessage {
            svg.text(message, x: (plotLeft + plotRight) / 2, y: (top + bottom) / 2, anchor: "middle", size: 13, fill: "#999999")
        }
        svg.text(panel.title, x: plotLeft, y: top - 10, size: 13, weight: "bold")
        drawLegend(panel.lines.map { ($0.label, $0.color, $0.dash, false) }, right: plotRight, y: top - 10, into: &svg)
        if !panel.markLegend.isEmpty {
            // Inside the plot's top-right corner: the header has no room left
            // beside the title, and the top of a replica plot is headroom.
            let items = panel.markLegend.map { ($0.0, $0.1, String?.none, true) }
            let width = items.reduce(0) { $0 + Double($1.0.count) * 6.2 + 38 }
            svg.rect(x: plotRight - width - 4, y: top + 3, width: width, height: 16, fill: "#ffffff", stroke: "#dddddd")
            drawLegend(items, right: plotRight - 4, y: top + 15, into: &svg)
        }
        if caption {
            let origin = NumberText.isUnixTime(start) ? RFC3339.format(start) : "t = \(NumberText.compact(start)) s"
            let format = xAxis.upper - xAxis.lower >= 3600 ? "h:mm:ss" : "m:ss"
            svg.text("time since \(origin) (\(format))", x: (plotLeft + plotRight) / 2, y: panelHeight - 6, anchor: "middle")
        }
    }

    /// Right-aligned legend items: a line sample (or a mark for `isMark`) and a label.
    private func drawLegend(
        _ items: [(label: String, color: String, dash: String?, isMark: Bool)], right: Double, y: Double,
        into svg: inout SVGWriter
    ) {
        var x = right
        for item in items.reversed() {
            x -= Double(item.label.count) * 6.2
            svg.text(item.label, x: x, y: y)
            x -= 24
            if item.isMark {
                svg.rect(x: x + 8, y: y - 9, width: 3, height: 8, fill: item.color)
            } else {
                svg.line(x1: x, y1: y - 4, x2: x + 18, y2: y - 4, stroke: item.color, width: 2, dash: item.dash)
            }
            x -= 14
        }
    }
}
