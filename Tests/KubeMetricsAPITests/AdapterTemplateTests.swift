import KubeMetricsAPI
import Testing

@Suite("prometheus-adapter templates")
struct AdapterTemplateTests {
    let fields: Set<String> = ["Series", "LabelMatchers", "GroupBy", "GroupBySlice"]

    @Test("fields render with the adapter's << >> delimiters")
    func rendersFields() throws {
        let template = try AdapterTemplate("sum(rate(<<.Series>>{<<.LabelMatchers>>}[2m])) by (<<.GroupBy>>)", allowed: fields)
        #expect(template.fields == ["Series", "LabelMatchers", "GroupBy"])
        let text = template.render(["Series": "http_requests_total", "LabelMatchers": #"pod="a""#, "GroupBy": "pod"])
        #expect(text == #"sum(rate(http_requests_total{pod="a"}[2m])) by (pod)"#)
    }

    @Test("spaces inside an action and Go's trim markers")
    func trimMarkers() throws {
        let template = try AdapterTemplate("a << .Series >> b <<- .GroupBy ->> c", allowed: fields)
        #expect(template.render(["Series": "S", "GroupBy": "G"]) == "a S bGc")
    }

    @Test("text without actions, including Go's {{ }}, is copied as is")
    func plainText() throws {
        let template = try AdapterTemplate("up{job=\"{{x}}\"}", allowed: fields)
        #expect(template.render([:]) == "up{job=\"{{x}}\"}")
    }

    @Test("unknown fields, pipelines and unclosed actions are refused with the reason")
    func refusals() {
        #expect(throws: AdapterTemplateError.self) { try AdapterTemplate("<<.Nope>>", allowed: fields) }
        do {
            _ = try AdapterTemplate("<<range .GroupBySlice>>x<<end>>", allowed: fields)
            Issue.record("range must be refused")
        } catch {
            #expect(error.message.contains("unsupported action"), "\(error)")
        }
        do {
            _ = try AdapterTemplate("sum(<<.Series)", allowed: fields)
            Issue.record("an unclosed action must be refused")
        } catch {
            #expect(error.message.contains("unclosed"), "\(error)")
        }
    }

    @Test("GroupBySlice renders as Go prints a []string")
    func groupBySlice() throws {
        let rule = try AdapterRule(
            AdapterDiscoveryRule(seriesQuery: "x", metricsQuery: "<<.GroupBySlice>> <<.GroupBy>> <<.LabelMatchers>>"), kind: .custom, index: 0)
        #expect(rule.renderQuery(series: "x", groupBy: ["pod", "container"]) == #"[pod container] pod,container __agent360_label_matchers__="""#)
    }
}
