/// The API group-versions this server registers with kube-aggregator
/// (one `APIService` each).
public enum MetricsAPIGroupVersion: String, Sendable, Hashable, CaseIterable {
    case externalV1Beta1 = "external.metrics.k8s.io/v1beta1"
    case customV1Beta2 = "custom.metrics.k8s.io/v1beta2"
    case customV1Beta1 = "custom.metrics.k8s.io/v1beta1"
    /// The resource metrics API metrics-server serves (`kubectl top`, the
    /// HPA's `Resource` metrics); served only when configured.
    case resourceV1Beta1 = "metrics.k8s.io/v1beta1"

    public static let externalGroup = "external.metrics.k8s.io"
    public static let customGroup = "custom.metrics.k8s.io"
    public static let resourceGroup = "metrics.k8s.io"

    public var group: String {
        switch self {
        case .externalV1Beta1: return Self.externalGroup
        case .customV1Beta1, .customV1Beta2: return Self.customGroup
        case .resourceV1Beta1: return Self.resourceGroup
        }
    }

    public var version: String {
        switch self {
        case .externalV1Beta1, .customV1Beta1, .resourceV1Beta1: return "v1beta1"
        case .customV1Beta2: return "v1beta2"
        }
    }

    public init?(group: String, version: String) {
        self.init(rawValue: "\(group)/\(version)")
    }

    /// Versions of a group, preferred first (custom metrics: v1beta2, as the
    /// HPA controller prefers it, then v1beta1 for older clients).
    public static func versions(of group: String) -> [MetricsAPIGroupVersion] {
        allCases.filter { $0.group == group }
    }

    public static var groups: [String] { [externalGroup, customGroup, resourceGroup] }
}
