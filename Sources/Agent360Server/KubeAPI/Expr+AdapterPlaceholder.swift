import KubeMetricsAPI
import PromQL
import TSDB

extension Expr {
    /// True when some selector carries the adapter placeholder matcher.
    var containsAdapterPlaceholder: Bool {
        selectors.contains { entry in entry.selector.matchers.contains { $0.name == AdapterRule.placeholderLabel } }
    }

    /// The expression with each selector that carries the adapter
    /// placeholder matcher getting `matchers` in its place — where
    /// prometheus-adapter would paste `.LabelMatchers` as text. Selectors
    /// without the placeholder are left as written (e.g. the
    /// `kube_pod_info` side of a join), as in the adapter.
    func replacingAdapterPlaceholder(with matchers: [LabelMatcher]) -> Expr {
        mapSelectors { selector in
            guard let position = selector.matchers.firstIndex(where: { $0.name == AdapterRule.placeholderLabel }) else { return selector }
            var copy = selector
            copy.matchers.remove(at: position)
            copy.matchers.insert(contentsOf: matchers, at: position)
            return copy
        }
    }
}

extension AdapterScopedQuery {
    /// The resource-rule query as PromQL with its matchers in place: what
    /// the resource metrics API evaluates.
    public func expr() throws -> Expr {
        try parse(query).replacingAdapterPlaceholder(with: matchers)
    }
}
