import KubeMetricsAPI
import PromQL

extension AdapterConfigFile {
    /// Compiles one rule and parses its series selector and rendered query,
    /// reporting problems at the line of the field at fault.
    static func check(_ rule: AdapterDiscoveryRule, kind: AdapterRule.Kind, index: Int, _ reader: inout YAMLMapping) throws(ConfigError) {
        let prefix = "\(kind.rawValue)[\(index)]"
        let compiled: AdapterRule
        do {
            compiled = try AdapterRule(rule, kind: kind, index: index)
        } catch {
            throw reader.invalid(firstKey(of: error.field, under: prefix), keyPath: error.field, error.message)
        }
        do {
            let selector = try PromQL.parse(rule.seriesQuery)
            guard selector.vectorSelectorMatchers != nil else {
                throw reader.invalid("seriesQuery", "must be a series selector such as {__name__=~\"^container_.*\",pod!=\"\"}")
            }
        } catch let error as ConfigError {
            throw error
        } catch {
            throw reader.invalid("seriesQuery", "\(error)")
        }
        // A sample rendering: custom rules group by a resource label,
        // external ones by nothing, as the adapter renders them.
        let sample = compiled.renderQuery(series: "adapter_sample_series", groupBy: kind == .custom ? ["pod"] : [])
        do {
            try validate(sample, field: "\(prefix).metricsQuery")
        } catch {
            throw reader.invalid("metricsQuery", keyPath: error.field, error.message)
        }
    }

    /// The rendered query parses, yields a vector or scalar, and carries the
    /// `<<.LabelMatchers>>` placeholder inside a selector's braces.
    static func validate(_ rendered: String, field: String) throws(AdapterConfigError) {
        let expr: Expr
        do {
            expr = try PromQL.parse(rendered)
        } catch {
            throw AdapterConfigError(.invalidQuery, field: field, "rendered query \"\(rendered)\" is not valid PromQL: \(error)")
        }
        guard [ValueType.vector, .scalar].contains(expr.type) else {
            throw AdapterConfigError(.invalidQuery, field: field, "the query must produce an instant vector, not \(expr.type.documentedName)")
        }
        guard expr.containsAdapterPlaceholder else {
            throw AdapterConfigError(.invalidTemplate, field: field,
                                     "<<.LabelMatchers>> must stand inside a selector's braces, e.g. <<.Series>>{<<.LabelMatchers>>}")
        }
    }

    /// `rules[0].name.matches` under `rules[0]` → `name`: the key of the
    /// reader's mapping that holds the field.
    static func firstKey(of field: String, under prefix: String) -> String {
        var rest = Substring(field)
        if rest.hasPrefix(prefix) { rest = rest.dropFirst(prefix.count) }
        if rest.hasPrefix(".") { rest = rest.dropFirst() }
        let key = rest.prefix { $0 != "." && $0 != "[" }
        return key.isEmpty ? String(field) : String(key)
    }
}
