import Exposition
import Hummingbird
import HummingbirdCore
import KubeAPIServer
import KubeMetricsAPI
import ListenerSecurity
import Logging
import PromQL
import RemoteWrite
import ServiceLifecycle
import TSDB

/// The `agent360 serve` process: listeners and background loops in one
/// `ServiceGroup`, so SIGTERM drains requests and stops loops in order.
public struct Agent360Server: Sendable {
    public let config: Agent360Config
    public let logger: Logger
    public let metrics: SelfMetrics
    public let readiness: Readiness
    public let resources: ResourceCollectionService?
    /// The in-memory series store fed by remote write and recording rules.
    public let store: MemoryStore
    let remoteWriteMetrics: RemoteWriteMetrics
    /// Decodes `/api/v1/write` bodies with the configured decoder and limits.
    public let remoteWriteReceiver: RemoteWriteReceiver
    let queries: QueryService
    /// Bounds the HTTP query API's concurrent queries (not the Kubernetes APIs').
    let queryGate: QueryGate
    let rules: RulesEngine?
    let kubeMetrics: KubeMetricsService?
    let scaling: ScalingComponents
    /// TLS and basic auth on the plain listener (`server.webConfigFile`).
    let webSecurity: WebSecurity?
    /// The WAL and checkpoints; nil until `openStorage`, and for memory only.
    public private(set) var storage: DurableStorage?
    private var storageMetrics: StorageMetrics?

    /// Throws when a rule expression does not parse (`check-config` reports
    /// the same error with its line before this point is ever reached).
    public init(config: Agent360Config, logger: Logger, metrics: SelfMetrics = SelfMetrics()) throws(ConfigError) {
        var config = config
        if config.scaling.hpa?.autoscalers.isEmpty == true { try config.loadScalingFiles(relativeTo: nil) }
        self.config = config
        self.logger = logger
        self.metrics = metrics
        var conditions: Set<Readiness.Condition> = [.listening]
        if config.collectors.enabled { conditions.insert(.resourcesCollected) }
        self.readiness = Readiness(waitingFor: conditions)
        self.resources = config.collectors.enabled
            ? ResourceCollectionService(config: config.collectors, readiness: readiness, logger: logger)
            : nil
        self.store = MemoryStore(options: StoreOptions(
            retention: config.storage.retention.milliseconds,
            maxActiveSeries: config.storage.maxActiveSeries,
            exemplarCapacity: config.storage.maxExemplars
        ))
        self.remoteWriteMetrics = RemoteWriteMetrics(registry: metrics.registry)
        var limits = RemoteWriteLimits.default
        limits.maxBodyBytes = config.remoteWrite.maxBodyBytes
        limits.maxDecompressedBytes = config.remoteWrite.maxDecompressedBytes
        self.remoteWriteReceiver = RemoteWriteReceiver(limits: limits, decoding: config.remoteWrite.decoder)
        self.queries = QueryService(config: config.query, store: store)
        self.queryGate = QueryGate(maxConcurrency: config.query.maxConcurrency, maxQueued: config.query.maxQueued)
        let groups = try config.rules.groups.map { group throws(ConfigError) in try RecordingRuleGroup(group) }
        self.rules = groups.isEmpty ? nil : RulesEngine(groups: groups, queries: queries, registry: metrics.registry, logger: logger)
        self.kubeMetrics = try Self.makeKubeMetrics(config, queries: queries, logger: logger)
        self.scaling = ScalingComponents(config: config, queries: queries, resources: resources, logger: logger)
        self.webSecurity = try config.server.webConfigFile.map { path throws(ConfigError) in
            let web = try WebConfigFile.load(path: path)
            do {
                return try WebSecurity(web)
            } catch {
                throw ConfigError.invalidValue("server.webConfigFile", line: nil, column: nil, "\(path): \(error)")
            }
        }
        if webSecurity == nil {
            logger.notice("no web configuration (server.webConfigFile): the plain listener accepts writes and queries from anyone who can reach it")
        }
    }

    /// Locks and checks `storage.path` (replay happens in the service, while
    /// the listeners already answer `/readyz` with 503). Fails for a path
    /// that cannot be created or written, or that another process holds.
    public mutating func openStorage() throws(StorageError) {
        guard !config.storage.path.isEmpty else {
            logger.warning("storage.path is empty: samples are held in memory only and a restart loses them")
            return
        }
        let opened = try DurableStorage(path: config.storage.path, store: store,
                                        options: DurabilityOptions(fsync: config.storage.fsync))
        storage = opened
        storageMetrics = StorageMetrics(storage: opened)
        readiness.require(.storageReplayed)
    }

    /// Runs until SIGTERM/SIGINT, then shuts down gracefully.
    public func run() async throws {
        var configuration = ServiceGroupConfiguration(
            services: try makeServices().map { .init(service: $0) },
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger
        )
        configuration.maximumGracefulShutdownDuration = config.server.shutdownGracePeriod.swiftDuration
        let group = ServiceGroup(configuration: configuration)
        try await group.run()
    }

    /// The Kubernetes metrics APIs over PromQL, or nil when disabled.
    static func makeKubeMetrics(_ config: Agent360Config, queries: QueryService, logger: Logger? = nil) throws(ConfigError) -> KubeMetricsService? {
        guard config.kubernetes.enabled else { return nil }
        let configuration: KubeMetricsConfiguration
        do {
            configuration = try config.kubernetes.metricsConfiguration()
        } catch {
            throw ConfigError.invalidValue("externalMetrics", line: nil, column: nil, error.description)
        }
        let executor = EvaluationExecutor.kubernetesMetrics()
        let evaluator = PromQLMetricEvaluator(
            queries: queries, executor: executor, lookbackDelta: config.query.lookbackDelta.milliseconds,
            configuredQueries: configuration.external.map(\.query) + configuration.custom.map(\.query)
                + (configuration.resource?.allQueries ?? []))
        var adapter: AdapterMetrics?
        if let adapterConfig = config.kubernetes.adapter {
            do {
                adapter = AdapterMetrics(
                    rules: try AdapterRuleSet(adapterConfig), source: StoreSeriesSource(queries: queries, executor: executor, logger: logger),
                    refreshIntervalMilliseconds: config.kubernetes.adapterRelistInterval.milliseconds,
                    seriesWindowMilliseconds: config.kubernetes.adapterSeriesMaxAge.milliseconds)
            } catch {
                throw ConfigError.invalidValue("metricsAPI.adapterConfig", line: nil, column: nil, error.description)
            }
        }
        return KubeMetricsService(configuration: configuration, evaluator: evaluator, adapter: adapter)
    }

    /// Every long-running part of the server, in start order.
    public func makeServices() throws(ConfigError) -> [any Service] {
        var services: [any Service] = []
        if let storage, let storageMetrics {
            services.append(StorageService(storage: storage, config: config.storage, readiness: readiness,
                                           metrics: storageMetrics, logger: logger))
        }
        if let resources { services.append(resources) }
        // Rules, scaling evaluations and retention: each with time to spare.
        let background = EvaluationExecutor.background(tasks: (rules?.groups.count ?? 0) + 4)
        services.append(RetentionService(store: store, every: .seconds(60), executor: background, logger: logger))
        if let rules {
            services.append(RulesService(engine: rules, delay: config.rules.evaluationDelay.milliseconds, executor: background))
        }
        services += scaling.services(on: background)
        if let webSecurity, let path = config.server.webConfigFile {
            services.append(WebConfigReloadService(path: path, security: webSecurity, every: .seconds(5), logger: logger))
        }
        services.append(makePlainApplication())
        if let secure = try makeSecureApplication() { services.append(secure) }
        return services
    }

    /// The HTTPS listener for the kube-aggregator: Kubernetes metrics APIs,
    /// discovery, OpenAPI and health, behind Kubernetes-style authentication.
    /// The plain listener never serves these APIs.
    public func makeSecureApplication() throws(ConfigError) -> (any Service)? {
        guard let kubeMetrics else { return nil }
        let readiness = self.readiness
        let logger = self.logger
        do {
            let server = try SecureAPIServer(
                config: config.kubernetes.secure, service: kubeMetrics, readiness: { readiness.isReady }, logger: logger,
                onServerRunning: { port in logger.info("Kubernetes metrics APIs listening", metadata: ["port": "\(port)"]) },
                observer: { [metrics] route, method, code, duration in
                    metrics.observeRequest(handler: route, method: method, code: code, duration: duration)
                })
            return try server.makeApplication()
        } catch {
            throw ConfigError.invalidValue("secureAPI", line: nil, column: nil, "\(error)")
        }
    }

    /// The plain HTTP listener (`/metrics`, health, and later the data APIs).
    public func makePlainApplication() -> some ApplicationProtocol {
        let router = makePlainRouter()
        let readiness = self.readiness
        let logger = self.logger
        let webSecurity = self.webSecurity
        // The parser's limit on the request line and headers sits above the
        // query API's 1 MiB query-string limit (Prometheus's, via Go), so such
        // a URL gets the API's JSON 414, not a bare 400.
        let http1 = HTTP1Channel.Configuration(
            idleTimeout: .milliseconds(config.server.idleTimeout.milliseconds),
            httpDecoderConfiguration: .init(maxHeaderFieldSize: 2 * APIResponse.maxQueryBytes,
                                            maxHeaderListSize: 2 * APIResponse.maxQueryBytes))
        return Application(
            router: router,
            server: .plainListener(http1, security: webSecurity,
                                   readTimeout: .milliseconds(config.server.readTimeout.milliseconds)),
            configuration: .init(
                address: .hostname(config.server.listen.host, port: config.server.listen.port),
                serverName: "agent360"
            ),
            onServerRunning: { channel in
                readiness.mark(.listening)
                logger.info("agent360 listening", metadata: [
                    "address": "\(channel.localAddress?.description ?? "?")",
                    "tls": "\(webSecurity?.servesTLS ?? false)",
                    "basicAuth": "\(!(webSecurity?.current.authenticator.isOpen ?? true))",
                ])
            },
            logger: logger
        )
    }

    public func makePlainRouter() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.middlewares.add(RequestMetricsMiddleware(metrics: metrics))
        if let webSecurity { router.middlewares.add(WebSecurityMiddleware(security: webSecurity)) }
        HealthRoutes.add(to: router, readiness: readiness)
        MetricsRoute(sources: metricSources()).add(to: router)
        if config.remoteWrite.enabled {
            RemoteWriteRoute(receiver: remoteWriteReceiver, store: store,
                             metrics: remoteWriteMetrics, maxBodyBytes: config.remoteWrite.maxBodyBytes)
                .add(to: router)
        }
        QueryAPIRoutes(queries: queries, rules: rules, gate: queryGate).add(to: router)
        scaling.routes.add(to: router)
        return router
    }

    /// What `/metrics` merges: the registry of agent360's own metrics and the
    /// latest resource sample.
    func metricSources() -> [@Sendable () -> [MetricFamily]] {
        let registry = metrics.registry
        var sources: [@Sendable () -> [MetricFamily]] = [
            { (try? TextFormatParser.parse(registry.emitToBuffer())) ?? [] },
        ]
        if let resources {
            sources.append { resources.latest.map(ResourceMetricFamilies.families) ?? [] }
        }
        let store = self.store
        sources.append { StoreMetricFamilies.families(store.stats) }
        if let storageMetrics { sources.append { storageMetrics.families() } }
        let queryGate = self.queryGate
        sources.append { queryGate.families() }
        if let rules {
            sources.append { RecordedSignalFamilies.families(rules.latestResults(prefix: "agent360_")) }
        }
        sources.append(scaling.metricSource)
        return sources
    }
}
