import Testing
@testable import KubeMetricsAPI

@Suite struct LabelSelectorParserTests {
    @Test(arguments: [
        ("a=b", "a=b"),
        ("a==b", "a==b"),
        ("a!=b", "a!=b"),
        ("a in (y,x)", "a in (x,y)"),        // values are a sorted set
        ("a in (x,x)", "a in (x)"),
        ("a notin (x)", "a notin (x)"),
        ("a", "a"),
        ("!a", "!a"),
        ("a>1", "a>1"),
        ("a<5", "a<5"),
        ("  a = b ,\tc in ( x , y ) ", "a=b,c in (x,y)"),
        ("y=b,x=a", "x=a,y=b"),              // sorted by key, as labels.Parse does
        ("a=", "a="),                        // empty value
        ("a in ()", "a in ()"),              // the set {""}
        ("a in (,)", "a in ()"),
        ("a in (x,,y)", "a in (,x,y)"),
        ("in in (in)", "in in (in)"),        // keywords are words where a key or value belongs
        ("notin notin (notin)", "notin notin (notin)"),
        ("example.com/app=web", "example.com/app=web"),
        ("canary,!app.kubernetes.io/name", "!app.kubernetes.io/name,canary"),
        ("z=1,app.kubernetes.io/name=web", "app.kubernetes.io/name=web,z=1"),
        ("", ""),
        ("   ", ""),
    ] as [(String, String)])
    func validSelectorsParse(text: String, canonical: String) throws {
        #expect(try LabelSelector(parsing: text).description == canonical)
    }

    @Test func requirementsCarryOperatorAndValues() throws {
        let selector = try LabelSelector(parsing: "env in (prod,dev),tier!=cache,app,!legacy,x==1,y=2")
        let summary = selector.requirements.map { "\($0.key) \($0.operator.rawValue) \($0.values)" }
        #expect(summary == [
            "app exists []",
            "env in [\"dev\", \"prod\"]",
            "legacy ! []",
            "tier != [\"cache\"]",
            "x == [\"1\"]",
            "y = [\"2\"]",
        ])
    }

    private static let keyRegexMessage =
        "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character "
        + "(e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
    private static let valueRegexMessage =
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and "
        + "end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is "
        + "'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"

    @Test(arguments: [
        ("a b", 2, "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"),
        ("a=b,", 4, "found '', expected: identifier after ','"),
        ("a=b,,c", 4, "found ',', expected: identifier after ','"),
        (",a", 0, "found ',', expected: !, identifier, or 'end of string'"),
        ("!=a", 0, "found '!=', expected: !, identifier, or 'end of string'"),
        ("a=b c", 4, "found 'c', expected: ',' or 'end of string'"),
        ("!a=b", 2, "found '=', expected: ',' or 'end of string'"),
        ("a in x", 5, "unable to parse requirement: found 'x' expected: '('"),
        ("a in (x", 7, "unable to parse requirement: found '', expected: ',' or ')'"),
        ("a in (x y)", 8, "unable to parse requirement: found 'y', expected: ',' or ')'"),
        ("a in (", 6, "unable to parse requirement: found '', expected: ',', ')' or identifier"),
        ("a in =", 5, "unable to parse requirement: found '=' expected: '('"),
        ("a in (x,=", 8, "unable to parse requirement: found '=', expected: ',', or identifier"),
        ("a in (x,,)", 9, "unable to parse requirement: found ')', expected: ',', or identifier"),
        ("a=(", 2, "unable to parse requirement: found '(', expected: identifier"),
        ("a=!b", 2, "unable to parse requirement: found '!', expected: identifier"),
        ("!", 1, "unable to parse requirement: found '', expected: identifier"),
        ("!!a", 1, "unable to parse requirement: found '!', expected: identifier"),
        ("a>x", 2, "unable to parse requirement: values[0]: Invalid value: \"x\": for 'Gt', 'Lt' operators, the value must be an integer"),
    ] as [(String, Int, String)])
    func syntaxErrorsMatchKubernetes(text: String, position: Int, message: String) {
        expectError(text, position: position, message: message)
    }

    @Test func keyErrorsMatchKubernetes() {
        expectError("a/b/c=x", position: 0, message: "unable to parse requirement: <nil>: Invalid value: \"a/b/c\": a qualified name "
            + Self.keyRegexMessage + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')")
        expectError("x=1,-a=x", position: 4, message: "unable to parse requirement: <nil>: Invalid value: \"-a\": name part " + Self.keyRegexMessage)
        expectError("/a", position: 0, message: "unable to parse requirement: <nil>: Invalid value: \"/a\": prefix part must be non-empty")
        expectError("a/", position: 0, message: "unable to parse requirement: <nil>: Invalid value: \"a/\": name part must be non-empty; name part "
            + Self.keyRegexMessage)
        expectError("Example.com/a", position: 0, message: "unable to parse requirement: <nil>: Invalid value: \"Example.com/a\": "
            + "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must "
            + "start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is "
            + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')")
        let longKey = String(repeating: "k", count: 64)
        expectError(longKey, position: 0, message: "unable to parse requirement: <nil>: Invalid value: \"\(longKey)\": name part must be no more than 63 characters")
    }

    @Test func valueErrorsMatchKubernetes() {
        expectError("a=x\"}", position: 2, message: "unable to parse requirement: values[0][a]: Invalid value: \"x\\\"}\": " + Self.valueRegexMessage)
        // Index is into the sorted set, position where the bad value was written.
        expectError("a in (z, -b)", position: 9, message: "unable to parse requirement: values[0][a]: Invalid value: \"-b\": " + Self.valueRegexMessage)
        let longValue = String(repeating: "v", count: 64)
        expectError("a=\(longValue)", position: 2,
                    message: "unable to parse requirement: values[0][a]: Invalid value: \"\(longValue)\": must be no more than 63 characters")
    }

    /// The brief's injection attempt never gets past Kubernetes validation.
    @Test func injectionAttemptIsRejectedAsAnInvalidValue() {
        expectError("app in (x\"}) or vector(1) # )", position: 8,
                    message: "unable to parse requirement: values[0][app]: Invalid value: \"x\\\"}\": " + Self.valueRegexMessage)
    }

    @Test func nulIsAnOrdinaryInvalidCharacterNotAnEnd() {
        // Go would stop reading at the NUL and accept "a=b"; here it is part of the value.
        expectError("a=b\u{0},c=d", position: 2, message: "unable to parse requirement: values[0][a]: Invalid value: \"b\\x00\": "
            + Self.valueRegexMessage)
    }

    @Test func requirementsBuiltInCodeAreValidatedLikeNewRequirement() {
        #expect(throws: LabelSelectorError.self) { try LabelRequirement(key: "a", operator: .in, values: []) }
        do {
            _ = try LabelRequirement(key: "a", operator: .equals, values: ["x", "y"])
            Issue.record("two values for = must fail")
        } catch {
            #expect(error.message == "values: Invalid value: []string{\"x\", \"y\"}: exact-match compatibility requires one single value")
            #expect(error.position == nil)
        }
        do {
            _ = try LabelRequirement(key: "bad key", operator: .exists, values: ["v"])
            Issue.record("bad key and values for exists must fail")
        } catch {
            #expect(error.message == "[key: Invalid value: \"bad key\": name part " + Self.keyRegexMessage
                + ", values: Invalid value: []string{\"v\"}: values set must be empty for exists and does not exist]")
        }
    }

    private func expectError(_ text: String, position: Int, message: String, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            let selector = try LabelSelector(parsing: text)
            Issue.record("\(text) parsed as \(selector)", sourceLocation: sourceLocation)
        } catch {
            #expect(error.message == message, sourceLocation: sourceLocation)
            #expect(error.description == message, sourceLocation: sourceLocation)
            #expect(error.position == position, sourceLocation: sourceLocation)
        }
    }
}
