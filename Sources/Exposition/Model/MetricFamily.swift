/// A named group of samples sharing one type, help text and unit: what one
/// `# TYPE` line introduces in an exposition.
///
/// `name` is the family name as its source declared it. For counters either
/// convention works: `requests_total` (text format 0.0.4 style) or `requests`
/// with samples named `requests_total` (OpenMetrics style); each writer
/// derives the name its format needs (see ``ExpositionWriter``).
public struct MetricFamily: Sendable, Equatable {
    public var name: String
    public var type: MetricType
    /// Empty means "no help text", and no `# HELP` line is written.
    public var help: String
    /// Empty means "no unit". Only OpenMetrics writes it (`# UNIT`).
    public var unit: String
    public var samples: [MetricSample]

    public init(
        name: String,
        type: MetricType,
        help: String = "",
        unit: String = "",
        samples: [MetricSample] = []
    ) {
        self.name = name
        self.type = type
        self.help = help
        self.unit = unit
        self.samples = samples
    }
}
