import KubeAPIServer
import Logging

/// Everything `agent360 serve` can be told, with the defaults a newcomer gets
/// from the embedded configuration.
public struct Agent360Config: Sendable, Equatable {
    public var server = ServerConfig()
    public var collectors = CollectorsConfig()
    public var storage = StorageConfig()
    public var remoteWrite = RemoteWriteConfig()
    public var query = QueryConfig()
    public var rules = RulesConfig()
    public var kubernetes = KubeAPIConfig()
    public var scaling = ScalingConfig()
    public var recommendations = RecommendationsConfig()
    public var cost = CostConfig()

    public init() {}
}

/// The plain HTTP listener and process-wide settings.
public struct ServerConfig: Sendable, Equatable {
    /// Plain HTTP: `/metrics`, health, remote write and the query API.
    public var listen = HostPort(host: "0.0.0.0", port: 9360)
    public var logLevel: Logger.Level = .info
    /// How long in-flight requests may take to finish after SIGTERM.
    public var shutdownGracePeriod = ConfigDuration.seconds(10)
    /// A connection with no traffic this long is closed, so idle or stalled
    /// clients cannot hold connections (and their memory) forever.
    public var idleTimeout = ConfigDuration.minutes(2)
    /// A request must arrive whole (head and body) this long after its first
    /// byte, so a client trickling bytes (slowloris) cannot hold a connection.
    public var readTimeout = ConfigDuration.minutes(1)
    /// A Prometheus exporter-toolkit web configuration (TLS, basic-auth
    /// users, headers) for the plain listener; nil serves plain HTTP to anyone.
    public var webConfigFile: String?

    public init() {}
}

/// The cgroup/proc resource collectors behind the agent360_cpu_* and
/// agent360_memory_* signals.
public struct CollectorsConfig: Sendable, Equatable {
    public var enabled = true
    /// Utilization is the usage rate over this interval.
    public var interval = ConfigDuration.seconds(5)
    /// Where `/proc` and `/sys/fs/cgroup` are read; `/host` when a sidecar
    /// mounts the node's root there.
    public var rootPath = "/"
    public var diskMountPoints = ["/"]
    /// Interfaces left out of the network counters.
    public var excludeNetworkDevices: [String] = []

    public init() {}
}
