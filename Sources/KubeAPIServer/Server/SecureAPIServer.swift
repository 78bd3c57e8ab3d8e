import Hummingbird
import HummingbirdCore
import KubeMetricsAPI
import Logging
import NIOCore
import NIOSSL
import SwiftASN1
import ServiceLifecycle
import X509

/// The HTTPS listener kube-aggregator talks to: TLS, Kubernetes-style
/// authentication and authorization, and the metrics APIs of
/// `KubeMetricsService` behind them.
///
/// `init` reads and checks every file the configuration names (so a bad
/// path fails at start with its name); `makeApplication()` builds the
/// Hummingbird application, a swift-service-lifecycle `Service` to run.
public struct SecureAPIServer: Sendable {
    public let config: SecureAPIConfig
    /// What the server presents; `identity.generatedAuthorityPEM` is the CA
    /// to trust when the certificate was generated.
    public let identity: ServingIdentity

    private let service: KubeMetricsService
    private let readiness: @Sendable () -> Bool
    private let logger: Logger
    private let inCluster: InClusterEnvironment?
    private let onServerRunning: @Sendable (Int) async -> Void
    private let observer: RequestObserver?

    /// Called once per answered request with a low-cardinality route
    /// (`/apis/<group>/<version>`, `/openapi`, health paths), the method, the
    /// status code and the time taken — how the server reports its own metrics.
    public typealias RequestObserver = @Sendable (_ route: String, _ method: String, _ code: Int, _ duration: Duration) -> Void
    private let baseTrust: AuthenticationTrust
    /// CAs from files, named to clients in the TLS CertificateRequest.
    private let advertisedCAs: [Certificate]
    private let tokenFile: StaticTokenFile?

    /// - Parameters:
    ///   - service: answers the metrics APIs; its `MetricQueryEvaluator` runs the queries.
    ///   - readiness: `/readyz` is 200 only while this returns true (and, when
    ///     delegating, once the cluster's authentication ConfigMap is loaded).
    ///   - inCluster: where the API server is for delegation; detected from the pod environment by default.
    ///   - onServerRunning: called with the bound port once listening (the
    ///     real port when `config.listen.port` is 0).
    /// - Throws: `SecureAPIConfigError`, `PEMFileError`, `StaticTokenFileError`,
    ///   or an error generating the self-signed certificate.
    public init(config: SecureAPIConfig, service: KubeMetricsService, readiness: @escaping @Sendable () -> Bool = { true },
                logger: Logger, inCluster: InClusterEnvironment? = InClusterEnvironment.detect(),
                onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in },
                observer: RequestObserver? = nil) throws {
        try config.validate()
        self.config = config
        self.service = service
        self.readiness = readiness
        self.logger = logger
        self.inCluster = config.delegated ? inCluster : nil
        self.onServerRunning = onServerRunning
        self.observer = observer
        if let files = config.tls {
            identity = try ServingIdentity.load(files)
        } else {
            identity = try ServingIdentity.generate(names: config.selfSigned)
            logger.info("generated a self-signed serving certificate (no tls certFile/keyFile configured)")
        }
        var trust = AuthenticationTrust()
        var advertised: [Certificate] = []
        if let path = config.clientCAFile {
            let roots = try PEMFile.certificates(path)
            trust.clientCA = ClientCertificateVerifier(roots: roots)
            advertised += roots
        }
        if let path = config.requestHeader.clientCAFile {
            let roots = try PEMFile.certificates(path)
            let header = config.requestHeader
            trust.requestHeader = RequestHeaderTrust(
                roots: roots, allowedNames: header.allowedNames, usernameHeaders: header.usernameHeaders,
                groupHeaders: header.groupHeaders, extraHeaderPrefixes: header.extraHeadersPrefix)
            advertised += roots
        }
        self.baseTrust = trust
        self.advertisedCAs = advertised
        self.tokenFile = try config.tokenAuthFile.map { path throws(StaticTokenFileError) in try StaticTokenFile(path: path) }
        if config.delegated && self.inCluster == nil {
            logger.warning("""
                secure API: delegated authentication/authorization is configured but this is not a pod \
                (KUBERNETES_SERVICE_HOST/PORT or the service account token and CA are missing); \
                using only local credentials and the static allow-list
                """)
        }
    }

    /// Builds the application. Run it (`runService()` or in a
    /// `ServiceGroup`): when delegating it owns an HTTP client that only
    /// shuts down with it.
    public func makeApplication() throws -> some ApplicationProtocol {
        let trust = AuthenticationTrustStore(baseTrust)
        var services: [any Service] = []
        var tokenReviewer: (any TokenReviewing)?
        var accessReviewer: (any SubjectAccessReviewing)?
        var loader: ClusterAuthenticationLoader?
        if let inCluster {
            let client = try KubernetesAPIClient(environment: inCluster)
            tokenReviewer = DelegatedTokenReviewer(client: client)
            accessReviewer = DelegatedAccessReviewer(client: client)
            let clusterLoader = ClusterAuthenticationLoader(client: client, trust: trust, config: config, logger: logger)
            loader = clusterLoader
            services.append(DelegationService(client: client, loader: clusterLoader))
        }
        let readiness = self.readiness
        let clusterLoader = loader
        let responder = SecureAPIResponder(
            observer: observer,
            service: service,
            authenticator: RequestAuthenticator(trust: trust, tokenFile: tokenFile, tokenReviewer: tokenReviewer),
            authorizer: RequestAuthorizer(config: config.authorization, reviewer: accessReviewer),
            readiness: { readiness() && (clusterLoader?.isReady ?? true) })

        // Certificates are requested whenever some CA may vouch for one,
        // including CAs that delegation will only learn later.
        let requestsClientCertificates = baseTrust.acceptsClientCertificates || loader?.isNeeded == true
        let sslContext = try makeSSLContext(requestsClientCertificates: requestsClientCertificates)
        let server = HTTPServerBuilder { httpResponder in
            ClientCertificateTLSChannel(
                base: HTTP1Channel(responder: httpResponder, configuration: .init(idleTimeout: .seconds(120))),
                sslContext: sslContext, requestsClientCertificates: requestsClientCertificates)
        }
        let onServerRunning = self.onServerRunning
        let logger = self.logger
        let listen = config.listen
        return Application(
            responder: responder,
            server: server,
            configuration: ApplicationConfiguration(address: .hostname(listen.host, port: listen.port), serverName: nil),
            services: services,
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? listen.port
                logger.info("secure API listening", metadata: ["address": "\(ListenAddress(host: listen.host, port: port))"])
                await onServerRunning(port)
            },
            logger: logger)
    }

    private func makeSSLContext(requestsClientCertificates: Bool) throws -> NIOSSLContext {
        let chain = try NIOSSLCertificate.fromPEMBytes(Array(identity.certificateChainPEM.utf8))
        let key = try NIOSSLPrivateKey(bytes: Array(identity.privateKeyPEM.utf8), format: .pem)
        var tls = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        tls.minimumTLSVersion = .tlsv12
        tls.applicationProtocols = ["http/1.1"]
        // How long closing a connection waits for the client's close_notify
        // (NIOSSL's default is 5 s); Go servers such as kube-apiserver do not
        // wait at all, and waiting only delays a graceful shutdown.
        tls.shutdownTimeout = .seconds(1)
        if requestsClientCertificates {
            // Optional: a client without a certificate may still bring a token.
            tls.certificateVerification = .optionalVerification
            let advertised = try advertisedCAs.map { try NIOSSLCertificate(bytes: try $0.derBytes(), format: .der) }
            tls.trustRoots = .certificates(advertised)
            tls.sendCANameList = !advertised.isEmpty
        }
        return try NIOSSLContext(configuration: tls)
    }
}

extension Certificate {
    func derBytes() throws -> [UInt8] {
        var serializer = DER.Serializer()
        try serializer.serialize(self)
        return serializer.serializedBytes
    }
}
