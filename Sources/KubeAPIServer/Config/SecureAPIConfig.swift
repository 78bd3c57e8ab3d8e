/// Settings of the HTTPS listener that kube-aggregator forwards
/// `external.metrics.k8s.io` and `custom.metrics.k8s.io` requests to.
///
/// Field names follow kube-apiserver's flags (see `SecureAPIConfig+Flags`)
/// so an operator who has set up one extension API server recognises every
/// knob; the defaults are what an aggregated metrics server needs when the
/// configuration says nothing.
public struct SecureAPIConfig: Sendable, Equatable {
    /// Where to listen. The aggregator reaches the pod through a Service on
    /// 443 → 6443, the port extension API servers conventionally use.
    public var listen: ListenAddress
    /// Serving certificate and key (`--tls-cert-file`, `--tls-private-key-file`).
    /// nil: a self-signed certificate is generated at start, which the
    /// aggregator accepts when the APIService says `insecureSkipTLSVerify`.
    public var tls: TLSFiles?
    /// Extra DNS names for the generated certificate, usually the Service
    /// that fronts the pod; ignored when `tls` is set.
    public var selfSigned: SelfSignedNames
    /// CA bundle for ordinary client certificates (`--client-ca-file`):
    /// a verified certificate authenticates as its CN with its O values as groups.
    public var clientCAFile: String?
    /// How the aggregator's front-proxy identity is recognised.
    public var requestHeader: RequestHeaderConfig
    /// Static bearer tokens (`--token-auth-file`), for `kubectl get --raw`
    /// against the pod directly and for tests.
    public var tokenAuthFile: String?
    /// In a cluster, ask the API server: TokenReview for unknown bearer
    /// tokens, SubjectAccessReview for authorization, and the
    /// `kube-system/extension-apiserver-authentication` ConfigMap for the
    /// CAs and header names that are not configured here. Ignored (with a
    /// warning) outside a cluster.
    public var delegated: Bool
    /// Who may read metrics when the decision is not delegated (and, as a
    /// fast path, before asking the API server when it is).
    public var authorization: AuthorizationConfig

    public init(
        listen: ListenAddress = ListenAddress(),
        tls: TLSFiles? = nil,
        selfSigned: SelfSignedNames = SelfSignedNames(),
        clientCAFile: String? = nil,
        requestHeader: RequestHeaderConfig = RequestHeaderConfig(),
        tokenAuthFile: String? = nil,
        delegated: Bool = false,
        authorization: AuthorizationConfig = AuthorizationConfig()
    ) {
        self.listen = listen
        self.tls = tls
        self.selfSigned = selfSigned
        self.clientCAFile = clientCAFile
        self.requestHeader = requestHeader
        self.tokenAuthFile = tokenAuthFile
        self.delegated = delegated
        self.authorization = authorization
    }
}

/// Host and port of a listening socket.
public struct ListenAddress: Sendable, Equatable, CustomStringConvertible {
    /// `0.0.0.0` (all IPv4 interfaces) by default, as in a pod any
    /// interface is the pod's own.
    public var host: String
    /// 0 binds an ephemeral port (tests read it back from `onServerRunning`).
    public var port: Int

    public init(host: String = "0.0.0.0", port: Int = 6443) {
        self.host = host
        self.port = port
    }

    /// Parses `host:port`, `[::1]:6443` and `:6443` (all interfaces).
    public init(parsing text: String) throws(SecureAPIConfigError) {
        let invalid = SecureAPIConfigError.invalidListenAddress(text)
        guard let colon = text.lastIndex(of: ":") else { throw invalid }
        var host = String(text[..<colon])
        let portText = text[text.index(after: colon)...]
        guard let port = Int(portText), (0...65535).contains(port) else { throw invalid }
        if host.hasPrefix("[") {
            guard host.hasSuffix("]"), host.count > 2 else { throw invalid }
            host = String(host.dropFirst().dropLast())
        } else if host.contains(":") {
            throw invalid  // an IPv6 address needs brackets
        }
        self.init(host: host.isEmpty ? "0.0.0.0" : host, port: port)
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}

/// PEM files of the serving certificate (chain, leaf first) and its key.
public struct TLSFiles: Sendable, Equatable {
    public var certFile: String
    public var keyFile: String

    public init(certFile: String, keyFile: String) {
        self.certFile = certFile
        self.keyFile = keyFile
    }
}

/// Names the generated serving certificate is valid for, beyond
/// localhost, 127.0.0.1, ::1 and the host name.
public struct SelfSignedNames: Sendable, Equatable {
    /// With `serviceNamespace`, adds `<name>`, `<name>.<ns>`, `<name>.<ns>.svc`
    /// and `<name>.<ns>.svc.cluster.local`: the names the aggregator dials.
    public var serviceName: String?
    public var serviceNamespace: String?
    /// Any further DNS names or IP addresses.
    public var extraNames: [String]

    public init(serviceName: String? = nil, serviceNamespace: String? = nil, extraNames: [String] = []) {
        self.serviceName = serviceName
        self.serviceNamespace = serviceNamespace
        self.extraNames = extraNames
    }
}

/// The front-proxy (request-header) authentication of kube-aggregator.
///
/// The aggregator authenticates users itself, then forwards the request
/// with a client certificate signed by the front-proxy CA and the user in
/// headers. Headers are believed only on a connection whose certificate
/// chains to `clientCAFile`, since anyone can send headers.
public struct RequestHeaderConfig: Sendable, Equatable {
    /// `--requestheader-client-ca-file`; nil disables front-proxy
    /// authentication unless delegation supplies the CA.
    public var clientCAFile: String?
    /// `--requestheader-allowed-names`: accepted front-proxy certificate
    /// CNs (kubeadm uses `front-proxy-client`); empty accepts any CN.
    public var allowedNames: [String]
    /// `--requestheader-username-headers`: the first non-empty one names the user.
    public var usernameHeaders: [String]
    /// `--requestheader-group-headers`: every value of every header is one group.
    public var groupHeaders: [String]
    /// `--requestheader-extra-headers-prefix`: `X-Remote-Extra-Scopes: a`
    /// becomes extra `scopes: [a]`.
    public var extraHeadersPrefix: [String]

    public init(
        clientCAFile: String? = nil,
        allowedNames: [String] = [],
        usernameHeaders: [String] = ["X-Remote-User"],
        groupHeaders: [String] = ["X-Remote-Group"],
        extraHeadersPrefix: [String] = ["X-Remote-Extra-"]
    ) {
        self.clientCAFile = clientCAFile
        self.allowedNames = allowedNames
        self.usernameHeaders = usernameHeaders
        self.groupHeaders = groupHeaders
        self.extraHeadersPrefix = extraHeadersPrefix
    }
}

/// The static authorization policy: any listed user, or any member of a
/// listed group, may read every metric.
public struct AuthorizationConfig: Sendable, Equatable {
    /// The HPA controller asks as its service account when kube-controller-manager
    /// runs with `--use-service-account-credentials` (kubeadm's default), and
    /// as `system:kube-controller-manager` when it does not.
    public static let defaultUsers = [
        "system:serviceaccount:kube-system:horizontal-pod-autoscaler",
        "system:kube-controller-manager",
    ]
    /// `system:masters` is the cluster-admin group kube-apiserver itself
    /// never denies; kube-aggregator's availability checks use it too.
    public static let defaultGroups = ["system:masters"]

    public var allowedUsers: [String]
    public var allowedGroups: [String]

    public init(allowedUsers: [String] = AuthorizationConfig.defaultUsers,
                allowedGroups: [String] = AuthorizationConfig.defaultGroups) {
        self.allowedUsers = allowedUsers
        self.allowedGroups = allowedGroups
    }
}
