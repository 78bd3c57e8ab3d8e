/// A PromQL function's signature, used for parse-time arity and type checks.
public struct FunctionSignature: Sendable, Hashable {
    public let name: String
    public let argumentTypes: [ValueType]
    /// 0: exactly `argumentTypes`; n > 0: the last type may repeat so that up
    /// to `argumentTypes.count - 1 + n` arguments are allowed; -1: unlimited.
    public let variadic: Int
    public let returnType: ValueType

    /// All functions of Prometheus 2.42 by name.
    public static func named(_ name: String) -> FunctionSignature? { catalog[name] }

    static let catalog: [String: FunctionSignature] = {
        var table: [String: FunctionSignature] = [:]
        func add(_ name: String, _ args: [ValueType], _ returns: ValueType, variadic: Int = 0) {
            table[name] = FunctionSignature(name: name, argumentTypes: args, variadic: variadic, returnType: returns)
        }
        for name in ["abs", "ceil", "floor", "exp", "sqrt", "ln", "log2", "log10", "sgn", "deg", "rad",
                     "acos", "acosh", "asin", "asinh", "atan", "atanh", "cos", "cosh", "sin", "sinh", "tan", "tanh",
                     "absent", "sort", "sort_desc", "timestamp", "histogram_count", "histogram_sum"] {
            add(name, [.vector], .vector)
        }
        for name in ["rate", "irate", "increase", "delta", "idelta", "deriv", "resets", "changes",
                     "avg_over_time", "min_over_time", "max_over_time", "sum_over_time", "count_over_time",
                     "last_over_time", "present_over_time", "stddev_over_time", "stdvar_over_time",
                     "absent_over_time"] {
            add(name, [.matrix], .vector)
        }
        for name in ["day_of_month", "day_of_week", "day_of_year", "days_in_month", "hour", "minute", "month", "year"] {
            add(name, [.vector], .vector, variadic: 1)
        }
        add("clamp", [.vector, .scalar, .scalar], .vector)
        add("clamp_max", [.vector, .scalar], .vector)
        add("clamp_min", [.vector, .scalar], .vector)
        add("round", [.vector, .scalar], .vector, variadic: 1)
        add("histogram_quantile", [.scalar, .vector], .vector)
        add("histogram_fraction", [.scalar, .scalar, .vector], .vector)
        add("holt_winters", [.matrix, .scalar, .scalar], .vector)
        add("predict_linear", [.matrix, .scalar], .vector)
        add("quantile_over_time", [.scalar, .matrix], .vector)
        add("label_replace", [.vector, .string, .string, .string, .string], .vector)
        add("label_join", [.vector, .string, .string, .string], .vector, variadic: -1)
        add("pi", [], .scalar)
        add("time", [], .scalar)
        add("scalar", [.vector], .scalar)
        add("vector", [.scalar], .vector)
        return table
    }()
}
