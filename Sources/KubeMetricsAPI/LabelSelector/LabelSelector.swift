/// A parsed Kubernetes label selector (`labels.Selector`): requirements that
/// must all hold.
///
/// The HPA sends these as the `labelSelector` / `metricLabelSelector` query
/// parameters; `prometheusMatchers()` turns them into TSDB matchers that the
/// query engine adds to the metric's query AST.
public struct LabelSelector: Sendable, Hashable, CustomStringConvertible {
    /// Sorted by key, as `labels.Parse` returns them.
    public let requirements: [LabelRequirement]

    /// The empty selector, which selects everything.
    public static let everything = LabelSelector(requirements: [])

    public init(requirements: [LabelRequirement]) {
        // Stable, so requirements on one key keep the order they were written in.
        self.requirements = requirements.enumerated()
            .sorted { $0.element.key != $1.element.key ? $0.element.key < $1.element.key : $0.offset < $1.offset }
            .map(\.element)
    }

    /// Parses Kubernetes selector syntax: `a=b`, `a==b`, `a!=b`,
    /// `a in (x,y)`, `a notin (x)`, `a`, `!a`, `a>1`, `a<1`, comma-separated,
    /// whitespace allowed around tokens. Errors carry Kubernetes's message.
    public init(parsing text: String) throws(LabelSelectorError) {
        var parser = LabelSelectorParser(text)
        self.init(requirements: try parser.parse())
    }

    public var isEmpty: Bool { requirements.isEmpty }

    /// The canonical selector text (`Selector.String()`).
    public var description: String {
        requirements.map(\.description).joined(separator: ",")
    }
}
