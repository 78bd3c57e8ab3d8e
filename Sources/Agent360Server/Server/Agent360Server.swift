import Exposition
import Hummingbird
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
    let queries: QueryService
    let rules: RulesEngine?

    /// Throws when a rule expression does not parse (`check-config` reports
    /// the same error with its line before this point is ever reached).
    public init(config: Agent360Config, logger: Logger, metrics: SelfMetrics = SelfMetrics()) throws(ConfigError) {
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
        self.queries = QueryService(config: config.query, store: store)
        let groups = try config.rules.groups.map { group throws(ConfigError) in try RecordingRuleGroup(group) }
        self.rules = groups.isEmpty ? nil : RulesEngine(groups: groups, queries: queries, registry: metrics.registry, logger: logger)
    }

    /// Runs until SIGTERM/SIGINT, then shuts down gracefully.
    public func run() async throws {
        var configuration = ServiceGroupConfiguration(
            services: makeServices().map { .init(service: $0) },
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger
        )
        configuration.maximumGracefulShutdownDuration = config.server.shutdownGracePeriod.swiftDuration
        let group = ServiceGroup(configuration: configuration)
        try await group.run()
    }

    /// Every long-running part of the server, in start order.
    public func makeServices() -> [any Service] {
        var services: [any Service] = []
        if let resources { services.append(resources) }
        services.append(RetentionService(store: store, every: .seconds(60), logger: logger))
        if let rules { services.append(RulesService(engine: rules, delay: config.rules.evaluationDelay.milliseconds)) }
        services.append(makePlainApplication())
        return services
    }

    /// The plain HTTP listener (`/metrics`, health, and later the data APIs).
    public func makePlainApplication() -> some ApplicationProtocol {
        let router = makePlainRouter()
        let readiness = self.readiness
        let logger = self.logger
        return Application(
            router: router,
            configuration: .init(
                address: .hostname(config.server.listen.host, port: config.server.listen.port),
                serverName: "agent360"
            ),
            onServerRunning: { channel in
                readiness.mark(.listening)
                logger.info("agent360 listening", metadata: ["address": "\(channel.localAddress?.description ?? "?")"])
            },
            logger: logger
        )
    }

    public func makePlainRouter() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.middlewares.add(RequestMetricsMiddleware(metrics: metrics))
        HealthRoutes.add(to: router, readiness: readiness)
        MetricsRoute(sources: metricSources()).add(to: router)
        if config.remoteWrite.enabled {
            var limits = RemoteWriteLimits.default
            limits.maxBodyBytes = config.remoteWrite.maxBodyBytes
            limits.maxDecompressedBytes = config.remoteWrite.maxDecompressedBytes
            RemoteWriteRoute(receiver: RemoteWriteReceiver(limits: limits), store: store,
                             metrics: remoteWriteMetrics, maxBodyBytes: config.remoteWrite.maxBodyBytes)
                .add(to: router)
        }
        QueryAPIRoutes(queries: queries, rules: rules).add(to: router)
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
        if let rules {
            sources.append { RecordedSignalFamilies.families(rules.latestResults(prefix: "agent360_")) }
        }
        return sources
    }
}
