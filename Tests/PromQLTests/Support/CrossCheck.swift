import Testing

/// One query with Prometheus's answer.
struct CrossCheck: Sendable, CustomTestStringConvertible {
    enum Outcome: Sendable {
        /// Labels (as `Labels.description`) → value.
        case values([String: Double])
        /// The execution error message.
        case failure(String)
    }

    let time: Double
    let query: String
    let outcome: Outcome

    init(_ time: Double, _ query: String, _ outcome: Outcome) {
        self.time = time
        self.query = query
        self.outcome = outcome
    }

    var testDescription: String { "\(query) @ \(time)s" }
}
