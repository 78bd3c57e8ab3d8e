import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOSSL
import Synchronization

@testable import KubeAPIServer

/// A tiny stand-in for kube-apiserver (no cluster runs here): answers
/// TokenReview, SubjectAccessReview and the
/// `extension-apiserver-authentication` ConfigMap over HTTPS, and records
/// what it was asked.
final class StubKubernetesAPIServer: Sendable {
    struct Recorded: Sendable {
        let path: String
        let authorization: String?
        let body: String
    }

    /// token → user; others are not authenticated.
    let tokens: [String: UserInfo]
    /// Decides SubjectAccessReviews: (user, attributes) → allowed.
    let allow: @Sendable (String, ResourceAttributes?) -> Bool
    let configMapData: [String: String]
    let requests = Mutex<[Recorded]>([])

    init(tokens: [String: UserInfo], allow: @escaping @Sendable (String, ResourceAttributes?) -> Bool,
         configMapData: [String: String]) {
        self.tokens = tokens
        self.allow = allow
        self.configMapData = configMapData
    }

    var recorded: [Recorded] { requests.withLock { $0 } }

    func count(_ pathSuffix: String) -> Int { recorded.filter { $0.path.hasSuffix(pathSuffix) }.count }

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        let stub = self
        router.post("/apis/authentication.k8s.io/v1/tokenreviews") { request, _ -> Response in
            let body = try await stub.record(request)
            let review = try JSONDecoder().decode(TokenReviewObject.self, from: Data(body.utf8))
            var answer = review
            if let user = stub.tokens[review.spec.token] {
                answer.status = .init(authenticated: true, user: UserInfoObject(
                    username: user.name, uid: user.uid, groups: user.groups, extra: user.extra))
            } else {
                answer.status = .init(authenticated: false, user: nil, error: "token is not known to the stub")
            }
            return try Self.json(answer)
        }
        router.post("/apis/authorization.k8s.io/v1/subjectaccessreviews") { request, _ -> Response in
            let body = try await stub.record(request)
            let review = try JSONDecoder().decode(SubjectAccessReviewObject.self, from: Data(body.utf8))
            var answer = review
            let allowed = stub.allow(review.spec.user, review.spec.resourceAttributes)
            answer.status = .init(allowed: allowed, denied: nil, reason: allowed ? "RBAC: allowed" : "RBAC: not allowed by the stub")
            return try Self.json(answer)
        }
        router.get("/api/v1/namespaces/kube-system/configmaps/extension-apiserver-authentication") { request, _ -> Response in
            _ = try await stub.record(request)
            let object: [String: Any] = [
                "apiVersion": "v1", "kind": "ConfigMap",
                "metadata": ["name": "extension-apiserver-authentication", "namespace": "kube-system"],
                "data": stub.configMapData,
            ]
            return Response(status: .ok, headers: [.contentType: "application/json"],
                            body: .init(byteBuffer: ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: object))))
        }
        return router
    }

    private func record(_ request: Request) async throws -> String {
        let body = String(buffer: try await request.body.collect(upTo: 1 << 20))
        requests.withLock {
            $0.append(Recorded(path: request.uri.path, authorization: request.headers[.authorization], body: body))
        }
        return body
    }

    private static func json(_ value: some Encodable) throws -> Response {
        Response(status: .created, headers: [.contentType: "application/json"],
                 body: .init(byteBuffer: ByteBuffer(bytes: try JSONEncoder().encode(value))))
    }

    /// Serves until `body` returns; passes the in-cluster settings that
    /// point at it (CA and service account token written to `pki`).
    func run<T: Sendable>(pki: TestPKI, _ body: @Sendable (InClusterEnvironment) async throws -> T) async throws -> T {
        let identity = try ServingIdentity.generate(names: SelfSignedNames(), hostName: "stub-apiserver")
        let caFile = try pki.write(identity.generatedAuthorityPEM ?? "", "apiserver-ca.crt")
        let tokenFile = try pki.write("service-account-token\n", "sa-token")
        let tls = TLSConfiguration.makeServerConfiguration(
            certificateChain: try NIOSSLCertificate.fromPEMBytes(Array(identity.certificateChainPEM.utf8)).map { .certificate($0) },
            privateKey: .privateKey(try NIOSSLPrivateKey(bytes: Array(identity.privateKeyPEM.utf8), format: .pem)))
        let sslContext = try NIOSSLContext(configuration: tls)
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        var logger = Logger(label: "test.stub-apiserver")
        logger.logLevel = .warning
        let application = Application(
            router: router(),
            server: HTTPServerBuilder { responder in
                ClientCertificateTLSChannel(base: HTTP1Channel(responder: responder), sslContext: sslContext,
                                            requestsClientCertificates: false)
            },
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) },
            logger: logger)
        return try await withRunningService(application, ports: ports, portContinuation: continuation, logger: logger) { port in
            try await body(InClusterEnvironment(host: "127.0.0.1", port: port, tokenFile: tokenFile, caFile: caFile))
        }
    }
}
