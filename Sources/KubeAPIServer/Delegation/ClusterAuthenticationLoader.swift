import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import X509

/// Keeps the certificate trust that was not configured locally in step
/// with the cluster's `kube-system/extension-apiserver-authentication`
/// ConfigMap, which kube-apiserver publishes for exactly this purpose: the
/// client CA and the front-proxy CA, allowed names and header names that
/// kube-aggregator uses. Reading it needs the
/// `extension-apiserver-authentication-reader` Role (see `manifests/`).
final class ClusterAuthenticationLoader: Sendable {
    static let configMapPath = "/api/v1/namespaces/kube-system/configmaps/extension-apiserver-authentication"

    let client: KubernetesAPIClient
    let trust: AuthenticationTrustStore
    /// Which parts came from local files and must not be replaced.
    let useClientCA: Bool
    let useRequestHeader: Bool
    let logger: Logger
    private let loadedOnce = Atomic<Bool>(false)

    init(client: KubernetesAPIClient, trust: AuthenticationTrustStore, config: SecureAPIConfig, logger: Logger) {
        self.client = client
        self.trust = trust
        self.useClientCA = config.clientCAFile == nil
        self.useRequestHeader = config.requestHeader.clientCAFile == nil
        self.logger = logger
    }

    /// Whether there is anything to load at all.
    var isNeeded: Bool { useClientCA || useRequestHeader }

    /// Ready once the ConfigMap has been applied (or was never needed):
    /// before that, the aggregator's requests would be refused.
    var isReady: Bool { !isNeeded || loadedOnce.load(ordering: .relaxed) }

    /// Fetches and applies the ConfigMap; errors are logged and the previous
    /// trust kept, so an API server blip does not lock the HPA out.
    func refresh() async {
        do {
            let configMap = try await client.get(Self.configMapPath, as: ConfigMapObject.self)
            let update = try ClusterAuthentication(data: configMap.data ?? [:])
            apply(update)
            if !loadedOnce.exchange(true, ordering: .relaxed) {
                logger.info("loaded kube-system/extension-apiserver-authentication", metadata: [
                    "clientCA": "\(update.clientCA?.count ?? 0) certificates",
                    "requestHeaderCA": "\(update.requestHeader?.roots.count ?? 0) certificates",
                    "allowedNames": "\(update.requestHeader?.allowedNames ?? [])",
                ])
            }
        } catch {
            logger.warning("cannot load kube-system/extension-apiserver-authentication: \(error)")
        }
    }

    func apply(_ update: ClusterAuthentication) {
        trust.update { trust in
            if useClientCA {
                trust.clientCA = update.clientCA.map { ClientCertificateVerifier(roots: $0) }
            }
            if useRequestHeader {
                trust.requestHeader = update.requestHeader.map {
                    RequestHeaderTrust(roots: $0.roots, allowedNames: $0.allowedNames, usernameHeaders: $0.usernameHeaders,
                                       groupHeaders: $0.groupHeaders, extraHeaderPrefixes: $0.extraHeaderPrefixes)
                }
            }
        }
    }

    struct ConfigMapObject: Decodable {
        var data: [String: String]?
    }
}

/// The ConfigMap's contents, parsed.
struct ClusterAuthentication: Sendable {
    struct RequestHeader: Sendable {
        var roots: [Certificate]
        var allowedNames: [String]
        var usernameHeaders: [String]
        var groupHeaders: [String]
        var extraHeaderPrefixes: [String]
    }

    var clientCA: [Certificate]?
    var requestHeader: RequestHeader?

    init(data: [String: String]) throws(DelegationError) {
        func certificates(_ key: String) throws(DelegationError) -> [Certificate]? {
            guard let pem = data[key], pem.contains(where: { !$0.isWhitespace }) else { return nil }
            do {
                return try PEMFile.certificates(pem: pem, source: "extension-apiserver-authentication[\(key)]")
            } catch {
                throw DelegationError("\(error)")
            }
        }
        /// The lists are JSON arrays in a string: `["X-Remote-User"]`.
        func list(_ key: String) throws(DelegationError) -> [String] {
            guard let text = data[key], !text.isEmpty else { return [] }
            do {
                return try JSONDecoder().decode([String].self, from: Data(text.utf8))
            } catch {
                throw DelegationError("extension-apiserver-authentication[\(key)] is not a JSON string array: \(text)")
            }
        }
        clientCA = try certificates("client-ca-file")
        if let roots = try certificates("requestheader-client-ca-file") {
            requestHeader = RequestHeader(
                roots: roots, allowedNames: try list("requestheader-allowed-names"),
                usernameHeaders: try list("requestheader-username-headers"),
                groupHeaders: try list("requestheader-group-headers"),
                extraHeaderPrefixes: try list("requestheader-extra-headers-prefix"))
        }
    }
}

/// Runs delegation's background work under the application's service
/// group: refreshing the cluster's authentication ConfigMap every minute
/// (every few seconds until the first load, which readiness waits for),
/// and shutting the API client down at the end.
struct DelegationService: Service {
    let client: KubernetesAPIClient
    let loader: ClusterAuthenticationLoader?
    var refreshInterval: Duration = .seconds(60)
    var retryInterval: Duration = .seconds(5)

    func run() async throws {
        if let loader, loader.isNeeded {
            try? await cancelWhenGracefulShutdown {
                while !Task.isCancelled {
                    await loader.refresh()
                    try await Task.sleep(for: loader.isReady ? refreshInterval : retryInterval)
                }
            }
        } else {
            try? await gracefulShutdown()
        }
        await client.shutdown()
    }
}
