import Testing

@testable import KubeAPIServer

@Suite("Static token file (--token-auth-file)")
struct StaticTokenFileTests {
    @Test("kube-apiserver format: token,user,uid,\"groups\"; comments and blank lines skipped")
    func parsesEntries() throws {
        let file = try StaticTokenFile(contents: """
            # token, user, uid, groups
            hpa-token,system:serviceaccount:kube-system:horizontal-pod-autoscaler,uid-1,"system:serviceaccounts,system:serviceaccounts:kube-system"

              # indented comment
            \t \t
            admin-token,admin,uid-2,system:masters
            plain-token,alice,uid-3\r
            "quoted,token",bob,uid-4,"a , b,,c"
            """)
        #expect(file.count == 4)
        #expect(file.user(forToken: "hpa-token") == UserInfo(
            name: "system:serviceaccount:kube-system:horizontal-pod-autoscaler", uid: "uid-1",
            groups: ["system:serviceaccounts", "system:serviceaccounts:kube-system"]))
        #expect(file.user(forToken: "admin-token")?.groups == ["system:masters"])
        #expect(file.user(forToken: "plain-token") == UserInfo(name: "alice", uid: "uid-3", groups: []))
        // Groups are trimmed and empty entries dropped.
        #expect(file.user(forToken: "quoted,token") == UserInfo(name: "bob", uid: "uid-4", groups: ["a", "b", "c"]))
        #expect(file.user(forToken: "unknown") == nil)
        #expect(file.user(forToken: "hpa-token ") == nil)
    }

    @Test("quoted fields: doubled quotes, embedded newlines; the record keeps its first line")
    func quotedFields() throws {
        let file = try StaticTokenFile(contents: "\"tok\"\"en\",\"multi\nline\",uid\nsecond,carol,uid\n")
        #expect(file.user(forToken: "tok\"en")?.name == "multi\nline")
        #expect(file.user(forToken: "second")?.name == "carol")
    }

    @Test("every error names its line", arguments: [
        ("ok,alice,1\nonly,two\n", 2, "expected at least 3 columns (token, user name, user uid), found 2"),
        ("a,b,c,d,e\n", 1, "expected at most 4 columns"),
        ("\n\n,alice,1\n", 3, "empty token"),
        ("tok,,1\n", 1, "empty user name"),
        ("tok,alice,1\n# c\ntok,bob,2\n", 3, "token is already defined on line 1"),
        ("tok,al\"ice,1\n", 1, "bare \" in unquoted field"),
        ("tok,\"alice\"x,1\n", 1, "unexpected text after the closing quote"),
        ("ok,a,1\n\"tok,alice,1\nmore\n", 2, "quoted field is never closed"),
    ])
    func errorsWithLines(text: String, line: Int, message: String) throws {
        let error = #expect(throws: StaticTokenFileError.self) {
            try StaticTokenFile(contents: text, source: "tokens.csv")
        }
        #expect(error?.line == line)
        #expect(error?.message.hasPrefix(message) == true, "\(error?.message ?? "")")
        #expect(error?.description.hasPrefix("tokens.csv:\(line): ") == true)
    }

    @Test("a missing file is an error naming the path")
    func missingFile() {
        let error = #expect(throws: StaticTokenFileError.self) {
            try StaticTokenFile(path: "/nonexistent/tokens.csv")
        }
        #expect(error?.line == nil)
        #expect(error?.description.hasPrefix("/nonexistent/tokens.csv: ") == true)
    }

    @Test("bearer token extraction follows kube-apiserver", arguments: [
        ("Bearer abc", "abc"),
        ("bearer abc", "abc"),
        ("  BEARER abc  ", "abc"),
        ("Bearer abc extra", "abc"),
        ("Bearer ", nil),
        ("Bearer", nil),
        ("Basic YWxpY2U6cHc=", nil),
        ("", nil),
    ] as [(String, String?)])
    func bearerToken(header: String, token: String?) {
        let credentials = RequestCredentials(presentedChain: [], headers: [.authorization: header])
        #expect(credentials.bearerToken == token)
    }
}
