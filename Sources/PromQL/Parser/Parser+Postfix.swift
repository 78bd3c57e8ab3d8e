extension Parser {
    /// `offset`, `@` and `[range]` / `[range:step]` after an operand; they
    /// bind tighter than any operator and may follow each other.
    mutating func parsePostfix(_ operand: Expr) throws -> Expr {
        var expr = operand
        while true {
            switch try peek().kind {
            case .offset:
                expr = try parseOffset(on: expr)
            case .at:
                expr = try parseAt(on: expr)
            case .leftBracket:
                try countSubexpression()
                expr = try parseRangeOrSubquery(on: expr)
            default:
                return expr
            }
        }
    }

    // MARK: - offset

    private mutating func parseOffset(on expr: Expr) throws -> Expr {
        try advance()
        var sign: Int64 = 1
        if try peek().kind == .sub {
            try advance()
            sign = -1
        }
        let token = try peek()
        guard token.kind == .duration else {
            throw unexpected(token, context: "offset", expected: "duration")
        }
        try advance()
        let offset = sign * (try positiveDuration(token))
        let end = range(of: token).end
        let duplicate = error("offset may not be set multiple times", at: expr.position)
        switch expr {
        case .vectorSelector(var node):
            guard node.offset == 0 else { throw duplicate }
            node.offset = offset
            node.position.end = end
            return .vectorSelector(node)
        case .matrixSelector(var node):
            guard node.selector.offset == 0 else { throw duplicate }
            node.selector.offset = offset
            node.position.end = end
            return .matrixSelector(node)
        case .subquery(var node):
            guard node.offset == 0 else { throw duplicate }
            node.offset = offset
            node.position.end = end
            return .subquery(node)
        default:
            throw error("offset modifier must be preceded by an instant vector selector or range vector selector or a subquery", at: expr.position)
        }
    }

    /// A duration token's value; PromQL durations must be positive.
    mutating func positiveDuration(_ token: Token) throws -> Int64 {
        let value: Int64
        do {
            value = try DurationParsing.parse(token.text)
        } catch {
            throw self.error(error.message, at: range(of: token))
        }
        guard value > 0 else { throw error("duration must be greater than 0", at: range(of: token)) }
        return value
    }

    // MARK: - @

    private mutating func parseAt(on expr: Expr) throws -> Expr {
        try advance()
        let token = try peek()
        let modifier: AtModifier
        var end: Int
        switch token.kind {
        case .start, .end:
            try advance()
            let open = try peek()
            guard open.kind == .leftParen else { throw unexpected(open, context: "@", expected: "timestamp") }
            try advance()
            let close = try peek()
            guard close.kind == .rightParen else { throw unexpected(close, context: "@", expected: "timestamp") }
            try advance()
            modifier = token.kind == .start ? .start : .end
            end = range(of: close).end
        case .number, .add, .sub:
            var negative = false
            var numberToken = token
            if token.kind != .number {
                try advance()
                negative = token.kind == .sub
                numberToken = try peek()
                guard numberToken.kind == .number else {
                    throw unexpected(numberToken, context: "@", expected: "timestamp")
                }
            }
            try advance()
            guard var seconds = NumberParsing.parseLiteral(numberToken.text) else {
                throw error("error parsing number: strconv.ParseFloat: parsing \(GoQuote.quote(numberToken.text)): invalid syntax", at: range(of: numberToken))
            }
            if negative { seconds = -seconds }
            if !seconds.isFinite || seconds >= 9.223372036854775807e18 || seconds <= -9.223372036854775808e18 {
                throw error("timestamp out of bounds for @ modifier: \(GoFixedFormat.format(seconds))", at: expr.position)
            }
            modifier = .timestamp(Parser.milliseconds(fromSeconds: seconds))
            end = range(of: numberToken).end
        default:
            throw unexpected(token, context: "@", expected: "timestamp")
        }
        let duplicate = error("@ <timestamp> may not be set multiple times", at: expr.position)
        switch expr {
        case .vectorSelector(var node):
            guard node.at == nil else { throw duplicate }
            node.at = modifier
            node.position.end = end
            return .vectorSelector(node)
        case .matrixSelector(var node):
            guard node.selector.at == nil else { throw duplicate }
            node.selector.at = modifier
            node.position.end = end
            return .matrixSelector(node)
        case .subquery(var node):
            guard node.at == nil else { throw duplicate }
            node.at = modifier
            node.position.end = end
            return .subquery(node)
        default:
            throw error("@ modifier must be preceded by an instant vector selector or range vector selector or a subquery", at: expr.position)
        }
    }

    /// Go's `int64(math.Round(s * 1000))`, saturating instead of trapping.
    static func milliseconds(fromSeconds seconds: Double) -> Int64 {
        let scaled = (seconds * 1000).rounded(.toNearestOrAwayFromZero)
        if scaled >= 9.223372036854775807e18 { return Int64.max }
        if scaled <= -9.223372036854775808e18 { return Int64.min }
        return Int64(scaled)
    }

    // MARK: - [range] and [range:step]

    private mutating func parseRangeOrSubquery(on expr: Expr) throws -> Expr {
        let open = try advance()
        let rangeToken = try peek()
        guard rangeToken.kind == .duration else {
            throw unexpected(rangeToken, context: "subquery selector", expected: "duration")
        }
        try advance()
        let rangeValue = try positiveDuration(rangeToken)
        let next = try peek()
        switch next.kind {
        case .rightBracket:
            try advance()
            let errorRange = PositionRange(start: open.offset, end: range(of: next).end)
            guard case .vectorSelector(let selector) = expr else {
                throw error("ranges only allowed for vector selectors", at: errorRange)
            }
            if selector.offset != 0 {
                throw error("no offset modifiers allowed before range", at: errorRange)
            }
            if case .timestamp = selector.at {
                throw error("no @ modifiers allowed before range", at: errorRange)
            }
            return .matrixSelector(MatrixSelector(
                selector: selector, range: rangeValue,
                position: PositionRange(start: selector.position.start, end: range(of: next).end)))
        case .colon:
            try advance()
            var step: Int64 = 0
            var close = try peek()
            if close.kind == .duration {
                try advance()
                step = try positiveDuration(close)
                close = try peek()
                guard close.kind == .rightBracket else {
                    throw unexpected(close, context: "subquery selector", expected: "\"]\"")
                }
            } else if close.kind != .rightBracket {
                throw unexpected(close, context: "subquery selector", expected: "duration or \"]\"")
            }
            try advance()
            return .subquery(SubqueryExpr(
                expr: expr, range: rangeValue, step: step,
                position: PositionRange(start: expr.position.start, end: range(of: close).end)))
        default:
            throw unexpected(next, context: "subquery or range", expected: "\":\" or \"]\"")
        }
    }
}
