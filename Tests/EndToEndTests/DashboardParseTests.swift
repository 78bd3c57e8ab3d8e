import PromQL
import Testing

@Suite("Grafana dashboards")
struct DashboardParseTests {
    @Test("every panel expression parses with agent360's PromQL parser")
    func expressionsParse() throws {
        let expressions = try DashboardExpressions.load(variables: ["namespace": "default", "workload": "agent360-demo", "instance": ".*"])
        #expect(expressions.count >= 40)
        #expect(Set(expressions.map(\.dashboard)) == ["Agent360 scaling", "agent360 adapter"])
        for expression in expressions {
            do {
                let expr = try parse(expression.expr)
                #expect(expr.type == .vector || expr.type == .scalar, "\(expression.title): \(expr.type)")
            } catch {
                Issue.record("\(expression.dashboard) / \(expression.title): \(expression.expr): \(error)")
            }
        }
    }
}
