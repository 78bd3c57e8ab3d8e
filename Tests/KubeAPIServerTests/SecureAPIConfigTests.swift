import Testing

@testable import KubeAPIServer

@Suite("Secure API configuration")
struct SecureAPIConfigTests {
    @Test("defaults: 0.0.0.0:6443, generated certificate, X-Remote-* headers, the HPA's identities")
    func defaults() throws {
        let config = SecureAPIConfig()
        #expect(config.listen == ListenAddress(host: "0.0.0.0", port: 6443))
        #expect(config.tls == nil)
        #expect(config.requestHeader.usernameHeaders == ["X-Remote-User"])
        #expect(config.requestHeader.groupHeaders == ["X-Remote-Group"])
        #expect(config.requestHeader.extraHeadersPrefix == ["X-Remote-Extra-"])
        #expect(config.requestHeader.allowedNames.isEmpty)
        #expect(config.authorization.allowedUsers == [
            "system:serviceaccount:kube-system:horizontal-pod-autoscaler", "system:kube-controller-manager",
        ])
        #expect(config.authorization.allowedGroups == ["system:masters"])
        #expect(!config.delegated)
        try config.validate()
    }

    @Test("listen addresses", arguments: [
        ("0.0.0.0:6443", ListenAddress(host: "0.0.0.0", port: 6443)),
        (":8443", ListenAddress(host: "0.0.0.0", port: 8443)),
        ("[::]:6443", ListenAddress(host: "::", port: 6443)),
        ("127.0.0.1:0", ListenAddress(host: "127.0.0.1", port: 0)),
    ])
    func listenAddress(text: String, expected: ListenAddress) throws {
        #expect(try ListenAddress(parsing: text) == expected)
    }

    @Test("bad listen addresses", arguments: ["6443", "host:", "host:70000", "::1:6443", "[::1:6443", "host:port"])
    func badListenAddress(text: String) {
        #expect(throws: SecureAPIConfigError.self) { try ListenAddress(parsing: text) }
    }

    @Test("kube-apiserver flags: files, lists (comma-separated; first use replaces, repeats append)")
    func flags() throws {
        var config = SecureAPIConfig()
        try config.apply(flags: [
            ("--tls-cert-file", "/tls/tls.crt"),
            ("--tls-private-key-file", "/tls/tls.key"),
            ("--client-ca-file", "/ca/client.crt"),
            ("--requestheader-client-ca-file", "/ca/front-proxy.crt"),
            ("--requestheader-allowed-names", "front-proxy-client, aggregator"),
            ("--requestheader-allowed-names", "other"),
            ("--requestheader-username-headers", "X-Remote-User"),
            ("--requestheader-group-headers", "X-Remote-Group,X-Groups"),
            ("--requestheader-extra-headers-prefix", "X-Remote-Extra-"),
            ("token-auth-file", "/tokens.csv"),
            ("--secure-listen", "[::]:9443"),
        ])
        #expect(config.tls == TLSFiles(certFile: "/tls/tls.crt", keyFile: "/tls/tls.key"))
        #expect(config.clientCAFile == "/ca/client.crt")
        #expect(config.requestHeader.clientCAFile == "/ca/front-proxy.crt")
        #expect(config.requestHeader.allowedNames == ["front-proxy-client", "aggregator", "other"])
        #expect(config.requestHeader.groupHeaders == ["X-Remote-Group", "X-Groups"])
        #expect(config.tokenAuthFile == "/tokens.csv")
        #expect(config.listen == ListenAddress(host: "::", port: 9443))
        try config.validate()

        try config.apply(flag: "--secure-port", value: "7443")
        try config.apply(flag: "--bind-address", value: "127.0.0.1")
        #expect(config.listen == ListenAddress(host: "127.0.0.1", port: 7443))
    }

    @Test("flag errors name the flag")
    func flagErrors() {
        var config = SecureAPIConfig()
        let unknown = #expect(throws: SecureAPIConfigError.self) { try config.apply(flag: "--tls-cert", value: "x") }
        #expect(unknown?.description.hasPrefix("unknown secure API flag --tls-cert (known: --secure-listen") == true)
        let port = #expect(throws: SecureAPIConfigError.self) { try config.apply(flag: "--secure-port", value: "https") }
        #expect(port?.description == "invalid value \"https\" for --secure-port: a port is a number in 0...65535")
    }

    @Test("validation: half a serving certificate, bad header names, front proxy without username headers")
    func validation() throws {
        var config = SecureAPIConfig()
        try config.apply(flag: "--tls-cert-file", value: "/tls.crt")
        #expect(throws: SecureAPIConfigError.incompleteTLS(missing: "--tls-private-key-file")) { try config.validate() }

        config = SecureAPIConfig()
        config.requestHeader.groupHeaders = ["X Remote Group"]
        let header = #expect(throws: SecureAPIConfigError.self) { try config.validate() }
        #expect(header?.description == "requestheader-group-headers: \"X Remote Group\" is not a valid HTTP header name")

        config = SecureAPIConfig(requestHeader: RequestHeaderConfig(clientCAFile: "/ca.crt", usernameHeaders: []))
        #expect(throws: SecureAPIConfigError.missingUsernameHeaders) { try config.validate() }
    }
}
