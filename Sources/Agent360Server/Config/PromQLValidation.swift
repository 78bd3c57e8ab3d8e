import PromQL

/// Checks PromQL in configuration files at load time, so a typo in a rule or
/// metric query is a config error naming the line, not a failing HPA later.
enum PromQLValidation {
    static func problem(in query: String, allowing types: Set<ValueType>) -> String? {
        do {
            let expr = try parse(query)
            guard types.contains(expr.type) else {
                let allowed = types.map(\.documentedName).sorted().joined(separator: " or ")
                return "the query must produce \(allowed), not \(expr.type.documentedName)"
            }
            return nil
        } catch {
            return "\(error)"
        }
    }
}
