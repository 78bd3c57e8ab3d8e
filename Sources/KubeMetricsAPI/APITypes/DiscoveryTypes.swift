/// `metav1.GroupVersionForDiscovery`.
public struct GroupVersionForDiscovery: Sendable, Hashable, Codable {
    public var groupVersion: String
    public var version: String

    public init(groupVersion: String, version: String) {
        self.groupVersion = groupVersion
        self.version = version
    }
}

/// `metav1.APIGroup`. Inside an `APIGroupList` Kubernetes writes no
/// kind/apiVersion for each group; served alone at `/apis/<group>` it does.
public struct APIGroup: Sendable, Hashable, Codable {
    public var name: String
    public var versions: [GroupVersionForDiscovery]
    public var preferredVersion: GroupVersionForDiscovery
    /// Whether to write `"kind":"APIGroup","apiVersion":"v1"`.
    public var includesTypeMeta: Bool

    public init(name: String, versions: [GroupVersionForDiscovery], preferredVersion: GroupVersionForDiscovery, includesTypeMeta: Bool = true) {
        self.name = name
        self.versions = versions
        self.preferredVersion = preferredVersion
        self.includesTypeMeta = includesTypeMeta
    }

    private enum CodingKeys: String, CodingKey {
        case kind, apiVersion, name, versions, preferredVersion
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        versions = try container.decode([GroupVersionForDiscovery].self, forKey: .versions)
        preferredVersion = try container.decode(GroupVersionForDiscovery.self, forKey: .preferredVersion)
        includesTypeMeta = container.contains(.kind)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if includesTypeMeta {
            try container.encode("APIGroup", forKey: .kind)
            try container.encode("v1", forKey: .apiVersion)
        }
        try container.encode(name, forKey: .name)
        try container.encode(versions, forKey: .versions)
        try container.encode(preferredVersion, forKey: .preferredVersion)
    }
}

/// `metav1.APIGroupList`, served at `/apis`.
public struct APIGroupList: Sendable, Hashable, Codable {
    public var groups: [APIGroup]

    public init(groups: [APIGroup]) {
        self.groups = groups
    }

    private enum CodingKeys: String, CodingKey { case kind, apiVersion, groups }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        groups = try container.decode([APIGroup].self, forKey: .groups)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("APIGroupList", forKey: .kind)
        try container.encode("v1", forKey: .apiVersion)
        try container.encode(groups.map { group in
            var inList = group
            inList.includesTypeMeta = false
            return inList
        }, forKey: .groups)
    }
}

/// `metav1.APIResource`: one entry of a group-version's resource list.
public struct APIResource: Sendable, Hashable, Codable {
    public var name: String
    /// Always written, empty for the metrics APIs (Go has no omitempty here).
    public var singularName: String
    public var namespaced: Bool
    public var kind: String
    public var verbs: [String]

    public init(name: String, singularName: String = "", namespaced: Bool, kind: String, verbs: [String] = ["get"]) {
        self.name = name
        self.singularName = singularName
        self.namespaced = namespaced
        self.kind = kind
        self.verbs = verbs
    }
}

/// `metav1.APIResourceList`, served at `/apis/<group>/<version>`; the
/// aggregator's availability check and `kubectl api-resources` read it.
public struct APIResourceList: Sendable, Hashable, Codable {
    public var groupVersion: String
    public var resources: [APIResource]

    public init(groupVersion: String, resources: [APIResource]) {
        self.groupVersion = groupVersion
        self.resources = resources
    }

    private enum CodingKeys: String, CodingKey { case kind, apiVersion, groupVersion, resources }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        groupVersion = try container.decode(String.self, forKey: .groupVersion)
        resources = try container.decode([APIResource].self, forKey: .resources)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("APIResourceList", forKey: .kind)
        try container.encode("v1", forKey: .apiVersion)
        try container.encode(groupVersion, forKey: .groupVersion)
        try container.encode(resources, forKey: .resources)
    }
}
