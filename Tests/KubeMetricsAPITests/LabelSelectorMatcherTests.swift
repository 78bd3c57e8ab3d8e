import TSDB
import Testing
@testable import KubeMetricsAPI

@Suite struct LabelSelectorMatcherTests {
    @Test func eachOperatorMapsToItsMatcher() throws {
        let matchers = try LabelSelector(parsing: "a=1,b==2,c!=3,d in (x,y),e notin (z),f,!g").prometheusMatchers()
        #expect(matchers.map(\.description) == [
            #"a="1""#, #"b="2""#, #"c!="3""#, #"d=~"x|y""#, #"e!~"z""#, #"f!="""#, #"g="""#,
        ])
    }

    @Test func existenceFollowsPrometheusEmptyMeansAbsent() throws {
        let matchers = try LabelSelector(parsing: "f,!g").prometheusMatchers()
        #expect(matchers[0].matches("x") && !matchers[0].matches(""))
        #expect(matchers[1].matches("") && !matchers[1].matches("x"))
    }

    @Test func setValuesAreRegexEscaped() throws {
        let matchers = try LabelSelector(parsing: "v in (1.5,2)").prometheusMatchers()
        #expect(matchers.map(\.description) == [#"v=~"1\\.5|2""#])
        #expect(matchers[0].matches("1.5"))
        #expect(matchers[0].matches("2"))
        #expect(!matchers[0].matches("1x5"))   // '.' is a literal dot
        #expect(!matchers[0].matches("1.52"))  // anchored
    }

    @Test func emptySetMemberSelectsMissingLabel() throws {
        let matcher = try #require(try LabelSelector(parsing: "a in ()").prometheusMatchers().first)
        #expect(matcher.kind == .regexMatch && matcher.value == "")
        #expect(matcher.matches("") && !matcher.matches("x"))
    }

    /// Requirements that bypass Kubernetes validation (built in code) must
    /// still turn into literal matchers: the values can neither widen a
    /// regex nor alter the query.
    @Test func injectionValuesStayLiteral() throws {
        let hostile = [#"x"}) or vector(1) #"#, "a|b", ".*", #"\"#, "(?i)X", "[a-z]+", "^$"]
        for value in hostile {
            let requirement = LabelRequirement(unchecked: "app", .in, [value])
            let matcher = try requirement.prometheusMatcher()
            #expect(matcher.name == "app")
            #expect(matcher.kind == .regexMatch)
            #expect(matcher.matches(value), "\(value) must match itself")
            for other in ["", "a", "b", "x", "xyz", "A", "vector(1)", "x\"})"] where other != value {
                #expect(!matcher.matches(other), "\(value) must not match \(other)")
            }
        }
        let notIn = try LabelRequirement(unchecked: "app", .notIn, [".*", "a|b"]).prometheusMatcher()
        #expect(notIn.value == #"\.\*|a\|b"#)
        #expect(notIn.matches("a") && notIn.matches("anything") && !notIn.matches(".*") && !notIn.matches("a|b"))
        let equal = try LabelRequirement(unchecked: "app", .equals, [#"x"} or vector(1)"#]).prometheusMatcher()
        #expect(equal.kind == .equal && equal.value == #"x"} or vector(1)"#)
        #expect(equal.description == #"app="x\"} or vector(1)""#)
    }

    @Test func regexLiteralEscapesEveryMetacharacter() {
        #expect(RegexLiteral.escaped(#"\.+*?()|[]{}^$"#) == #"\\\.\+\*\?\(\)\|\[\]\{\}\^\$"#)
        #expect(RegexLiteral.escaped("plain-value_1") == "plain-value_1")
    }

    @Test(arguments: [
        ("app.kubernetes.io/name", "app_kubernetes_io_name"),
        ("example.com/tier-level", "example_com_tier_level"),
        ("app", "app"),
        ("My_Label.v2", "My_Label_v2"),
    ])
    func kubernetesKeysBecomePrometheusNames(key: String, name: String) throws {
        let matcher = try LabelSelector(parsing: "\(key)=x").prometheusMatchers()
        #expect(matcher.map(\.name) == [name])
        #expect(PrometheusLabelName.sanitized(key) == name)
    }

    @Test func keysStartingWithADigitAreRejected() throws {
        let selector = try LabelSelector(parsing: "1app=x")
        do {
            _ = try selector.prometheusMatchers()
            Issue.record("1app is not a Prometheus label name")
        } catch {
            #expect(error.message == #"label selector key "1app" maps to "1app", which is not a valid Prometheus label name ([a-zA-Z_][a-zA-Z0-9_]*)"#)
        }
    }

    @Test func reservedNamesAreRejected() {
        #expect(throws: LabelSelectorError.self) {
            try LabelRequirement(unchecked: "__name__", .equals, ["up"]).prometheusMatcher()
        }
    }

    @Test func comparisonOperatorsHaveNoMatcher() throws {
        let selector = try LabelSelector(parsing: "replicas>3")
        do {
            _ = try selector.prometheusMatchers()
            Issue.record("gt has no matcher")
        } catch {
            #expect(error.message == #"label selector "replicas>3": operator gt cannot be expressed as a Prometheus label matcher"#)
        }
    }
}
