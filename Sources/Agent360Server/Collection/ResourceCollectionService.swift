import Logging
import ResourceCollectors
import ServiceLifecycle
import Synchronization

/// Samples the cgroup/proc collectors every `collectors.interval`.
///
/// Scrapes read the latest sample instead of collecting themselves, so the
/// utilization ratio always covers one full interval however often Prometheus
/// scrapes, and concurrent scrapes never race on the previous reading.
public final class ResourceCollectionService: Service, Sendable {
    private let sampler: ResourceSampler
    private let interval: Duration
    private let readiness: Readiness
    private let logger: Logger
    private let latestSignals = Mutex<ResourceSignals?>(nil)
    private let reportedIssues = Mutex<Set<ResourceIssue>>([])

    public init(config: CollectorsConfig, readiness: Readiness, logger: Logger) {
        let configuration = ResourceCollector.Configuration(
            root: config.rootPath,
            diskMountPoints: config.diskMountPoints,
            excludedNetworkDevices: Set(config.excludeNetworkDevices)
        )
        self.sampler = ResourceSampler(collector: ResourceCollector(configuration: configuration))
        self.interval = config.interval.swiftDuration
        self.readiness = readiness
        self.logger = logger
    }

    /// The most recent sample, or nil before the first collection.
    public var latest: ResourceSignals? { latestSignals.withLock { $0 } }

    /// Takes one sample now (also what `run` does every interval).
    public func collectOnce() {
        let signals = sampler.sample()
        latestSignals.withLock { $0 = signals }
        logNewIssues(signals.snapshot.issues)
        readiness.mark(.resourcesCollected)
    }

    public func run() async throws {
        collectOnce()
        // A utilization ratio needs two readings; take the second soon so the
        // first scrapes after start already carry it.
        await PeriodicTask.run(initialDelay: min(interval, .seconds(1)), every: interval) { self.collectOnce() }
    }

    /// Each distinct problem (a missing file, an unreadable mount) is logged
    /// once, not on every interval.
    private func logNewIssues(_ issues: [ResourceIssue]) {
        let fresh = reportedIssues.withLock { reported in issues.filter { reported.insert($0).inserted } }
        for issue in fresh {
            logger.notice("resource signal unavailable", metadata: ["signal": "\(issue.signal)", "reason": "\(issue.message)"])
        }
    }
}
