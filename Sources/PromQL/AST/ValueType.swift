/// The four PromQL value types an expression can produce.
public enum ValueType: String, Sendable, Hashable {
    case scalar
    case vector
    case matrix
    case string

    /// The name Prometheus's type errors use (`instant vector`, `range vector`).
    public var documentedName: String {
        switch self {
        case .scalar: return "scalar"
        case .vector: return "instant vector"
        case .matrix: return "range vector"
        case .string: return "string"
        }
    }
}
