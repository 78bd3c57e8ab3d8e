import Foundation

/// Certificates made with the `openssl` command line, as an operator would
/// make them, for the Kubernetes API tests.
struct OpenSSLPKI {
    let directory: URL

    init() throws {
        directory = try Paths.temporaryDirectory("pki")
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// A self-signed CA: returns its certificate path.
    func certificateAuthority(_ name: String) throws -> String {
        try openssl(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                     "-keyout", path("\(name).key"), "-out", path("\(name).crt"), "-days", "2", "-subj", "/CN=\(name)"])
        return path("\(name).crt")
    }

    /// A client certificate (clientAuth usage) signed by `ca`: returns (cert, key) paths.
    func clientCertificate(_ name: String, commonName: String, organizations: [String] = [], ca: String) throws -> (String, String) {
        let subject = "/CN=\(commonName)" + organizations.map { "/O=\($0)" }.joined()
        try openssl(["req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                     "-keyout", path("\(name).key"), "-out", path("\(name).csr"), "-subj", subject])
        let extensions = path("\(name).ext")
        try "extendedKeyUsage=clientAuth\nkeyUsage=digitalSignature\n".write(toFile: extensions, atomically: true, encoding: .utf8)
        try openssl(["x509", "-req", "-in", path("\(name).csr"), "-CA", path("\(ca).crt"), "-CAkey", path("\(ca).key"),
                     "-CAcreateserial", "-out", path("\(name).crt"), "-days", "1", "-extfile", extensions])
        return (path("\(name).crt"), path("\(name).key"))
    }

    /// A serving certificate (serverAuth usage) for 127.0.0.1 and localhost
    /// signed by `ca`: returns (cert, key) paths.
    func serverCertificate(_ name: String, ca: String) throws -> (String, String) {
        try openssl(["req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                     "-keyout", path("\(name).key"), "-out", path("\(name).csr"), "-subj", "/CN=\(name)"])
        let extensions = path("\(name).ext")
        try "extendedKeyUsage=serverAuth\nkeyUsage=digitalSignature\nsubjectAltName=IP:127.0.0.1,DNS:localhost\n"
            .write(toFile: extensions, atomically: true, encoding: .utf8)
        try openssl(["x509", "-req", "-in", path("\(name).csr"), "-CA", path("\(ca).crt"), "-CAkey", path("\(ca).key"),
                     "-CAcreateserial", "-out", path("\(name).crt"), "-days", "1", "-extfile", extensions])
        return (path("\(name).crt"), path("\(name).key"))
    }

    private func openssl(_ arguments: [String]) throws {
        let result = try runCommand("/usr/bin/openssl", arguments)
        guard result.status == 0 else { throw TestFailure("openssl \(arguments.first ?? ""): \(result.output)") }
    }

    /// A kubeconfig for agent360's secure listener (its certificate is self-signed).
    func kubeconfig(_ name: String, server: String, token: String? = nil, certificate: (String, String)? = nil) throws -> String {
        var user = ""
        if let token { user = "    token: \(token)" }
        if let (cert, key) = certificate { user = "    client-certificate: \(cert)\n    client-key: \(key)" }
        let yaml = """
        apiVersion: v1
        kind: Config
        clusters:
        - name: agent360
          cluster:
            server: \(server)
            insecure-skip-tls-verify: true
        users:
        - name: user
          user:
        \(user)
        contexts:
        - name: agent360
          context: {cluster: agent360, user: user}
        current-context: agent360

        """
        try yaml.write(toFile: path("\(name).kubeconfig"), atomically: true, encoding: .utf8)
        return path("\(name).kubeconfig")
    }
}

/// `kubectl get --raw PATH` with a kubeconfig; returns exit status and output.
func kubectlRaw(_ kubeconfig: String, _ path: String) throws -> (status: Int32, output: String) {
    try runCommand("/usr/bin/env", ["HOME=/tmp", "kubectl", "--kubeconfig", kubeconfig, "get", "--raw", path])
}
