/// `metav1.LabelSelector`, the structured selector JSON
/// (`{"matchLabels":{...},"matchExpressions":[...]}`) that custom metric
/// values carry to say which metric series they were computed from.
public struct LabelSelectorObject: Sendable, Hashable, Codable {
    /// `metav1.LabelSelectorRequirement`; operator is `In`, `NotIn`,
    /// `Exists` or `DoesNotExist`.
    public struct Requirement: Sendable, Hashable, Codable {
        public var key: String
        public var `operator`: String
        public var values: [String]

        public init(key: String, operator op: String, values: [String] = []) {
            self.key = key
            self.operator = op
            self.values = values
        }

        private enum CodingKeys: String, CodingKey { case key, `operator`, values }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            key = try container.decode(String.self, forKey: .key)
            self.operator = try container.decode(String.self, forKey: .operator)
            values = try container.decodeIfPresent([String].self, forKey: .values) ?? []
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(key, forKey: .key)
            try container.encode(self.operator, forKey: .operator)
            if !values.isEmpty { try container.encode(values, forKey: .values) }
        }
    }

    public var matchLabels: [String: String]
    public var matchExpressions: [Requirement]

    public init(matchLabels: [String: String] = [:], matchExpressions: [Requirement] = []) {
        self.matchLabels = matchLabels
        self.matchExpressions = matchExpressions
    }

    /// `metav1.ParseToLabelSelector`: equality goes to `matchLabels`, sets
    /// and existence become expressions, sorted by key. One difference:
    /// apimachinery rejects `!=` ("is not a valid label selector
    /// operator"), which would fail a whole metric request over a label
    /// filter; here it becomes the equivalent `NotIn` with one value.
    /// `gt`/`lt` have no structured form and yield nil.
    public init?(_ selector: LabelSelector) {
        var matchLabels: [String: String] = [:]
        var expressions: [Requirement] = []
        for requirement in selector.requirements {
            switch requirement.operator {
            case .equals, .doubleEquals:
                matchLabels[requirement.key] = requirement.values.first ?? ""
            case .notEquals, .notIn:
                expressions.append(Requirement(key: requirement.key, operator: "NotIn", values: requirement.values))
            case .in:
                expressions.append(Requirement(key: requirement.key, operator: "In", values: requirement.values))
            case .exists:
                expressions.append(Requirement(key: requirement.key, operator: "Exists"))
            case .doesNotExist:
                expressions.append(Requirement(key: requirement.key, operator: "DoesNotExist"))
            case .greaterThan, .lessThan:
                return nil
            }
        }
        self.init(matchLabels: matchLabels, matchExpressions: expressions)
    }

    private enum CodingKeys: String, CodingKey { case matchLabels, matchExpressions }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        matchLabels = try container.decodeIfPresent([String: String].self, forKey: .matchLabels) ?? [:]
        matchExpressions = try container.decodeIfPresent([Requirement].self, forKey: .matchExpressions) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if !matchLabels.isEmpty { try container.encode(matchLabels, forKey: .matchLabels) }
        if !matchExpressions.isEmpty { try container.encode(matchExpressions, forKey: .matchExpressions) }
    }
}
