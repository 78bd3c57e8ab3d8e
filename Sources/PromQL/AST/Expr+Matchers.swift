import TSDB

extension Expr {
    /// The expression with `matchers` added to every vector and range
    /// selector, including those inside subqueries, function arguments,
    /// aggregations and binary operations.
    ///
    /// This is how callers scope a user's query (e.g. to a Kubernetes
    /// namespace and label selector) without pasting strings into PromQL,
    /// which would be fragile and open to injection.
    public func addingMatchers(_ extra: [LabelMatcher]) -> Expr {
        guard !extra.isEmpty else { return self }
        switch self {
        case .number, .string:
            return self
        case .vectorSelector(let node):
            return .vectorSelector(node.addingMatchers(extra))
        case .matrixSelector(var node):
            node.selector = node.selector.addingMatchers(extra)
            return .matrixSelector(node)
        case .subquery(var node):
            node.expr = node.expr.addingMatchers(extra)
            return .subquery(node)
        case .paren(var node):
            node.expr = node.expr.addingMatchers(extra)
            return .paren(node)
        case .unary(var node):
            node.expr = node.expr.addingMatchers(extra)
            return .unary(node)
        case .binary(var node):
            node.lhs = node.lhs.addingMatchers(extra)
            node.rhs = node.rhs.addingMatchers(extra)
            return .binary(node)
        case .aggregate(var node):
            node.expr = node.expr.addingMatchers(extra)
            node.param = node.param?.addingMatchers(extra)
            return .aggregate(node)
        case .call(var node):
            node.args = node.args.map { $0.addingMatchers(extra) }
            return .call(node)
        }
    }
}

extension VectorSelector {
    /// Keeps the written name's matcher last, where Prometheus expects it.
    func addingMatchers(_ extra: [LabelMatcher]) -> VectorSelector {
        var copy = self
        if name != nil, !copy.matchers.isEmpty {
            let nameMatcher = copy.matchers.removeLast()
            copy.matchers.append(contentsOf: extra)
            copy.matchers.append(nameMatcher)
        } else {
            copy.matchers.append(contentsOf: extra)
        }
        return copy
    }
}
