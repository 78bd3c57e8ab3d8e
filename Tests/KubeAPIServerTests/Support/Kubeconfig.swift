import Foundation

/// A kubeconfig for real clients (kubectl, the Python client), trusting
/// the server's generated CA, so TLS is verified as in a cluster.
struct Kubeconfig {
    enum Credential {
        case token(String)
        case certificate(ClientCredential)
    }

    let server: RunningServer
    let credential: Credential

    func write(in pki: TestPKI, name: String) throws -> String {
        let authority = Data((server.identity.generatedAuthorityPEM ?? "").utf8).base64EncodedString()
        let user: String
        switch credential {
        case .token(let token):
            user = "    token: \(token)"
        case .certificate(let credential):
            user = """
                    client-certificate-data: \(Data(credential.certificatePEM.utf8).base64EncodedString())
                    client-key-data: \(Data(credential.keyPEM.utf8).base64EncodedString())
                """
        }
        let yaml = """
            apiVersion: v1
            kind: Config
            clusters:
            - name: agent360
              cluster:
                server: \(server.baseURL)
                certificate-authority-data: \(authority)
            users:
            - name: tester
              user:
            \(user)
            contexts:
            - name: agent360
              context:
                cluster: agent360
                user: tester
            current-context: agent360

            """
        return try pki.write(yaml, "\(name).kubeconfig")
    }
}
