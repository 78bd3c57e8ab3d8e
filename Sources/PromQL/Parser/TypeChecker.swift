import TSDB

/// Prometheus's `checkAST`: type rules checked after a successful parse, in
/// the same traversal order so the first reported error is the same. Also
/// normalises vector matching (set operators are many-to-many; no matching
/// with scalars) as Prometheus does during this pass.
struct TypeChecker {
    let query: String

    private func error(_ message: String, at position: PositionRange) -> ParseError {
        ParseError(message, at: position, in: query)
    }

    func check(_ expr: Expr) throws -> Expr {
        switch expr {
        case .number, .string:
            return expr
        case .vectorSelector(let node):
            try checkSelector(node)
            return expr
        case .matrixSelector(let node):
            try checkSelector(node.selector)
            return expr
        case .subquery(var node):
            node.expr = try check(node.expr)
            let type = node.expr.type
            if type != .vector {
                throw error("subquery is only allowed on instant vector, got \(type.rawValue) instead", at: node.position)
            }
            return .subquery(node)
        case .paren(var node):
            node.expr = try check(node.expr)
            return .paren(node)
        case .unary(var node):
            node.expr = try check(node.expr)
            let type = node.expr.type
            if type != .scalar && type != .vector {
                throw error("unary expression only allowed on expressions of type scalar or instant vector, got \(GoQuote.quote(type.documentedName))", at: node.position)
            }
            return .unary(node)
        case .aggregate(var node):
            if node.op.takesParameter != (node.param != nil) {
                let expected = node.op.takesParameter ? 2 : 1
                throw error("wrong number of arguments for aggregate expression provided, expected \(expected), got \(3 - expected)", at: node.position)
            }
            node.expr = try expect(node.expr, .vector, context: "aggregation expression")
            if let param = node.param {
                switch node.op {
                case .topk, .bottomk, .quantile:
                    node.param = try expect(param, .scalar, context: "aggregation parameter")
                case .countValues:
                    node.param = try expect(param, .string, context: "aggregation parameter")
                default:
                    break
                }
            }
            return .aggregate(node)
        case .call(var node):
            try checkArity(node)
            let types = node.function.argumentTypes
            for (index, arg) in node.args.enumerated() {
                var typeIndex = index
                if index >= types.count {
                    if node.function.variadic == 0 { break }
                    typeIndex = types.count - 1
                }
                node.args[index] = try expect(arg, types[typeIndex], context: "call to function \(GoQuote.quote(node.function.name))")
            }
            return .call(node)
        case .binary(let node):
            return .binary(try checkBinary(node))
        }
    }

    private func expect(_ expr: Expr, _ type: ValueType, context: String) throws -> Expr {
        let checked = try check(expr)
        let actual = checked.type
        if actual != type {
            throw error("expected type \(type.documentedName) in \(context), got \(actual.documentedName)", at: checked.position)
        }
        return checked
    }

    private func checkArity(_ node: FunctionCall) throws {
        let function = node.function
        let declared = function.argumentTypes.count
        let given = node.args.count
        if function.variadic == 0 {
            if declared != given {
                throw error("expected \(declared) argument(s) in call to \(GoQuote.quote(function.name)), got \(given)", at: node.position)
            }
            return
        }
        let required = declared - 1
        if required > given {
            throw error("expected at least \(required) argument(s) in call to \(GoQuote.quote(function.name)), got \(given)", at: node.position)
        }
        if function.variadic > 0, required + function.variadic < given {
            throw error("expected at most \(required + function.variadic) argument(s) in call to \(GoQuote.quote(function.name)), got \(given)", at: node.position)
        }
    }

    private func checkSelector(_ node: VectorSelector) throws {
        if let name = node.name {
            // The written name is the last matcher; no other may set it.
            for matcher in node.matchers.dropLast() where matcher.name == metricNameLabel {
                throw error("metric name must not be set twice: \(GoQuote.quote(name)) or \(GoQuote.quote(matcher.value))", at: node.position)
            }
            return
        }
        // Selecting every series by accident (e.g. a typo) is refused.
        if !node.matchers.contains(where: { !$0.matchesEmpty }) {
            throw error("vector selector must contain at least one non-empty matcher", at: node.position)
        }
    }

    private func checkBinary(_ original: BinaryExpr) throws -> BinaryExpr {
        var node = original
        node.lhs = try check(node.lhs)
        node.rhs = try check(node.rhs)
        let lhsType = node.lhs.type
        let rhsType = node.rhs.type
        let opPosition = node.operatorPosition
        let position = Expr.binary(node).position

        if node.returnBool && !node.op.isComparison {
            throw error("bool modifier can only be used on comparison operators", at: opPosition)
        }
        if node.op.isComparison && !node.returnBool && lhsType == .scalar && rhsType == .scalar {
            throw error("comparisons between scalars must use BOOL modifier", at: opPosition)
        }
        if node.op.isSetOperator, node.matching?.cardinality == .oneToOne {
            node.matching?.cardinality = .manyToMany
        }
        if let matching = node.matching, matching.on {
            for label in matching.matchingLabels where matching.include.contains(label) {
                throw error("label \(GoQuote.quote(label)) must not occur in ON and GROUP clause at once", at: opPosition)
            }
        }
        if lhsType != .scalar && lhsType != .vector {
            throw error("binary expression must contain only scalar and instant vector types", at: node.lhs.position)
        }
        if rhsType != .scalar && rhsType != .vector {
            throw error("binary expression must contain only scalar and instant vector types", at: node.rhs.position)
        }
        if lhsType != .vector || rhsType != .vector {
            if let matching = node.matching, !matching.matchingLabels.isEmpty {
                throw error("vector matching only allowed between instant vectors", at: position)
            }
            node.matching = nil
        } else if node.op.isSetOperator, let matching = node.matching {
            if matching.cardinality == .oneToMany || matching.cardinality == .manyToOne {
                throw error("no grouping allowed for \(GoQuote.quote(node.op.rawValue)) operation", at: position)
            }
        }
        if (lhsType == .scalar || rhsType == .scalar) && node.op.isSetOperator {
            throw error("set operator \(GoQuote.quote(node.op.rawValue)) not allowed in binary scalar expression", at: position)
        }
        return node
    }
}
