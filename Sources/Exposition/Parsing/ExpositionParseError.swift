/// Why a text format 0.0.4 exposition could not be read, with the 1-based
/// line it happened on, so a broken exporter can be fixed from the log line.
public struct ExpositionParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based line number in the input.
    public let line: Int
    private let code: Code

    enum Code: Sendable, Equatable {
        case invalidMetricName(String)
        case invalidLabelName(String)
        case malformedLabels(String)
        case duplicateLabel(String)
        case unterminatedLabelValue
        case invalidUTF8
        case missingValue(String)
        case invalidValue(String)
        case invalidTimestamp(String)
        case trailingText(String)
        case missingMetadataName(String)
        case unknownType(String)
        case duplicateHelp(String)
        case duplicateType(String)
        case typeAfterSamples(String)
    }

    init(line: Int, _ code: Code) {
        self.line = line
        self.code = code
    }

    public var description: String {
        "line \(line): \(message)"
    }

    private var message: String {
        switch code {
        case .invalidMetricName(let text): return "invalid metric name \"\(text)\""
        case .invalidLabelName(let text): return "invalid label name \"\(text)\""
        case .malformedLabels(let detail): return "malformed label set: \(detail)"
        case .duplicateLabel(let name): return "label \"\(name)\" appears twice"
        case .unterminatedLabelValue: return "label value has no closing quote"
        case .invalidUTF8: return "text is not valid UTF-8"
        case .missingValue(let name): return "sample \"\(name)\" has no value"
        case .invalidValue(let text): return "invalid sample value \"\(text)\""
        case .invalidTimestamp(let text): return "invalid timestamp \"\(text)\" (expected integer milliseconds)"
        case .trailingText(let text): return "unexpected text after the timestamp: \"\(text)\""
        case .missingMetadataName(let keyword): return "# \(keyword) line without a metric name"
        case .unknownType(let text): return "unknown metric type \"\(text)\""
        case .duplicateHelp(let name): return "second HELP line for metric \"\(name)\""
        case .duplicateType(let name): return "second TYPE line for metric \"\(name)\""
        case .typeAfterSamples(let name): return "TYPE line for metric \"\(name)\" after its samples"
        }
    }
}
