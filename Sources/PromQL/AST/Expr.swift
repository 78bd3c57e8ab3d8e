import TSDB

/// A parsed PromQL expression.
///
/// An enum of small structs (one per syntax form) keeps pattern matching
/// exhaustive for the evaluator and the printers, while each struct can grow
/// fields without breaking `switch` statements elsewhere.
public indirect enum Expr: Sendable, Equatable {
    case number(NumberLiteral)
    case string(StringLiteral)
    case vectorSelector(VectorSelector)
    case matrixSelector(MatrixSelector)
    case subquery(SubqueryExpr)
    case paren(ParenExpr)
    case unary(UnaryExpr)
    case binary(BinaryExpr)
    case aggregate(AggregateExpr)
    case call(FunctionCall)

    /// The value type the expression evaluates to.
    public var type: ValueType {
        switch self {
        case .number: return .scalar
        case .string: return .string
        case .vectorSelector, .aggregate: return .vector
        case .matrixSelector, .subquery: return .matrix
        case .paren(let node): return node.expr.type
        case .unary(let node): return node.expr.type
        case .binary(let node):
            return node.lhs.type == .scalar && node.rhs.type == .scalar ? .scalar : .vector
        case .call(let node): return node.function.returnType
        }
    }

    /// Where the expression was written in the query.
    public var position: PositionRange {
        switch self {
        case .number(let node): return node.position
        case .string(let node): return node.position
        case .vectorSelector(let node): return node.position
        case .matrixSelector(let node): return node.position
        case .subquery(let node): return node.position
        case .paren(let node): return node.position
        case .unary(let node): return node.position
        case .binary(let node): return node.lhs.position.merged(with: node.rhs.position)
        case .aggregate(let node): return node.position
        case .call(let node): return node.position
        }
    }

    /// The expression inside any number of parentheses.
    var unwrappingParens: Expr {
        var current = self
        while case .paren(let inner) = current { current = inner.expr }
        return current
    }
}

public struct NumberLiteral: Sendable, Equatable {
    public var value: Double
    public var position: PositionRange

    public init(_ value: Double, position: PositionRange = .none) {
        self.value = value
        self.position = position
    }

    /// Bit-exact so that `NaN` literals compare equal to themselves.
    public static func == (lhs: NumberLiteral, rhs: NumberLiteral) -> Bool {
        lhs.value.bitPattern == rhs.value.bitPattern || (lhs.value.isNaN && rhs.value.isNaN)
    }
}

public struct StringLiteral: Sendable, Equatable {
    public var value: String
    public var position: PositionRange

    public init(_ value: String, position: PositionRange = .none) {
        self.value = value
        self.position = position
    }
}

/// Where an `@` modifier pins evaluation.
public enum AtModifier: Sendable, Hashable {
    /// Milliseconds since the epoch.
    case timestamp(Int64)
    /// The query's start (`@ start()`), or its time for instant queries.
    case start
    /// The query's end (`@ end()`).
    case end
}

public struct VectorSelector: Sendable, Equatable {
    /// The metric name written before the braces, if any.
    public var name: String?
    /// All matchers, including `__name__="<name>"` for a written name (last),
    /// as Prometheus stores them.
    public var matchers: [LabelMatcher]
    /// `offset` in milliseconds (negative for `offset -5m`), 0 when absent.
    public var offset: Int64
    public var at: AtModifier?
    public var position: PositionRange

    public init(name: String? = nil, matchers: [LabelMatcher], offset: Int64 = 0, at: AtModifier? = nil, position: PositionRange = .none) {
        self.name = name
        self.matchers = matchers
        self.offset = offset
        self.at = at
        self.position = position
    }
}

public struct MatrixSelector: Sendable, Equatable {
    /// The selector, carrying `offset` and `@` of the whole range selector.
    public var selector: VectorSelector
    /// Range in milliseconds.
    public var range: Int64
    public var position: PositionRange

    public init(selector: VectorSelector, range: Int64, position: PositionRange = .none) {
        self.selector = selector
        self.range = range
        self.position = position
    }
}

public struct SubqueryExpr: Sendable, Equatable {
    public var expr: Expr
    /// Range in milliseconds.
    public var range: Int64
    /// Resolution in milliseconds; 0 means the engine's default (`[1h:]`).
    public var step: Int64
    public var offset: Int64
    public var at: AtModifier?
    public var position: PositionRange

    public init(expr: Expr, range: Int64, step: Int64 = 0, offset: Int64 = 0, at: AtModifier? = nil, position: PositionRange = .none) {
        self.expr = expr
        self.range = range
        self.step = step
        self.offset = offset
        self.at = at
        self.position = position
    }
}

public struct ParenExpr: Sendable, Equatable {
    public var expr: Expr
    public var position: PositionRange

    public init(_ expr: Expr, position: PositionRange = .none) {
        self.expr = expr
        self.position = position
    }
}

public struct UnaryExpr: Sendable, Equatable {
    public var op: UnaryOperator
    public var expr: Expr
    public var position: PositionRange

    public init(op: UnaryOperator, expr: Expr, position: PositionRange = .none) {
        self.op = op
        self.expr = expr
        self.position = position
    }
}

public struct BinaryExpr: Sendable, Equatable {
    public var op: BinaryOperator
    public var lhs: Expr
    public var rhs: Expr
    /// The `bool` modifier of comparisons.
    public var returnBool: Bool
    /// Vector matching; nil when either side is a scalar.
    public var matching: VectorMatching?
    /// Where the operator (with its modifiers) was written.
    public var operatorPosition: PositionRange

    public init(op: BinaryOperator, lhs: Expr, rhs: Expr, returnBool: Bool = false, matching: VectorMatching? = nil, operatorPosition: PositionRange = .none) {
        self.op = op
        self.lhs = lhs
        self.rhs = rhs
        self.returnBool = returnBool
        self.matching = matching
        self.operatorPosition = operatorPosition
    }
}

public struct AggregateExpr: Sendable, Equatable {
    public var op: AggregationOperator
    public var expr: Expr
    /// `k` of topk/bottomk, `φ` of quantile, the label name of count_values.
    public var param: Expr?
    public var grouping: [String]
    public var without: Bool
    public var position: PositionRange

    public init(op: AggregationOperator, expr: Expr, param: Expr? = nil, grouping: [String] = [], without: Bool = false, position: PositionRange = .none) {
        self.op = op
        self.expr = expr
        self.param = param
        self.grouping = grouping
        self.without = without
        self.position = position
    }
}

public struct FunctionCall: Sendable, Equatable {
    public var function: FunctionSignature
    public var args: [Expr]
    public var position: PositionRange

    public init(function: FunctionSignature, args: [Expr], position: PositionRange = .none) {
        self.function = function
        self.args = args
        self.position = position
    }
}
