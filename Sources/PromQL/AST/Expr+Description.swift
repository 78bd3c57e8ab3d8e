import TSDB

/// PromQL text for an expression, formatted like Prometheus's `String()`,
/// so it can be written to rule files and re-parsed to the same expression.
extension Expr: CustomStringConvertible {
    public var description: String {
        switch self {
        case .number(let node): return GoFloatFormat.formatG(node.value)
        case .string(let node): return GoQuote.quote(node.value)
        case .vectorSelector(let node): return node.description
        case .matrixSelector(let node): return node.description
        case .subquery(let node): return node.description
        case .paren(let node): return "(\(node.expr))"
        case .unary(let node):
            // Parsed trees only nest `^` under a unary sign; built trees may
            // nest anything, which must keep its grouping when printed.
            if case .binary(let inner) = node.expr, inner.op != .pow {
                return "\(node.op.rawValue)(\(node.expr))"
            }
            return "\(node.op.rawValue)\(node.expr)"
        case .binary(let node): return node.description
        case .aggregate(let node): return node.description
        case .call(let node): return "\(node.function.name)(\(node.args.map(\.description).joined(separator: ", ")))"
        }
    }
}

enum ModifierText {
    static func offset(_ milliseconds: Int64) -> String {
        if milliseconds > 0 { return " offset \(DurationFormat.format(milliseconds: milliseconds))" }
        if milliseconds < 0 { return " offset -\(DurationFormat.format(milliseconds: -milliseconds))" }
        return ""
    }

    static func at(_ modifier: AtModifier?) -> String {
        switch modifier {
        case .none: return ""
        case .start: return " @ start()"
        case .end: return " @ end()"
        case .timestamp(let ms):
            // Go's "%.3f" of ms/1000.
            let sign = ms < 0 ? "-" : ""
            let magnitude = ms.magnitude
            var fraction = String(magnitude % 1000)
            while fraction.count < 3 { fraction = "0" + fraction }
            return " @ \(sign)\(magnitude / 1000).\(fraction)"
        }
    }

    static func matcher(_ matcher: LabelMatcher) -> String {
        "\(matcher.name)\(matcher.kind.rawValue)\(GoQuote.quote(matcher.value))"
    }
}

extension VectorSelector: CustomStringConvertible {
    /// The selector without `@`/`offset`.
    var bareDescription: String {
        var parts: [String] = []
        for matcher in matchers {
            if matcher.name == metricNameLabel, matcher.kind == .equal, matcher.value == (name ?? "") { continue }
            parts.append(ModifierText.matcher(matcher))
        }
        if parts.isEmpty { return name ?? "" }
        parts.sort()
        return "\(name ?? ""){\(parts.joined(separator: ","))}"
    }

    public var description: String {
        bareDescription + ModifierText.at(at) + ModifierText.offset(offset)
    }
}

extension MatrixSelector: CustomStringConvertible {
    public var description: String {
        "\(selector.bareDescription)[\(DurationFormat.format(milliseconds: range))]"
            + ModifierText.at(selector.at) + ModifierText.offset(selector.offset)
    }
}

extension SubqueryExpr: CustomStringConvertible {
    public var description: String {
        let stepText = step == 0 ? "" : DurationFormat.format(milliseconds: step)
        return "\(expr)[\(DurationFormat.format(milliseconds: range)):\(stepText)]" + ModifierText.at(at) + ModifierText.offset(offset)
    }
}

extension BinaryExpr: CustomStringConvertible {
    /// Parentheses for operands that would otherwise regroup when re-parsed.
    /// Parsed trees carry explicit parentheses, so this only changes the
    /// text of built trees and of signed literals under `^` (`(-2) ^ 2`,
    /// where Prometheus prints `-2 ^ 2`, which means `-(2 ^ 2)`).
    private func operandText(_ operand: Expr, isLeft: Bool) -> String {
        switch operand {
        case .binary(let inner):
            let looser = inner.op.precedence < op.precedence
            let sameButRegroups = inner.op.precedence == op.precedence && (isLeft == op.isRightAssociative)
            return looser || sameButRegroups ? "(\(operand))" : "\(operand)"
        case .unary where isLeft && op == .pow:
            return "(\(operand))"
        case .number(let literal) where isLeft && op == .pow:
            let text = "\(operand)"
            return literal.value.sign == .minus || text.hasPrefix("+") ? "(\(text))" : text
        default:
            return "\(operand)"
        }
    }

    public var description: String {
        var text = "\(operandText(lhs, isLeft: true)) \(op.rawValue)"
        if returnBool { text += " bool" }
        if let matching, !matching.matchingLabels.isEmpty || matching.on {
            text += " \(matching.on ? "on" : "ignoring") (\(matching.matchingLabels.joined(separator: ", ")))"
            if matching.cardinality == .manyToOne || matching.cardinality == .oneToMany {
                let side = matching.cardinality == .manyToOne ? "left" : "right"
                text += " group_\(side) (\(matching.include.joined(separator: ", ")))"
            }
        }
        return text + " \(operandText(rhs, isLeft: false))"
    }
}

extension AggregateExpr: CustomStringConvertible {
    public var description: String {
        var text = op.rawValue
        if without {
            text += " without (\(grouping.joined(separator: ", "))) "
        } else if !grouping.isEmpty {
            text += " by (\(grouping.joined(separator: ", "))) "
        }
        text += "("
        if let param { text += "\(param), " }
        return text + "\(expr))"
    }
}
