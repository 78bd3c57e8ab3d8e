import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ListenerSecurity
import Testing

@Suite("web security middleware")
struct WebSecurityMiddlewareTests {
    static func application(_ config: WebConfig) throws -> some ApplicationProtocol {
        let router = Router()
        router.middlewares.add(WebSecurityMiddleware(security: try WebSecurity(config)))
        router.get("/metrics") { _, _ in "metrics" }
        router.get("/readyz") { _, _ in "ok" }
        router.post("/api/v1/write") { _, _ in HTTPResponse.Status.noContent }
        return Application(router: router)
    }

    static let users = Result { ["prom": try BcryptHash.generate(password: "pw", cost: 4)] }

    @Test("without credentials: 401 with a Basic challenge; the route never runs")
    func challengesWithoutCredentials() async throws {
        let app = try Self.application(WebConfig(users: try Self.users.get()))
        try await app.test(.router) { client in
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate] == "Basic realm=\"agent360\", charset=\"UTF-8\"")
                #expect(String(buffer: response.body) == "Unauthorized\n")
            }
            try await client.execute(uri: "/api/v1/write", method: .post, body: ByteBuffer(string: "x")) { response in
                #expect(response.status == .unauthorized)
            }
        }
    }

    @Test("with credentials the route answers; probes need none")
    func passesWithCredentials() async throws {
        let app = try Self.application(WebConfig(users: try Self.users.get()))
        let header = "Basic " + Data("prom:pw".utf8).base64EncodedString()
        try await app.test(.router) { client in
            try await client.execute(uri: "/metrics", method: .get, headers: [.authorization: header]) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "metrics")
            }
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test("configured headers are on every answer, refusals included")
    func addsHeaders() async throws {
        let config = WebConfig(users: try Self.users.get(),
                               headers: [("X-Frame-Options", "deny"), ("Strict-Transport-Security", "max-age=31536000")])
        let app = try Self.application(config)
        try await app.test(.router) { client in
            for uri in ["/metrics", "/readyz"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "deny")
                    #expect(response.headers[HTTPField.Name("Strict-Transport-Security")!] == "max-age=31536000")
                }
            }
        }
    }

    @Test("a reloaded configuration applies to the next request; TLS cannot be switched on by a reload")
    func appliesReload() async throws {
        let security = try WebSecurity(WebConfig(users: try Self.users.get()))
        let router = Router()
        router.middlewares.add(WebSecurityMiddleware(security: security))
        router.get("/metrics") { _, _ in "metrics" }
        let app = Application(router: router)
        let header = "Basic " + Data("prom:new".utf8).base64EncodedString()
        try await app.test(.router) { client in
            try await client.execute(uri: "/metrics", method: .get, headers: [.authorization: header]) { response in
                #expect(response.status == .unauthorized)
            }
            try security.apply(WebConfig(users: ["prom": try BcryptHash.generate(password: "new", cost: 4)]))
            try await client.execute(uri: "/metrics", method: .get, headers: [.authorization: header]) { response in
                #expect(response.status == .ok)
            }
        }
        let identity = try TestCertificates.make()
        #expect(throws: WebConfigError.self) {
            try security.apply(WebConfig(tls: TLSServerConfig(certificatePEM: identity.certificate, keyPEM: identity.key)))
        }
    }
}
