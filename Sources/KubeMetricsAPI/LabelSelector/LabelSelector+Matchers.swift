import TSDB

extension LabelSelector {
    /// TSDB matchers that select the same series a Kubernetes selector
    /// would select objects: one matcher per requirement.
    ///
    /// | requirement     | matcher                                  |
    /// |-----------------|------------------------------------------|
    /// | `k=v`, `k==v`   | `k="v"`                                  |
    /// | `k!=v`          | `k!="v"`                                 |
    /// | `k in (a,b)`    | `k=~"a\|b"`, each value regex-escaped    |
    /// | `k notin (a,b)` | `k!~"a\|b"`, each value regex-escaped    |
    /// | `k`             | `k!=""` (Prometheus: absent means empty) |
    /// | `!k`            | `k=""`                                   |
    ///
    /// Values are always literals: regex metacharacters are escaped, and
    /// the matchers are added to the query's AST by the engine, never
    /// pasted into query text, so no selector can change a query's shape.
    /// Keys become Prometheus label names with
    /// `PrometheusLabelName.sanitized(_:)`. `gt`/`lt` have no matcher
    /// equivalent and are rejected.
    public func prometheusMatchers() throws(LabelSelectorError) -> [LabelMatcher] {
        try requirements.map { requirement throws(LabelSelectorError) in try requirement.prometheusMatcher() }
    }
}

extension LabelRequirement {
    public func prometheusMatcher() throws(LabelSelectorError) -> LabelMatcher {
        let name = try PrometheusLabelName.forKubernetesKey(key)
        switch self.operator {
        case .equals, .doubleEquals:
            return .equal(name, values.first ?? "")
        case .notEquals:
            return .notEqual(name, values.first ?? "")
        case .exists:
            return .notEqual(name, "")
        case .doesNotExist:
            return .equal(name, "")
        case .in, .notIn:
            let pattern = values.map(RegexLiteral.escaped).joined(separator: "|")
            do {
                return try LabelMatcher(self.operator == .in ? .regexMatch : .regexNoMatch, name, pattern)
            } catch {
                throw .notConvertible("label selector \"\(description)\" has no Prometheus matcher: \(error)")
            }
        case .greaterThan, .lessThan:
            throw .notConvertible(
                "label selector \"\(description)\": operator \(self.operator.rawValue) cannot be expressed as a Prometheus label matcher")
        }
    }
}

/// Escaping of literal text for use inside a Prometheus (RE2) regular
/// expression, like Go's `regexp.QuoteMeta`; the result also means the same
/// literal to Swift's `Regex`, which the TSDB uses.
public enum RegexLiteral {
    public static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            if "\\.+*?()|[]{}^$".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}

/// Kubernetes label keys (`app.kubernetes.io/name`) as Prometheus label names.
public enum PrometheusLabelName {
    /// Replaces every character outside `[A-Za-z0-9_]` with `_`
    /// (`app.kubernetes.io/name` → `app_kubernetes_io_name`).
    ///
    /// This is how Prometheus's Kubernetes service discovery and
    /// kube-state-metrics turn Kubernetes label keys into label names
    /// (`__meta_kubernetes_pod_label_app_kubernetes_io_name`,
    /// `label_app_kubernetes_io_name`), so series relabelled from pod labels
    /// carry exactly these names. prometheus-adapter itself passes keys
    /// through unchanged, which yields invalid PromQL for such keys.
    public static func sanitized(_ key: String) -> String {
        String(key.unicodeScalars.map { scalar -> Character in
            isNameCharacter(scalar) ? Character(scalar) : "_"
        })
    }

    /// `[A-Za-z_][A-Za-z0-9_]*`
    public static func isValid(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy(isNameCharacter)
    }

    /// The sanitized name, or an error when even that is not a usable
    /// Prometheus label name (a key starting with a digit, or one that would
    /// land in the reserved `__` namespace).
    static func forKubernetesKey(_ key: String) throws(LabelSelectorError) -> String {
        let name = sanitized(key)
        guard isValid(name) else {
            throw .notConvertible(
                "label selector key \(GoQuote.quote(key)) maps to \(GoQuote.quote(name)), which is not a valid Prometheus label name ([a-zA-Z_][a-zA-Z0-9_]*)")
        }
        guard !name.hasPrefix("__") else {
            throw .notConvertible(
                "label selector key \(GoQuote.quote(key)) maps to the reserved Prometheus label name \(GoQuote.quote(name))")
        }
        return name
    }

    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_"
    }
}
