/// One term of a Kubernetes label selector: `key op values`.
///
/// Built only through validation (the parser or the throwing initializer),
/// so every requirement holds a valid key and values, as `labels.Requirement`
/// does.
public struct LabelRequirement: Sendable, Hashable, CustomStringConvertible {
    /// apimachinery's `selection.Operator` values.
    public enum Operator: String, Sendable, Hashable, CaseIterable {
        case equals = "="
        case doubleEquals = "=="
        case notEquals = "!="
        case `in` = "in"
        case notIn = "notin"
        case exists = "exists"
        case doesNotExist = "!"
        case greaterThan = "gt"
        case lessThan = "lt"
    }

    public let key: String
    public let `operator`: Operator
    /// Sorted, without duplicates (a set in Kubernetes); empty for
    /// `exists`/`doesNotExist`, one value for the comparison operators.
    public let values: [String]

    /// Validates like `labels.NewRequirement`; throws its message otherwise.
    public init(key: String, operator op: Operator, values: [String]) throws(LabelSelectorError) {
        let sortedValues = Array(Set(values)).sorted()
        if let message = LabelRequirement.validationMessage(key: key, operator: op, values: sortedValues) {
            throw .invalidRequirement(message, at: nil)
        }
        self.init(unchecked: key, op, sortedValues)
    }

    /// For tests of downstream escaping only: no validation at all.
    init(unchecked key: String, _ op: Operator, _ values: [String]) {
        self.key = key
        self.operator = op
        self.values = values
    }

    /// The selector text Kubernetes prints (`Requirement.String()`).
    public var description: String {
        switch self.operator {
        case .exists: return key
        case .doesNotExist: return "!" + key
        case .equals: return key + "=" + valueText
        case .doubleEquals: return key + "==" + valueText
        case .notEquals: return key + "!=" + valueText
        case .in: return key + " in (" + valueText + ")"
        case .notIn: return key + " notin (" + valueText + ")"
        case .greaterThan: return key + ">" + valueText
        case .lessThan: return key + "<" + valueText
        }
    }

    private var valueText: String { values.joined(separator: ",") }

    /// `labels.NewRequirement`'s checks with its messages; an aggregate of
    /// several is bracketed and comma-joined as `utilerrors.Aggregate` does.
    static func validationMessage(key: String, operator op: Operator, values: [String]) -> String? {
        var errors: [String] = []
        let keyErrors = KubernetesNameValidation.qualifiedNameErrors(key)
        if !keyErrors.isEmpty {
            errors.append(KubernetesNameValidation.invalidField("key", value: key, details: keyErrors))
        }
        let valuesList = GoQuote.stringSlice(values)
        switch op {
        case .in, .notIn:
            if values.isEmpty {
                errors.append("values: Invalid value: \(valuesList): for 'in', 'notin' operators, values set can't be empty")
            }
        case .equals, .doubleEquals, .notEquals:
            if values.count != 1 {
                errors.append("values: Invalid value: \(valuesList): exact-match compatibility requires one single value")
            }
        case .exists, .doesNotExist:
            if !values.isEmpty {
                errors.append("values: Invalid value: \(valuesList): values set must be empty for exists and does not exist")
            }
        case .greaterThan, .lessThan:
            if values.count != 1 {
                errors.append("values: Invalid value: \(valuesList): for 'Gt', 'Lt' operators, exactly one value is required")
            }
            for (index, value) in values.enumerated() where Int64(value) == nil {
                errors.append(KubernetesNameValidation.invalidField(
                    "values[\(index)]", value: value, details: ["for 'Gt', 'Lt' operators, the value must be an integer"]))
            }
        }
        for (index, value) in values.enumerated() {
            let valueErrors = KubernetesNameValidation.labelValueErrors(value)
            if !valueErrors.isEmpty {
                errors.append(KubernetesNameValidation.invalidField("values[\(index)][\(key)]", value: value, details: valueErrors))
            }
        }
        return aggregate(errors)
    }

    private static func aggregate(_ errors: [String]) -> String? {
        var unique: [String] = []
        for error in errors where !unique.contains(error) { unique.append(error) }
        switch unique.count {
        case 0: return nil
        case 1: return unique[0]
        default: return "[" + unique.joined(separator: ", ") + "]"
        }
    }
}
