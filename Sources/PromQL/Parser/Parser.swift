/// Parses a PromQL query into an `Expr`, with Prometheus 2.42's grammar,
/// precedence, type rules and error messages.
///
/// Throws `ParseError` for anything Prometheus rejects at parse time.
public func parse(_ query: String) throws -> Expr {
    try Parser.parse(query)
}

/// Recursive-descent parser equivalent to Prometheus's yacc grammar.
///
/// Syntax errors are thrown as they are met (Prometheus reports the first
/// one); type errors are found afterwards by `TypeChecker`, and only when
/// the syntax is valid — the same order in which Prometheus reports them.
struct Parser {
    let query: String
    private var tokens: [Token]
    private var index = 0
    /// How many aggregations enclose the current position; Prometheus's
    /// grammar then says "unexpected … in aggregation".
    var aggregationDepth = 0
    /// Subexpressions parsed so far (each operand, parenthesis, argument and
    /// range or subquery suffix); see `maxSubexpressions`.
    private var subexpressions = 0

    /// Most subexpressions one query may have. The parser, the type checker,
    /// the evaluator and the printers all recurse over the tree, so an
    /// unbounded one (`((((…` or `a+a+a+…` thousands deep) overflowed the
    /// stack and killed the server (found by the FuzzPromQL target).
    /// Prometheus has no such limit; real queries stay in the tens.
    static let maxSubexpressions = 500

    static func parse(_ query: String) throws -> Expr {
        var parser = Parser(query: query)
        let expr = try parser.parseQuery()
        return try TypeChecker(query: query).check(expr)
    }

    init(query: String) {
        self.query = query
        self.tokens = Lexer.tokenize(query).filter { $0.kind != .comment }
    }

    private mutating func parseQuery() throws -> Expr {
        if try peek().kind == .eof {
            throw error("no expression found in input", at: PositionRange(start: 0, end: 0))
        }
        let expr = try parseExpression(minPrecedence: 0)
        let trailing = try peek()
        guard trailing.kind == .eof else { throw unexpected(trailing) }
        return expr
    }

    // MARK: - Token access

    /// The current token; a lexer error surfaces here, when the grammar first needs it.
    func peek(_ ahead: Int = 0) throws -> Token {
        var position = index
        for _ in 0..<ahead {
            if tokens[Swift.min(position, tokens.count - 1)].kind == .error { break }
            position += 1
        }
        let token = tokens[Swift.min(position, tokens.count - 1)]
        if token.kind == .error {
            throw error(token.text, at: PositionRange(start: token.offset, end: query.utf8.count))
        }
        return token
    }

    @discardableResult
    mutating func advance() throws -> Token {
        let token = try peek()
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    func range(of token: Token) -> PositionRange {
        PositionRange(start: token.offset, end: token.offset + token.text.utf8.count)
    }

    // MARK: - Errors

    func error(_ message: String, at position: PositionRange) -> ParseError {
        ParseError(message, at: position, in: query)
    }

    /// Counts one more subexpression; throws at the token where the query
    /// passes `maxSubexpressions`.
    mutating func countSubexpression() throws {
        subexpressions += 1
        guard subexpressions <= Self.maxSubexpressions else {
            let token = try peek()
            throw error("query is too complex: more than \(Self.maxSubexpressions) subexpressions", at: range(of: token))
        }
    }

    /// "unexpected <token>[ in <context>][, expected <what>]" at the token.
    func unexpected(_ token: Token, context: String? = nil, expected: String? = nil) -> ParseError {
        var message = "unexpected \(token.description)"
        if let context = context ?? (aggregationDepth > 0 ? "aggregation" : nil) {
            message += " in \(context)"
        }
        if let expected { message += ", expected \(expected)" }
        return error(message, at: range(of: token))
    }

    // MARK: - Binary expressions

    /// Precedence climbing over Prometheus's operator table.
    mutating func parseExpression(minPrecedence: Int) throws -> Expr {
        try countSubexpression()
        var lhs = try parseUnary()
        while true {
            let token = try peek()
            guard let op = token.kind.binaryOperator, op.precedence >= minPrecedence else { return lhs }
            try advance()
            let (returnBool, matching, modifiersEnd) = try parseBinaryModifiers()
            let nextPrecedence = op.isRightAssociative ? op.precedence : op.precedence + 1
            let rhs = try parseExpression(minPrecedence: nextPrecedence)
            lhs = .binary(BinaryExpr(
                op: op, lhs: lhs, rhs: rhs, returnBool: returnBool, matching: matching,
                operatorPosition: PositionRange(start: token.offset, end: modifiersEnd)))
        }
    }

    /// `bool`, then `on(...)`/`ignoring(...)` with optional `group_left/right(...)`.
    private mutating func parseBinaryModifiers() throws -> (Bool, VectorMatching, Int) {
        var matching = VectorMatching()
        var returnBool = false
        var end = index > 0 ? tokens[index - 1].offset + tokens[index - 1].text.utf8.count : 0
        if try peek().kind == .bool {
            let token = try advance()
            returnBool = true
            end = range(of: token).end
        }
        let kind = try peek().kind
        guard kind == .on || kind == .ignoring else { return (returnBool, matching, end) }
        try advance()
        matching.on = kind == .on
        (matching.matchingLabels, end) = try parseGroupingLabels()
        let groupKind = try peek().kind
        if groupKind == .groupLeft || groupKind == .groupRight {
            let token = try advance()
            end = range(of: token).end
            matching.cardinality = groupKind == .groupLeft ? .manyToOne : .oneToMany
            if try peek().kind == .leftParen {
                (matching.include, end) = try parseGroupingLabels()
            }
        }
        return (returnBool, matching, end)
    }

    /// `( label, ... )` as used by `by`, `without`, `on`, `ignoring`, `group_x`.
    mutating func parseGroupingLabels() throws -> ([String], Int) {
        let open = try peek()
        guard open.kind == .leftParen else {
            throw unexpected(open, context: "grouping opts", expected: "\"(\"")
        }
        try advance()
        var labels: [String] = []
        if try peek().kind == .rightParen {
            return (labels, range(of: try advance()).end)
        }
        while true {
            let token = try peek()
            guard token.kind.canBeGroupingLabel else {
                throw unexpected(token, context: "grouping opts", expected: "label")
            }
            guard Parser.isLabelName(token.text) else {
                throw unexpected(token, context: "grouping opts", expected: "label")
            }
            try advance()
            labels.append(token.text)
            let separator = try peek()
            if separator.kind == .comma {
                try advance()
                if try peek().kind == .rightParen {
                    return (labels, range(of: try advance()).end)
                }
                continue
            }
            if separator.kind == .rightParen {
                return (labels, range(of: try advance()).end)
            }
            throw unexpected(separator, context: "grouping opts", expected: "\",\" or \")\"")
        }
    }

    /// `[a-zA-Z_][a-zA-Z0-9_]*`, Prometheus's label name syntax.
    static func isLabelName(_ text: String) -> Bool {
        guard let first = text.utf8.first, Lexer.isAlpha(first) else { return false }
        return text.utf8.allSatisfy(Lexer.isAlphaNumeric)
    }

    // MARK: - Unary expressions

    /// Unary `-`/`+` bind like `*`: tighter than everything but `^`, so
    /// `-2^2` is `-(2^2)`. A sign on a number literal is folded into it.
    private mutating func parseUnary() throws -> Expr {
        let token = try peek()
        guard token.kind == .sub || token.kind == .add else {
            return try parsePostfix(try parsePrimary())
        }
        try advance()
        let operand = try parseExpression(minPrecedence: BinaryOperator.pow.precedence)
        if case .number(var literal) = operand {
            if token.kind == .sub { literal.value *= -1 }
            literal.position.start = token.offset
            return .number(literal)
        }
        let op: UnaryOperator = token.kind == .sub ? .minus : .plus
        return .unary(UnaryExpr(op: op, expr: operand, position: PositionRange(start: token.offset, end: operand.position.end)))
    }
}
