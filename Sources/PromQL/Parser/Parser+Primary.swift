import TSDB

extension Parser {
    /// Literals, parentheses, selectors, function calls and aggregations.
    mutating func parsePrimary() throws -> Expr {
        let token = try peek()
        switch token.kind {
        case .number:
            try advance()
            guard let value = NumberParsing.parseLiteral(token.text) else {
                throw error("error parsing number: strconv.ParseFloat: parsing \(GoQuote.quote(token.text)): invalid syntax", at: range(of: token))
            }
            return .number(NumberLiteral(value, position: range(of: token)))
        case .string:
            try advance()
            return .string(StringLiteral(try unquote(token), position: range(of: token)))
        case .leftParen:
            try advance()
            let inner = try parseExpression(minPrecedence: 0)
            let close = try peek()
            guard close.kind == .rightParen else { throw unexpected(close) }
            try advance()
            return .paren(ParenExpr(inner, position: PositionRange(start: token.offset, end: range(of: close).end)))
        case .leftBrace:
            return try parseVectorSelector(name: nil)
        default:
            if token.kind == .identifier, try peek(1).kind == .leftParen {
                return try parseFunctionCall()
            }
            if let op = token.kind.aggregationOperator {
                let next = try peek(1).kind
                if next == .leftParen || next == .by || next == .without {
                    return try parseAggregation(op)
                }
            }
            if token.kind.canBeMetricName {
                try advance()
                return try parseVectorSelector(name: token)
            }
            throw unexpected(token)
        }
    }

    func unquote(_ token: Token) throws -> String {
        do {
            return try StringUnquoting.unquote(token.text)
        } catch {
            throw self.error("error unquoting string \(GoQuote.quote(token.text)): \(error.message)", at: range(of: token))
        }
    }

    // MARK: - Vector selectors

    /// `name`, `name{…}` or `{…}`; a written name becomes a trailing
    /// `__name__` equality matcher, as in Prometheus.
    private mutating func parseVectorSelector(name: Token?) throws -> Expr {
        var matchers: [LabelMatcher] = []
        let current = try peek()
        var position = name.map(range(of:)) ?? range(of: current)
        if try peek().kind == .leftBrace {
            let end: Int
            (matchers, end) = try parseLabelMatchers()
            position.end = end
        }
        if let name {
            matchers.append(.equal(metricNameLabel, name.text))
        }
        return .vectorSelector(VectorSelector(name: name?.text, matchers: matchers, position: position))
    }

    private mutating func parseLabelMatchers() throws -> ([LabelMatcher], Int) {
        try advance() // {
        var matchers: [LabelMatcher] = []
        var expectMatcher = true
        while true {
            let token = try peek()
            if token.kind == .rightBrace {
                try advance()
                return (matchers, range(of: token).end)
            }
            guard expectMatcher else {
                throw unexpected(token, context: "label matching", expected: "\",\" or \"}\"")
            }
            guard token.kind == .identifier else {
                throw unexpected(token, context: "label matching", expected: "identifier or \"}\"")
            }
            try advance()
            let opToken = try peek()
            let kind: LabelMatcher.Kind
            switch opToken.kind {
            case .assign: kind = .equal
            case .neq: kind = .notEqual
            case .eqlRegex: kind = .regexMatch
            case .neqRegex: kind = .regexNoMatch
            default: throw unexpected(opToken, context: "label matching", expected: "label matching operator")
            }
            try advance()
            let valueToken = try peek()
            guard valueToken.kind == .string else {
                throw unexpected(valueToken, context: "label matching", expected: "string")
            }
            try advance()
            let value = try unquote(valueToken)
            do {
                matchers.append(try LabelMatcher(kind, token.text, value))
            } catch let failure as LabelMatcherError {
                throw error("error parsing regexp: \(failure.reason)", at: PositionRange(start: token.offset, end: range(of: valueToken).end))
            }
            let separator = try peek()
            if separator.kind == .comma {
                try advance()
                expectMatcher = true
            } else {
                expectMatcher = false
            }
        }
    }

    // MARK: - Calls and aggregations

    private mutating func parseFunctionCall() throws -> Expr {
        let nameToken = try advance()
        let (args, end) = try parseCallArguments()
        guard let function = FunctionSignature.named(nameToken.text) else {
            throw error("unknown function with name \(GoQuote.quote(nameToken.text))", at: range(of: nameToken))
        }
        return .call(FunctionCall(function: function, args: args, position: PositionRange(start: nameToken.offset, end: end)))
    }

    /// `( expr, … )`; trailing commas are an error as in Prometheus.
    mutating func parseCallArguments() throws -> ([Expr], Int) {
        let open = try peek()
        guard open.kind == .leftParen else { throw unexpected(open) }
        try advance()
        var args: [Expr] = []
        if try peek().kind == .rightParen {
            return (args, range(of: try advance()).end)
        }
        while true {
            args.append(try parseExpression(minPrecedence: 0))
            let separator = try peek()
            if separator.kind == .comma {
                try advance()
                // Like Prometheus, anything that cannot start an argument
                // after a comma is reported as a trailing comma.
                if !(try peek().kind.canStartExpression) {
                    throw error("trailing commas not allowed in function call args", at: range(of: separator))
                }
                continue
            }
            if separator.kind == .rightParen {
                return (args, range(of: try advance()).end)
            }
            throw unexpected(separator)
        }
    }

    /// `op [by|without (…)] (args) [by|without (…)]`.
    private mutating func parseAggregation(_ op: AggregationOperator) throws -> Expr {
        let opToken = try advance()
        aggregationDepth += 1
        var grouping: [String] = []
        var without = false
        var hasModifier = false
        var kind = try peek().kind
        if kind == .by || kind == .without {
            try advance()
            without = kind == .without
            (grouping, _) = try parseGroupingLabels()
            hasModifier = true
        }
        let (args, bodyEnd) = try parseCallArguments()
        var end = bodyEnd
        aggregationDepth -= 1
        kind = try peek().kind
        if !hasModifier && (kind == .by || kind == .without) {
            aggregationDepth += 1
            try advance()
            without = kind == .without
            (grouping, end) = try parseGroupingLabels()
            aggregationDepth -= 1
        }
        let position = PositionRange(start: opToken.offset, end: end)
        if args.isEmpty {
            throw error("no arguments for aggregate expression provided", at: position)
        }
        let expected = op.takesParameter ? 2 : 1
        guard args.count == expected else {
            throw error("wrong number of arguments for aggregate expression provided, expected \(expected), got \(args.count)", at: position)
        }
        return .aggregate(AggregateExpr(
            op: op, expr: args[expected - 1], param: op.takesParameter ? args[0] : nil,
            grouping: grouping, without: without, position: position))
    }
}
