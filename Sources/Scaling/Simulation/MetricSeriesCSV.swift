/// Reads simulator input from CSV.
///
/// Two layouts, told apart by the header:
/// - wide (preferred): `time,cpu,memory,agent360_request_rate` — one column per
///   series, one row per timestamp, empty cells for "no sample";
/// - long: exactly `time,metric,value` — one sample per row, as exported from
///   a query API.
///
/// `time` is unix seconds (fractions allowed) or RFC 3339
/// (`2024-05-01T10:00:00Z`). Blank lines and lines starting with `#` are
/// skipped. Values are plain numbers or Kubernetes quantities (`500m`, `2Gi`);
/// `NaN` counts as no sample. Errors name the line and column.
public enum MetricSeriesCSV {
    public static func read(_ text: String) throws -> [String: MetricSeries] {
        var header: [String]?
        var points: [String: [TimedValue]] = [:]
        var lineNumber = 0
        // "\r\n" is one Character in Swift, so both endings are separators.
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.allSatisfy(\.isWhitespace) || line.hasPrefix("#") { continue }
            guard let fields = CSVField.split(line)?.map({ $0.trimmingSpaces }) else {
                throw MetricSeriesCSVError(line: lineNumber, .unclosedQuote)
            }
            guard let columns = header else {
                header = try validatedHeader(fields, line: lineNumber)
                continue
            }
            guard fields.count == columns.count else {
                throw MetricSeriesCSVError(line: lineNumber, .fieldCount(expected: columns.count, found: fields.count))
            }
            let time = try parseTime(fields[0], line: lineNumber)
            if isLongFormat(columns) {
                let name = fields[1]
                guard !name.isEmpty else { throw MetricSeriesCSVError(line: lineNumber, .emptyMetricName) }
                if let value = try parseValue(fields[2], line: lineNumber, column: "value") {
                    points[name, default: []].append(TimedValue(time: time, value: value))
                }
            } else {
                for (name, field) in zip(columns.dropFirst(), fields.dropFirst()) {
                    if let value = try parseValue(field, line: lineNumber, column: name) {
                        points[name, default: []].append(TimedValue(time: time, value: value))
                    }
                }
            }
        }
        guard let columns = header else { throw MetricSeriesCSVError(line: lineNumber, .noHeader) }
        var result = points.mapValues(MetricSeries.init)
        if !isLongFormat(columns) {
            // A wide column with no values is still a (empty) series: the
            // simulator then says the metric had no samples rather than no column.
            for name in columns.dropFirst() where result[name] == nil { result[name] = MetricSeries([TimedValue]()) }
        }
        return result
    }

    private static func isLongFormat(_ columns: [String]) -> Bool {
        columns.map { $0.lowercased() } == ["time", "metric", "value"]
    }

    private static func validatedHeader(_ fields: [String], line: Int) throws -> [String] {
        guard fields.first?.lowercased() == "time" else {
            throw MetricSeriesCSVError(line: line, .badHeader("the first column must be named time"))
        }
        guard fields.count >= 2 else {
            throw MetricSeriesCSVError(line: line, .badHeader("no metric columns after time"))
        }
        var seen = Set<String>()
        for name in fields.dropFirst() {
            guard !name.isEmpty else { throw MetricSeriesCSVError(line: line, .badHeader("a column has no name")) }
            guard seen.insert(name).inserted else {
                throw MetricSeriesCSVError(line: line, .badHeader("column \(name) appears twice"))
            }
        }
        return fields
    }

    private static func parseTime(_ field: String, line: Int) throws -> Double {
        if let seconds = Double(field), seconds.isFinite { return seconds }
        if let seconds = RFC3339.parse(field) { return seconds }
        throw MetricSeriesCSVError(line: line, .badTime(field))
    }

    private static func parseValue(_ field: String, line: Int, column: String) throws -> Double? {
        if field.isEmpty || field.lowercased() == "nan" { return nil }
        if let number = Double(field) { return number }
        if let quantity = try? Quantity(parsing: field) { return quantity.value }
        throw MetricSeriesCSVError(line: line, .badValue(column: column, field))
    }
}

/// Why a CSV input was refused, with its line.
public struct MetricSeriesCSVError: Error, Sendable, Hashable, CustomStringConvertible {
    enum Code: Sendable, Hashable {
        case noHeader
        case badHeader(String)
        case unclosedQuote
        case fieldCount(expected: Int, found: Int)
        case badTime(String)
        case badValue(column: String, String)
        case emptyMetricName
    }

    /// 1-based line number.
    public let line: Int
    let code: Code

    init(line: Int, _ code: Code) {
        self.line = line
        self.code = code
    }

    public var description: String {
        let problem = switch code {
        case .noHeader: "no header line (expected time,<metric>... or time,metric,value)"
        case .badHeader(let reason): "bad header: \(reason)"
        case .unclosedQuote: "a quoted field is not closed"
        case .fieldCount(let expected, let found): "expected \(expected) fields, found \(found)"
        case .badTime(let text): "time \"\(text)\" is neither unix seconds nor RFC 3339"
        case .badValue(let column, let text): "column \(column): \"\(text)\" is not a number"
        case .emptyMetricName: "metric name is empty"
        }
        return "line \(line): \(problem)"
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        var slice = Substring(self)
        while slice.first == " " || slice.first == "\t" { slice.removeFirst() }
        while slice.last == " " || slice.last == "\t" { slice.removeLast() }
        return String(slice)
    }
}
