/// The kind of a metric family, as OpenMetrics 1.0 names them.
///
/// The model keeps the OpenMetrics vocabulary because it is the larger one;
/// the text format 0.0.4 writer maps the types 0.0.4 lacks (`info`,
/// `stateset`, `gaugehistogram`) onto the nearest type it has, the way the
/// reference client libraries do.
public enum MetricType: String, Sendable, Hashable, CaseIterable {
    case counter
    case gauge
    case histogram
    case summary
    /// `untyped` in text format 0.0.4, `unknown` in OpenMetrics.
    case unknown
    case info
    case stateset
    case gaugehistogram

    /// Reads a `# TYPE` keyword of text format 0.0.4 (and accepts the
    /// OpenMetrics spellings too, so output of either writer parses back).
    init?(typeKeyword: some StringProtocol) {
        switch typeKeyword {
        case "counter": self = .counter
        case "gauge": self = .gauge
        case "histogram": self = .histogram
        case "summary": self = .summary
        case "untyped", "unknown": self = .unknown
        case "info": self = .info
        case "stateset": self = .stateset
        case "gaugehistogram": self = .gaugehistogram
        default: return nil
        }
    }

    /// The suffixes a sample name may add to its family name for this type in
    /// text format 0.0.4 (the empty suffix is always allowed).
    var textFormatSampleSuffixes: [String] {
        switch self {
        case .histogram, .gaugehistogram: return Self.histogramSuffixes
        case .summary: return Self.summarySuffixes
        case .counter, .gauge, .unknown, .info, .stateset: return []
        }
    }

    private static let histogramSuffixes = ["_bucket", "_sum", "_count"]
    private static let summarySuffixes = ["_sum", "_count"]
}
