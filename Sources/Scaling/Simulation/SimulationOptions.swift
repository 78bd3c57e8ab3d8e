/// How a replay runs. All fields have defaults, so `SimulationOptions()` is the
/// controller as deployed: 15 s syncs, starting at `minReplicas`, over the
/// whole input.
public struct SimulationOptions: Sendable, Hashable, Codable {
    /// Replicas before the first sync; nil = the autoscaler's `minReplicas`.
    public var startReplicas: Int?
    /// First sync time; nil = the earliest sample of any used series.
    public var start: Double?
    /// Last possible sync time; nil = the latest sample of any used series.
    public var end: Double?
    /// `--horizontal-pod-autoscaler-sync-period`.
    public var syncPeriodSeconds: Double
    /// Samples older than this at a sync count as missing; nil = no limit
    /// (the latest value at or before the sync is used however old).
    public var maxSampleAgeSeconds: Double?
    /// Whether per-pod inputs react to the simulated replica count.
    public var loadModel: LoadModel

    public init(
        startReplicas: Int? = nil,
        start: Double? = nil,
        end: Double? = nil,
        syncPeriodSeconds: Double = 15,
        maxSampleAgeSeconds: Double? = nil,
        loadModel: LoadModel = .asRecorded
    ) {
        self.startReplicas = startReplicas
        self.start = start
        self.end = end
        self.syncPeriodSeconds = syncPeriodSeconds
        self.maxSampleAgeSeconds = maxSampleAgeSeconds
        self.loadModel = loadModel
    }

    /// Missing keys take their defaults, so an HTTP caller can send `{}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            startReplicas: try container.decodeIfPresent(Int.self, forKey: .startReplicas),
            start: try container.decodeIfPresent(Double.self, forKey: .start),
            end: try container.decodeIfPresent(Double.self, forKey: .end),
            syncPeriodSeconds: try container.decodeIfPresent(Double.self, forKey: .syncPeriodSeconds) ?? 15,
            maxSampleAgeSeconds: try container.decodeIfPresent(Double.self, forKey: .maxSampleAgeSeconds),
            loadModel: try container.decodeIfPresent(LoadModel.self, forKey: .loadModel) ?? .asRecorded
        )
    }

    /// A guard against a typo'd range turning one request into millions of syncs.
    public static let maximumSyncs = 200_000
}

/// Per-pod inputs (Resource, ContainerResource and Pods metrics) were measured
/// at some replica count. A replay can either feed them to the controller
/// unchanged, or assume the same load spreads over however many replicas the
/// controller chose, which is what an operator means by "a load ramp".
/// Object and External values (request rate, error rate) are never rescaled.
///
/// JSON: `{"asRecorded":{}}`, `{"spreadLoad":{"recordedReplicas":3}}`,
/// `{"spreadLoadBySeries":{"name":"replicas"}}`.
public enum LoadModel: Sendable, Hashable, Codable {
    /// The controller reads the values as given, whatever it does.
    case asRecorded
    /// Values were measured with `recordedReplicas` pods; the controller reads
    /// value × recordedReplicas / current replicas.
    case spreadLoad(recordedReplicas: Int)
    /// As `spreadLoad`, with the recorded count taken over time from the named
    /// input series (e.g. `replicas`, from kube_deployment_status_replicas).
    case spreadLoadBySeries(name: String)
}
