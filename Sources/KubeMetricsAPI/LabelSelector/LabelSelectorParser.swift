/// apimachinery's recursive-descent selector parser, step for step, so the
/// same inputs are accepted and the same messages come out.
struct LabelSelectorParser {
    /// `in`/`notin` are operators after a key but plain words where a key
    /// or value is expected (`in in (in)` is valid).
    private enum Context { case keyAndOperator, values }

    private let tokens: [SelectorToken]
    private var index = 0

    init(_ text: String) {
        var lexer = LabelSelectorLexer(text)
        tokens = lexer.tokens()
    }

    mutating func parse() throws(LabelSelectorError) -> [LabelRequirement] {
        var requirements: [LabelRequirement] = []
        while true {
            let token = lookahead(.values)
            switch token.kind {
            case .identifier, .doesNotExist:
                do {
                    requirements.append(try parseRequirement())
                } catch {
                    throw error.inRequirement(at: token.position)
                }
                let separator = consume(.values)
                switch separator.kind {
                case .endOfString:
                    return requirements
                case .comma:
                    let following = lookahead(.values)
                    if following.kind != .identifier && following.kind != .doesNotExist {
                        throw .syntax("found '\(following.literal)', expected: identifier after ','", at: following.position)
                    }
                default:
                    throw .syntax("found '\(separator.literal)', expected: ',' or 'end of string'", at: separator.position)
                }
            case .endOfString:
                return requirements
            default:
                throw .syntax("found '\(token.literal)', expected: !, identifier, or 'end of string'", at: token.position)
            }
        }
    }

    private func lookahead(_ context: Context) -> SelectorToken {
        adjusted(tokens[min(index, tokens.count - 1)], context)
    }

    private mutating func consume(_ context: Context) -> SelectorToken {
        let token = lookahead(context)
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    private func adjusted(_ token: SelectorToken, _ context: Context) -> SelectorToken {
        guard context == .values, token.kind == .in || token.kind == .notIn else { return token }
        var word = token
        word.kind = .identifier
        return word
    }

    private mutating func parseRequirement() throws(LabelSelectorError) -> LabelRequirement {
        let (key, keyToken, inferred) = try parseKeyAndInferOperator()
        let op: LabelRequirement.Operator
        var values: [String] = []
        var valueTokens: [SelectorToken] = []
        if let inferred {
            op = inferred
        } else {
            op = try parseOperator()
            switch op {
            case .in, .notIn:
                (values, valueTokens) = try parseValues()
            default:
                (values, valueTokens) = try parseExactValue()
            }
        }
        // The key is already valid, so only values can fail here. Kubernetes
        // validates the sorted value set; report where the first offending
        // value was written.
        let sortedValues = Array(Set(values)).sorted()
        if let message = LabelRequirement.validationMessage(key: key, operator: op, values: sortedValues) {
            let badValue = valueTokens.first { !KubernetesNameValidation.labelValueErrors($0.literal).isEmpty }
            throw .invalidRequirement(message, at: (badValue ?? valueTokens.first ?? keyToken).position)
        }
        return LabelRequirement(unchecked: key, op, sortedValues)
    }

    /// Reads `[!]key`; infers `exists`/`doesNotExist` when no operator follows.
    private mutating func parseKeyAndInferOperator() throws(LabelSelectorError)
        -> (String, SelectorToken, LabelRequirement.Operator?)
    {
        var op: LabelRequirement.Operator?
        var token = consume(.values)
        if token.kind == .doesNotExist {
            op = .doesNotExist
            token = consume(.values)
        }
        guard token.kind == .identifier else {
            throw .syntax("found '\(token.literal)', expected: identifier", at: token.position)
        }
        let keyErrors = KubernetesNameValidation.qualifiedNameErrors(token.literal)
        if !keyErrors.isEmpty {
            // labels.Parse passes a nil field path here, which Go prints as <nil>.
            throw .invalidRequirement(
                KubernetesNameValidation.invalidField("<nil>", value: token.literal, details: keyErrors), at: token.position)
        }
        let next = lookahead(.values).kind
        if next == .endOfString || next == .comma {
            if op == nil { op = .exists }
        }
        return (token.literal, token, op)
    }

    private mutating func parseOperator() throws(LabelSelectorError) -> LabelRequirement.Operator {
        let token = consume(.keyAndOperator)
        switch token.kind {
        case .in: return .in
        case .equals: return .equals
        case .doubleEquals: return .doubleEquals
        case .greaterThan: return .greaterThan
        case .lessThan: return .lessThan
        case .notIn: return .notIn
        case .notEquals: return .notEquals
        default:
            throw .syntax("found '\(token.literal)', expected: in, notin, =, ==, !=, gt, lt", at: token.position)
        }
    }

    /// `(a,b,c)`; empty entries mean the empty value, as in Kubernetes.
    private mutating func parseValues() throws(LabelSelectorError) -> ([String], [SelectorToken]) {
        let open = consume(.values)
        guard open.kind == .openParen else {
            throw .syntax("found '\(open.literal)' expected: '('", at: open.position)
        }
        let first = lookahead(.values)
        switch first.kind {
        case .identifier, .comma:
            let list = try parseIdentifiersList()
            let close = consume(.values)
            guard close.kind == .closedParen else {
                throw .syntax("found '\(first.literal)', expected: ')'", at: close.position)
            }
            return list
        case .closedParen:
            _ = consume(.values)
            return ([""], [])
        default:
            throw .syntax("found '\(first.literal)', expected: ',', ')' or identifier", at: first.position)
        }
    }

    private mutating func parseIdentifiersList() throws(LabelSelectorError) -> ([String], [SelectorToken]) {
        var values: [String] = []
        var valueTokens: [SelectorToken] = []
        while true {
            let token = consume(.values)
            switch token.kind {
            case .identifier:
                values.append(token.literal)
                valueTokens.append(token)
                let next = lookahead(.values)
                switch next.kind {
                case .comma:
                    continue
                case .closedParen:
                    return (values, valueTokens)
                default:
                    throw .syntax("found '\(next.literal)', expected: ',' or ')'", at: next.position)
                }
            case .comma:
                // "(," ",," and ",)" all contribute the empty value.
                if values.isEmpty { values.append("") }
                let next = lookahead(.values)
                if next.kind == .closedParen {
                    values.append("")
                    return (values, valueTokens)
                }
                if next.kind == .comma {
                    _ = consume(.values)
                    values.append("")
                }
            default:
                throw .syntax("found '\(token.literal)', expected: ',', or identifier", at: token.position)
            }
        }
    }

    /// The single value after `=`, `==`, `!=`, `>`, `<`; nothing means "".
    private mutating func parseExactValue() throws(LabelSelectorError) -> ([String], [SelectorToken]) {
        let next = lookahead(.values)
        if next.kind == .endOfString || next.kind == .comma {
            return ([""], [])
        }
        let token = consume(.values)
        guard token.kind == .identifier else {
            throw .syntax("found '\(token.literal)', expected: identifier", at: token.position)
        }
        return ([token.literal], [token])
    }
}
