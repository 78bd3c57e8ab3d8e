/// PromQL's binary operators with Prometheus's precedence.
public enum BinaryOperator: String, Sendable, Hashable, CaseIterable {
    case add = "+", sub = "-", mul = "*", div = "/", mod = "%", pow = "^", atan2
    case equal = "==", notEqual = "!=", greater = ">", less = "<", greaterOrEqual = ">=", lessOrEqual = "<="
    case and, or, unless

    /// Higher binds tighter: `or` < `and unless` < comparisons < `+ -` < `* / % atan2` < `^`.
    public var precedence: Int {
        switch self {
        case .or: return 1
        case .and, .unless: return 2
        case .equal, .notEqual, .greater, .less, .greaterOrEqual, .lessOrEqual: return 3
        case .add, .sub: return 4
        case .mul, .div, .mod, .atan2: return 5
        case .pow: return 6
        }
    }

    public var isRightAssociative: Bool { self == .pow }

    public var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .greater, .less, .greaterOrEqual, .lessOrEqual: return true
        default: return false
        }
    }

    public var isSetOperator: Bool { self == .and || self == .or || self == .unless }

    /// Arithmetic drops the metric name from results; comparisons without
    /// `bool` and `atan2` keep it (as in Prometheus 2.42).
    var dropsMetricName: Bool {
        switch self {
        case .add, .sub, .mul, .div, .mod, .pow: return true
        default: return false
        }
    }
}

public enum UnaryOperator: String, Sendable, Hashable {
    case minus = "-"
    case plus = "+"
}

/// PromQL aggregation operators.
public enum AggregationOperator: String, Sendable, Hashable, CaseIterable {
    case sum, avg, count, min, max, group, stddev, stdvar, topk, bottomk, quantile
    case countValues = "count_values"

    /// Operators whose first argument is a parameter (`topk(3, x)`).
    public var takesParameter: Bool {
        switch self {
        case .topk, .bottomk, .quantile, .countValues: return true
        default: return false
        }
    }
}

/// How the two sides of a vector binary operation are paired.
public struct VectorMatching: Sendable, Hashable {
    public enum Cardinality: String, Sendable, Hashable {
        case oneToOne = "one-to-one"
        case manyToOne = "many-to-one"
        case oneToMany = "one-to-many"
        case manyToMany = "many-to-many"
    }

    public var cardinality: Cardinality
    /// Labels listed in `on(...)` or `ignoring(...)`.
    public var matchingLabels: [String]
    /// True for `on`, false for `ignoring` (or no clause).
    public var on: Bool
    /// Labels listed in `group_left(...)` / `group_right(...)`.
    public var include: [String]

    public init(cardinality: Cardinality = .oneToOne, matchingLabels: [String] = [], on: Bool = false, include: [String] = []) {
        self.cardinality = cardinality
        self.matchingLabels = matchingLabels
        self.on = on
        self.include = include
    }
}
