/// Appends SVG elements to a string. Hand-written because the charts need a
/// handful of element kinds and no dependency is worth that.
struct SVGWriter {
    private(set) var output = ""

    mutating func raw(_ text: String) {
        output += text
        output += "\n"
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, dash: String? = nil) {
        var element = "<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(n(width))\""
        if let dash { element += " stroke-dasharray=\"\(dash)\"" }
        raw(element + "/>")
    }

    /// One polyline per run of points; nil points break the line so a
    /// missing sample shows as a gap rather than a made-up slope.
    mutating func polyline(_ points: [(Double, Double)?], stroke: String, width: Double = 2, dash: String? = nil) {
        var runs: [[(Double, Double)]] = [[]]
        for point in points {
            if let point {
                runs[runs.count - 1].append(point)
            } else if !(runs.last?.isEmpty ?? true) {
                runs.append([])
            }
        }
        for run in runs where !run.isEmpty {
            if run.count == 1 {
                raw("<circle cx=\"\(n(run[0].0))\" cy=\"\(n(run[0].1))\" r=\"\(n(width))\" fill=\"\(stroke)\"/>")
                continue
            }
            let coordinates = run.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ")
            var element = "<polyline fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(n(width))\" stroke-linejoin=\"round\""
            if let dash { element += " stroke-dasharray=\"\(dash)\"" }
            raw(element + " points=\"\(coordinates)\"/>")
        }
    }

    mutating func text(
        _ content: String, x: Double, y: Double, anchor: String = "start", size: Int = 11,
        weight: String? = nil, fill: String = "#333"
    ) {
        var element = "<text x=\"\(n(x))\" y=\"\(n(y))\" text-anchor=\"\(anchor)\" font-size=\"\(size)\" fill=\"\(fill)\""
        if let weight { element += " font-weight=\"\(weight)\"" }
        raw(element + ">\(SVGWriter.escape(content))</text>")
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String? = nil) {
        var element = "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(width))\" height=\"\(n(height))\" fill=\"\(fill)\""
        if let stroke { element += " stroke=\"\(stroke)\"" }
        raw(element + "/>")
    }

    static func escape(_ text: String) -> String {
        var result = ""
        for char in text {
            switch char {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(char)
            }
        }
        return result
    }

    private func n(_ value: Double) -> String { NumberText.fixed(value, 1) }
}
