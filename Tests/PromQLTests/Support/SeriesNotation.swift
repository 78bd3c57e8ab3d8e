import TSDB

/// Prometheus's expanding series notation for test data, as used by
/// `promtool test rules` and Prometheus's own PromQL tests:
/// `metric{a="b"} 0+10x3 _ stale 5 1x2` gives 0 10 20 30, no sample,
/// a stale marker, 5, 1 1 1 (values one `interval` apart from time 0).
enum SeriesNotation {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Parses one line: a series selector-like text and its values.
    static func series(_ line: String, interval: Int64, start: Int64 = 0) throws -> (Labels, [Sample]) {
        let trimmed = line.trimmingCharacters(in: " \t")
        let (labels, rest) = try parseLabels(trimmed)
        var samples: [Sample] = []
        var time = start
        for item in rest.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            for value in try expand(String(item)) {
                if let value { samples.append(Sample(timestamp: time, value: value)) }
                time += interval
            }
        }
        return (labels, samples)
    }

    /// One item: `v`, `_`, `stale`, `vxN`, `_xN`, `v+dxN`, `v-dxN`.
    /// nil entries are omitted samples.
    static func expand(_ item: String) throws -> [Double?] {
        if item == "_" { return [nil] }
        if item.hasPrefix("_x"), let count = Int(item.dropFirst(2)) { return Array(repeating: nil, count: count) }
        if item == "stale" { return [StaleMarker.value] }
        guard let times = item.lastIndex(of: "x") else { return [try number(item)] }
        guard let count = Int(item[item.index(after: times)...]) else { throw Failure(description: "bad item \(item)") }
        let body = item[..<times]
        // Find the sign of the increment (not the sign of the first value or an exponent).
        var split: String.Index?
        var index = body.index(after: body.startIndex)
        while index < body.endIndex {
            let previous = body[body.index(before: index)]
            if (body[index] == "+" || body[index] == "-") && previous != "e" && previous != "E" {
                split = index
                break
            }
            index = body.index(after: index)
        }
        var value = try number(String(split.map { body[..<$0] } ?? body))
        let increment = try split.map { try number(String(body[$0...])) } ?? 0
        var values: [Double?] = []
        for _ in 0...count {
            values.append(value)
            value += increment
        }
        return values
    }

    private static func number(_ text: String) throws -> Double {
        let lower = text.lowercased()
        switch lower {
        case "inf", "+inf": return .infinity
        case "-inf": return -.infinity
        case "nan": return .nan
        default:
            guard let value = Double(text) else { throw Failure(description: "bad number \(text)") }
            return value
        }
    }

    private static func parseLabels(_ text: String) throws -> (Labels, Substring) {
        var rest = Substring(text)
        var labels: [Label] = []
        let nameEnd = rest.firstIndex { $0 == "{" || $0 == " " || $0 == "\t" } ?? rest.endIndex
        let name = String(rest[..<nameEnd])
        if !name.isEmpty { labels.append(Label(Labels.metricName, name)) }
        rest = rest[nameEnd...]
        if rest.first == "{" {
            rest = rest.dropFirst()
            while true {
                rest = rest.drop { $0 == " " || $0 == "," }
                if rest.first == "}" {
                    rest = rest.dropFirst()
                    break
                }
                guard let equals = rest.firstIndex(of: "=") else { throw Failure(description: "bad labels in \(text)") }
                let labelName = rest[..<equals].trimmingCharacters(in: " ")
                rest = rest[rest.index(after: equals)...].drop { $0 == " " }
                guard rest.first == "\"" else { throw Failure(description: "bad label value in \(text)") }
                rest = rest.dropFirst()
                var value = ""
                while let character = rest.first, character != "\"" {
                    rest = rest.dropFirst()
                    if character == "\\", let escaped = rest.first {
                        rest = rest.dropFirst()
                        value.append(escaped == "n" ? "\n" : escaped)
                    } else {
                        value.append(character)
                    }
                }
                rest = rest.dropFirst()
                labels.append(Label(labelName, value))
            }
        }
        return (Labels(labels), rest)
    }
}

extension StringProtocol {
    func trimmingCharacters(in set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
