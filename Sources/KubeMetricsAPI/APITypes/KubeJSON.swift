#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The one JSON encoding every response uses.
///
/// Keys are sorted so output is byte-for-byte reproducible (tests compare
/// exact strings; clients do not care about order), and `/` is not escaped
/// so `"apiVersion":"external.metrics.k8s.io/v1beta1"` reads as in Kubernetes.
public enum KubeJSON {
    public static func encode(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    public static func encodeToString(_ value: some Encodable) throws -> String {
        String(decoding: try encode(value), as: UTF8.self)
    }

    public static func decode<Value: Decodable>(_ type: Value.Type, from bytes: [UInt8]) throws -> Value {
        try JSONDecoder().decode(type, from: Data(bytes))
    }

    public static let contentType = "application/json"
}
