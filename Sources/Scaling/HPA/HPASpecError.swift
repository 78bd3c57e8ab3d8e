/// A HorizontalPodAutoscaler the API server would refuse, or YAML that is not one.
///
/// The field path uses the Kubernetes spelling (`spec.metrics[1].external.target.value`)
/// so an operator can find the spot in the manifest; `line` is filled in when
/// the spec came from YAML.
public struct HPASpecError: Error, Sendable, Hashable, CustomStringConvertible {
    enum Code: Sendable, Hashable {
        case required
        case invalid(String, String)
        case unsupported(String, [String])
        case malformed(String)
    }

    /// Path of the offending field, e.g. `spec.maxReplicas`.
    public let field: String
    /// 1-based line in the YAML source, when known.
    public internal(set) var line: Int?
    let code: Code

    init(field: String, _ code: Code, line: Int? = nil) {
        self.field = field
        self.code = code
        self.line = line
    }

    public var description: String {
        let location = line.map { "line \($0): " } ?? ""
        let subject = field.isEmpty ? "" : "\(field): "
        switch code {
        case .required:
            return "\(location)\(subject)Required value"
        case .invalid(let value, let reason):
            return "\(location)\(subject)Invalid value: \"\(value)\": \(reason)"
        case .unsupported(let value, let supported):
            let list = supported.map { "\"\($0)\"" }.joined(separator: ", ")
            return "\(location)\(subject)Unsupported value: \"\(value)\": supported values: \(list)"
        case .malformed(let reason):
            return "\(location)\(subject)\(reason)"
        }
    }
}
