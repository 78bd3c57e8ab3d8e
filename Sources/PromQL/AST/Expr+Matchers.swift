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
        return mapSelectors { $0.addingMatchers(extra) }
    }

    /// The expression with `transform` applied to every vector selector,
    /// wherever it stands (range selectors, subqueries, function arguments,
    /// aggregations and their parameters, both sides of binary operations):
    /// one traversal for every rewrite of a parsed query's selectors.
    public func mapSelectors(_ transform: (VectorSelector) -> VectorSelector) -> Expr {
        switch self {
        case .number, .string:
            return self
        case .vectorSelector(let node):
            return .vectorSelector(transform(node))
        case .matrixSelector(var node):
            node.selector = transform(node.selector)
            return .matrixSelector(node)
        case .subquery(var node):
            node.expr = node.expr.mapSelectors(transform)
            return .subquery(node)
        case .paren(var node):
            node.expr = node.expr.mapSelectors(transform)
            return .paren(node)
        case .unary(var node):
            node.expr = node.expr.mapSelectors(transform)
            return .unary(node)
        case .binary(var node):
            node.lhs = node.lhs.mapSelectors(transform)
            node.rhs = node.rhs.mapSelectors(transform)
            return .binary(node)
        case .aggregate(var node):
            node.expr = node.expr.mapSelectors(transform)
            node.param = node.param?.mapSelectors(transform)
            return .aggregate(node)
        case .call(var node):
            node.args = node.args.map { $0.mapSelectors(transform) }
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
