import PromQL
import TSDB

extension Expr {
    /// The matchers when the expression is exactly a vector selector
    /// (what `match[]` parameters must be), else nil.
    var vectorSelectorMatchers: [LabelMatcher]? {
        if case .vectorSelector(let selector) = self, selector.offset == 0, selector.at == nil {
            return selector.matchers
        }
        return nil
    }

    /// Prometheus's name for the expression's kind in `match[]` errors.
    var typeName: String {
        switch self {
        case .number: return "NumberLiteral"
        case .string: return "StringLiteral"
        case .vectorSelector: return "VectorSelector"
        case .matrixSelector: return "MatrixSelector"
        case .subquery: return "SubqueryExpr"
        case .paren: return "ParenExpr"
        case .unary: return "UnaryExpr"
        case .binary: return "BinaryExpr"
        case .aggregate: return "AggregateExpr"
        case .call: return "Call"
        }
    }

    /// Every vector selector in the tree (inside range selectors, subqueries,
    /// function arguments and operators), with the extra look-back each needs.
    var selectors: [(selector: VectorSelector, range: Int64)] {
        var found: [(VectorSelector, Int64)] = []
        func walk(_ expr: Expr, extra: Int64) {
            switch expr {
            case .number, .string: return
            case .vectorSelector(let selector): found.append((selector, extra))
            case .matrixSelector(let matrix): found.append((matrix.selector, extra + matrix.range))
            case .subquery(let subquery): walk(subquery.expr, extra: extra + subquery.range + subquery.offset)
            case .paren(let node): walk(node.expr, extra: extra)
            case .unary(let node): walk(node.expr, extra: extra)
            case .binary(let node): walk(node.lhs, extra: extra); walk(node.rhs, extra: extra)
            case .aggregate(let node):
                walk(node.expr, extra: extra)
                if let param = node.param { walk(param, extra: extra) }
            case .call(let node): for argument in node.args { walk(argument, extra: extra) }
            }
        }
        walk(self, extra: 0)
        return found
    }
}
