import ArgumentParser

/// The flags Kubernetes API servers use, so operators can configure
/// agent360's secure listener the way they configure metrics-server or
/// prometheus-adapter.
struct KubeAPIFlags: ParsableArguments {
    @Option(name: .customLong("secure-listen"), help: "HTTPS listen address for the metrics APIs (default 0.0.0.0:6443).")
    var secureListen: String?

    @Option(name: .customLong("tls-cert-file"), help: "Serving certificate (PEM); a self-signed one is made without it.")
    var tlsCertFile: String?

    @Option(name: .customLong("tls-private-key-file"), help: "Serving key (PEM).")
    var tlsPrivateKeyFile: String?

    @Option(name: .customLong("client-ca-file"), help: "CA for client certificates (user = CN, groups = O).")
    var clientCAFile: String?

    @Option(name: .customLong("requestheader-client-ca-file"), help: "CA of the front proxy (kube-aggregator) client certificate.")
    var requestheaderClientCAFile: String?

    @Option(name: .customLong("requestheader-allowed-names"), help: "Allowed front-proxy certificate CNs (comma list; empty = any).")
    var requestheaderAllowedNames: [String] = []

    @Option(name: .customLong("requestheader-username-headers"), help: "Headers carrying the user name (comma list).")
    var requestheaderUsernameHeaders: [String] = []

    @Option(name: .customLong("requestheader-group-headers"), help: "Headers carrying the groups (comma list).")
    var requestheaderGroupHeaders: [String] = []

    @Option(name: .customLong("requestheader-extra-headers-prefix"), help: "Header prefixes carrying extra user info (comma list).")
    var requestheaderExtraHeadersPrefix: [String] = []

    @Option(name: .customLong("token-auth-file"), help: "Static bearer tokens in kube-apiserver's CSV format.")
    var tokenAuthFile: String?

    /// The given flags as (name, value) pairs, in kube-apiserver's terms.
    var flags: [(name: String, value: String)] {
        var flags: [(String, String)] = []
        func single(_ name: String, _ value: String?) { if let value { flags.append((name, value)) } }
        single("secure-listen", secureListen)
        single("tls-cert-file", tlsCertFile)
        single("tls-private-key-file", tlsPrivateKeyFile)
        single("client-ca-file", clientCAFile)
        single("requestheader-client-ca-file", requestheaderClientCAFile)
        for value in requestheaderAllowedNames { flags.append(("requestheader-allowed-names", value)) }
        for value in requestheaderUsernameHeaders { flags.append(("requestheader-username-headers", value)) }
        for value in requestheaderGroupHeaders { flags.append(("requestheader-group-headers", value)) }
        for value in requestheaderExtraHeadersPrefix { flags.append(("requestheader-extra-headers-prefix", value)) }
        single("token-auth-file", tokenAuthFile)
        return flags
    }
}
