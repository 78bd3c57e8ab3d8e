/// Lexical token kinds of PromQL, mirroring Prometheus's item types so the
/// parser can describe unexpected input the way Prometheus does.
enum TokenKind: Sendable, Equatable {
    case eof
    case error
    case comment
    case identifier
    case metricIdentifier
    case number
    case string
    case duration

    case leftParen, rightParen, leftBrace, rightBrace, leftBracket, rightBracket
    case comma, colon
    case assign          // `=` inside braces

    // Operators.
    case add, sub, mul, div, mod, pow
    case eqlc, neq, lte, lss, gte, gtr
    case eqlRegex, neqRegex
    case land, lor, lunless, atan2
    case at

    // Aggregators.
    case avg, bottomk, count, countValues, group, max, min, quantile, stddev, stdvar, sum, topk

    // Keywords.
    case bool, by, groupLeft, groupRight, ignoring, offset, on, without

    // @ modifier preprocessors.
    case start, end

    var isOperator: Bool {
        switch self {
        case .add, .sub, .mul, .div, .mod, .pow, .eqlc, .neq, .lte, .lss, .gte, .gtr,
             .eqlRegex, .neqRegex, .land, .lor, .lunless, .atan2, .at:
            return true
        default:
            return false
        }
    }

    var isAggregator: Bool { aggregationOperator != nil }

    var isKeyword: Bool {
        switch self {
        case .bool, .by, .groupLeft, .groupRight, .ignoring, .offset, .on, .without: return true
        default: return false
        }
    }

    var aggregationOperator: AggregationOperator? {
        switch self {
        case .avg: return .avg
        case .bottomk: return .bottomk
        case .count: return .count
        case .countValues: return .countValues
        case .group: return .group
        case .max: return .max
        case .min: return .min
        case .quantile: return .quantile
        case .stddev: return .stddev
        case .stdvar: return .stdvar
        case .sum: return .sum
        case .topk: return .topk
        default: return nil
        }
    }

    var binaryOperator: BinaryOperator? {
        switch self {
        case .add: return .add
        case .sub: return .sub
        case .mul: return .mul
        case .div: return .div
        case .mod: return .mod
        case .pow: return .pow
        case .eqlc: return .equal
        case .neq: return .notEqual
        case .lte: return .lessOrEqual
        case .lss: return .less
        case .gte: return .greaterOrEqual
        case .gtr: return .greater
        case .land: return .and
        case .lor: return .or
        case .lunless: return .unless
        case .atan2: return .atan2
        default: return nil
        }
    }

    /// Tokens that can begin an expression (what may follow a comma in a call).
    var canStartExpression: Bool {
        switch self {
        case .number, .string, .leftParen, .leftBrace, .add, .sub: return true
        default: return canBeMetricName || isAggregator
        }
    }

    /// Keywords that Prometheus's grammar also accepts as a metric name.
    var canBeMetricName: Bool {
        switch self {
        case .identifier, .metricIdentifier, .avg, .bottomk, .by, .count, .countValues, .group,
             .land, .lor, .lunless, .max, .min, .offset, .quantile, .stddev, .stdvar, .sum, .topk,
             .without, .start, .end:
            return true
        default:
            return false
        }
    }

    /// Tokens Prometheus's grammar accepts where a label name is expected
    /// in `by (...)`, `on (...)` and friends (checked again for label syntax).
    var canBeGroupingLabel: Bool {
        switch self {
        case .identifier, .metricIdentifier, .avg, .bool, .bottomk, .by, .count, .countValues,
             .group, .groupLeft, .groupRight, .ignoring, .land, .lor, .lunless, .max, .min,
             .offset, .on, .quantile, .stddev, .stdvar, .sum, .topk, .without, .start, .end, .atan2:
            return true
        default:
            return false
        }
    }
}

/// Reserved words, looked up case-insensitively like Prometheus does.
let promqlKeywords: [String: TokenKind] = [
    "and": .land, "or": .lor, "unless": .lunless, "atan2": .atan2,
    "sum": .sum, "avg": .avg, "count": .count, "min": .min, "max": .max, "group": .group,
    "stddev": .stddev, "stdvar": .stdvar, "topk": .topk, "bottomk": .bottomk,
    "count_values": .countValues, "quantile": .quantile,
    "offset": .offset, "by": .by, "without": .without, "on": .on, "ignoring": .ignoring,
    "group_left": .groupLeft, "group_right": .groupRight, "bool": .bool,
    "start": .start, "end": .end,
    // Special numbers.
    "inf": .number, "nan": .number,
]

/// One lexed token: kind, byte offset into the query, and its source text
/// (for `.error` tokens, the lexer's message).
struct Token: Sendable {
    var kind: TokenKind
    var offset: Int
    var text: String

    /// Prometheus's `Item.desc()`, the noun used in "unexpected …" messages.
    var description: String {
        switch kind {
        case .eof: return "end of input"
        case .error: return text
        case .identifier: return "identifier \(GoQuote.quote(text))"
        case .metricIdentifier: return "metric identifier \(GoQuote.quote(text))"
        case .string: return "string \(Token.shortQuoted(text))"
        case .number: return "number \(Token.shortQuoted(text))"
        case .duration: return "duration \(Token.shortQuoted(text))"
        case .comment: return "comment \(Token.shortQuoted(text))"
        case .at:
            // Prometheus has no display name for `@` and prints its raw item number.
            return "\"<Item 57385>\" <op:@>"
        default:
            if kind.isKeyword { return "<\(text)>" }
            if kind.isOperator { return "<op:\(text)>" }
            if kind.isAggregator { return "<aggr:\(text)>" }
            return Token.shortQuoted(text)
        }
    }

    /// Go's `%q` for short texts and `%.10q...` for long ones.
    private static func shortQuoted(_ text: String) -> String {
        if text.utf8.count > 10 {
            return GoQuote.quote(String(text.unicodeScalars.prefix(10).map(Character.init))) + "..."
        }
        return GoQuote.quote(text)
    }
}
