/// The OpenAPI documents an aggregated API server publishes.
///
/// kube-aggregator downloads `/openapi/v2` and `/openapi/v3` from every
/// `APIService` backend and merges them into the cluster's documents; a
/// backend that serves nothing there fills the aggregator's log with
/// errors. These are small but complete: every path this server answers,
/// with schemas for what it returns.
public enum MetricsOpenAPI {
    static let title = "agent360 metrics API"
    static let documentVersion = "v1"

    /// Swagger 2.0 for all group-versions (`/openapi/v2`).
    public static func v2Document(_ served: [MetricsAPIGroupVersion] = MetricsAPIGroupVersion.allCases) -> JSONValue {
        var paths: [String: JSONValue] = [:]
        var definitions: [String: JSONValue] = [:]
        for groupVersion in served {
            paths.merge(OpenAPIPaths.paths(for: groupVersion, style: .v2)) { _, new in new }
            definitions.merge(OpenAPISchemas.schemas(for: groupVersion, refPrefix: "#/definitions/")) { _, new in new }
        }
        return [
            "swagger": "2.0",
            "info": ["title": .string(title), "version": .string(documentVersion)],
            "paths": .object(paths),
            "definitions": .object(definitions),
        ]
    }

    /// OpenAPI 3.0 for one group-version (`/openapi/v3/apis/<group>/<version>`).
    public static func v3Document(_ groupVersion: MetricsAPIGroupVersion) -> JSONValue {
        [
            "openapi": "3.0.0",
            "info": ["title": .string(title), "version": .string(documentVersion)],
            "paths": .object(OpenAPIPaths.paths(for: groupVersion, style: .v3)),
            "components": ["schemas": .object(OpenAPISchemas.schemas(for: groupVersion, refPrefix: "#/components/schemas/"))],
        ]
    }

    /// The `/openapi/v3` index: each group-version's document URL with a
    /// content hash, which clients and the aggregator use as a cache key.
    public static func v3Index(_ served: [MetricsAPIGroupVersion] = MetricsAPIGroupVersion.allCases) -> JSONValue {
        var paths: [String: JSONValue] = [:]
        for groupVersion in served {
            let hash = (try? KubeJSON.encode(v3Document(groupVersion))).map(fnv1aHex) ?? "0"
            paths["apis/\(groupVersion.rawValue)"] = [
                "serverRelativeURL": .string("/openapi/v3/apis/\(groupVersion.rawValue)?hash=\(hash)"),
            ]
        }
        return ["paths": .object(paths)]
    }

    /// 64-bit FNV-1a as 16 upper-case hex digits: stable across runs and
    /// platforms (unlike `Hasher`), and the documents never change while
    /// the process runs.
    static func fnv1aHex(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16, uppercase: true)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
