import Foundation

/// The PromQL expressions of the Grafana dashboards in `dashboards/`, with
/// template variables replaced by concrete values, as Grafana would send them.
enum DashboardExpressions {
    struct Expression: Sendable {
        let dashboard: String
        let title: String
        let expr: String
    }

    /// `$namespace`/`$workload`/`$instance` become `variables[name]`;
    /// Grafana's interval variables become `1m`.
    static func load(variables: [String: String]) throws -> [Expression] {
        let directory = Paths.repositoryRoot.appendingPathComponent("dashboards")
        var found: [Expression] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() where file.hasSuffix(".json") {
            let data = try Data(contentsOf: directory.appendingPathComponent(file))
            guard let dashboard = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { continue }
            let title = dashboard["title"] as? String ?? file
            func visit(_ panels: [[String: Any]]) {
                for panel in panels {
                    for target in panel["targets"] as? [[String: Any]] ?? [] {
                        if let expr = target["expr"] as? String, !expr.isEmpty {
                            found.append(Expression(dashboard: title, title: panel["title"] as? String ?? "?",
                                                    expr: substitute(expr, variables)))
                        }
                    }
                    visit(panel["panels"] as? [[String: Any]] ?? [])
                }
            }
            visit(dashboard["panels"] as? [[String: Any]] ?? [])
        }
        return found
    }

    static func substitute(_ expr: String, _ variables: [String: String]) -> String {
        var text = expr
        for interval in ["$__rate_interval", "${__rate_interval}", "$__interval", "${__interval}", "$__range", "${__range}"] {
            text = text.replacingOccurrences(of: interval, with: "1m")
        }
        for (name, value) in variables {
            for form in ["${\(name)}", "$\(name)"] { text = text.replacingOccurrences(of: form, with: value) }
        }
        return text
    }
}
