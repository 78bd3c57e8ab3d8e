/// `core/v1.ObjectReference` as the metrics APIs use it: which Kubernetes
/// object a custom metric value describes. Empty fields are omitted.
public struct ObjectReference: Sendable, Hashable, Codable {
    public var kind: String
    public var namespace: String?
    public var name: String
    public var apiVersion: String

    public init(kind: String, namespace: String?, name: String, apiVersion: String) {
        self.kind = kind
        self.namespace = namespace
        self.name = name
        self.apiVersion = apiVersion
    }

    private enum CodingKeys: String, CodingKey { case kind, namespace, name, apiVersion }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decodeIfPresent(String.self, forKey: .kind) ?? ""
        namespace = try container.decodeIfPresent(String.self, forKey: .namespace)
        name = try container.decodeIfPresent(String.self, forKey: .name) ?? ""
        apiVersion = try container.decodeIfPresent(String.self, forKey: .apiVersion) ?? ""
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if !kind.isEmpty { try container.encode(kind, forKey: .kind) }
        if let namespace, !namespace.isEmpty { try container.encode(namespace, forKey: .namespace) }
        if !name.isEmpty { try container.encode(name, forKey: .name) }
        if !apiVersion.isEmpty { try container.encode(apiVersion, forKey: .apiVersion) }
    }
}
