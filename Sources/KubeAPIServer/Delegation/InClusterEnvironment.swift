import Foundation

/// Where the Kubernetes API server is and how to talk to it from a pod:
/// the `KUBERNETES_SERVICE_HOST`/`_PORT` variables and the mounted service
/// account token and CA, as client-go's `rest.InClusterConfig` reads them.
public struct InClusterEnvironment: Sendable, Equatable {
    public static let serviceAccountDirectory = "/var/run/secrets/kubernetes.io/serviceaccount"

    public var host: String
    public var port: Int
    /// Re-read before each use: projected service account tokens rotate.
    public var tokenFile: String
    public var caFile: String

    public init(host: String, port: Int, tokenFile: String, caFile: String) {
        self.host = host
        self.port = port
        self.tokenFile = tokenFile
        self.caFile = caFile
    }

    /// The in-cluster settings, or nil outside a pod (variables unset or the
    /// service account files missing).
    public static func detect(environment: [String: String] = ProcessInfo.processInfo.environment,
                              serviceAccountDirectory: String = serviceAccountDirectory) -> InClusterEnvironment? {
        guard let host = environment["KUBERNETES_SERVICE_HOST"], !host.isEmpty,
              let portText = environment["KUBERNETES_SERVICE_PORT"], let port = Int(portText)
        else { return nil }
        let tokenFile = serviceAccountDirectory + "/token"
        let caFile = serviceAccountDirectory + "/ca.crt"
        guard FileManager.default.isReadableFile(atPath: tokenFile), FileManager.default.isReadableFile(atPath: caFile) else {
            return nil
        }
        return InClusterEnvironment(host: host, port: port, tokenFile: tokenFile, caFile: caFile)
    }

    /// `https://host:port`, with brackets around an IPv6 host.
    var baseURL: String {
        host.contains(":") ? "https://[\(host)]:\(port)" : "https://\(host):\(port)"
    }
}
