/// A PodMetrics or NodeMetrics object: written with `kind`/`apiVersion`
/// alone, without them as a list item (Go omits an empty `TypeMeta`).
public protocol ResourceMetricsItem: Sendable, Hashable, Codable {
    /// The list's kind, `PodMetricsList` or `NodeMetricsList`.
    static var listKind: String { get }
    var includesTypeMeta: Bool { get set }
}

/// `metrics/v1beta1.PodMetricsList` and `NodeMetricsList`.
public struct ResourceMetricsList<Item: ResourceMetricsItem>: Sendable, Hashable, Codable {
    public var items: [Item]

    public init(items: [Item]) {
        self.items = items
    }

    private enum CodingKeys: String, CodingKey { case kind, apiVersion, metadata, items }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        items = try container.decodeIfPresent([Item].self, forKey: .items) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Item.listKind, forKey: .kind)
        try container.encode(MetricsAPIGroupVersion.resourceV1Beta1.rawValue, forKey: .apiVersion)
        try container.encode(EmptyObject(), forKey: .metadata)
        try container.encode(items.map { item in
            var inList = item
            inList.includesTypeMeta = false
            return inList
        }, forKey: .items)
    }
}

public typealias PodMetricsList = ResourceMetricsList<PodMetrics>
public typealias NodeMetricsList = ResourceMetricsList<NodeMetrics>

extension KubeMetricsService {
    /// The answer to a resource metrics request once its objects are built:
    /// the named object (404 when it has no series or lacks a resource, 503
    /// when its data is stale or unusable), or the list (503 only when it
    /// would be empty because every object it found is stale or unusable).
    func resourceAnswer<Item: ResourceMetricsItem>(_ items: [Item], problems: [UsageProblem],
                                                    request: ResourceMetricRequest) throws(KubeAPIError) -> KubeAPIResponse {
        if let name = request.name {
            guard let item = items.first else {
                switch problems.first {
                case .stale(let message)?, .unusable(let message)?: throw .serviceUnavailable(message)
                case .incomplete(let message)?: throw Self.resourceNotFound(request.kind, name: name, reason: message)
                case nil: throw Self.resourceNotFound(request.kind, name: name, reason: nil)
                }
            }
            return .json(item)
        }
        if items.isEmpty, let refused = problems.first(where: { if case .incomplete = $0 { false } else { true } }) {
            let what = request.kind == .pods ? "pod" : "node"
            throw .serviceUnavailable("no \(what) has fresh metrics; for example \(refused.message)")
        }
        return .json(ResourceMetricsList(items: items))
    }
}
